import { describe, expect, it } from 'vitest';
import { readBundle, inspectBundle } from '../../../../electron/sync/format/index.js';
import { bundleInput, changes, codeOf, directoryLookup, directoryOf, makeOffice } from './helpers.js';
import { encodeBundle } from '../../../../electron/sync/format/index.js';

describe('bundle round trip', () => {
  it('reads back exactly what was written', async () => {
    const national = await makeOffice('kh', 'national', null);
    const province = await makeOffice('kh-12', 'province', 'kh');
    const commune = await makeOffice('kh-12-01-01', 'commune', 'kh-12');
    const keys = directoryLookup(directoryOf(national, [province, commune]));
    const records = changes(50, 'kh-12-01-01');
    const { bytes, header, bundleHash } = await encodeBundle(bundleInput(commune.keys, [province.keys, national.keys], records));
    const name = `banhchi-${header.bundleId}.bchb`;
    const opened = await readBundle({ bytes, name }, { keys, identities: [national.keys.ageIdentity], kind: 'changes' });
    expect(opened.bundleHash).toBe(bundleHash);
    expect(opened.manifest.counts).toEqual({ person: 17, stay: 33 });
    const got = [];
    for await (const r of opened.records()) got.push(r);
    expect(got).toEqual(records);
    expect((await inspectBundle({ bytes, name })).header).toEqual(header);
    expect(await codeOf(readBundle({ bytes, name }, { keys, identities: [commune.keys.ageIdentity] }))).toBe('sync.wrongRecipient');
  });
});
