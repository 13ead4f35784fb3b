import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ageKeyId, readBundle, signingKeyId } from '../../../../electron/sync/format/index.js';
import { DEFAULT_LIMITS } from '../../../../electron/sync/format/layout.js';
import { parseOuter } from '../../../../electron/sync/format/read.js';
import { sha256Hex, utf8 } from '../../../../electron/sync/crypto/encoding.js';
import { sign } from '../../../../electron/sync/crypto/sign.js';
import { fixedKeys, FIXTURE_DIR } from '../../../fixtures/sync/vectors.js';
import { split } from './forge.js';
import { directoryLookup } from './helpers.js';
import type { DirectoryEntry, OfficeKeys } from '../../../../electron/sync/format/api.js';

const expected = JSON.parse(readFileSync(`${FIXTURE_DIR}expected.json`, 'utf8'));
const bundle = new Uint8Array(readFileSync(`${FIXTURE_DIR}bundle.bchb`));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

function entry(keys: OfficeKeys, level: DirectoryEntry['level']): DirectoryEntry {
  return {
    officeId: keys.officeId, level, unitCode: keys.officeId, name: keys.officeId, parentOfficeId: null,
    signingKey: Buffer.from(keys.signingPublic).toString('base64'), signingKeyId: signingKeyId(keys.signingPublic),
    ageRecipient: keys.ageRecipient, ageKeyId: ageKeyId(keys.ageRecipient), status: 'active', revokedAfterSequence: null,
  };
}

describe('committed test vectors (test/fixtures/sync)', async () => {
  const { national, commune } = await fixedKeys();

  it('re-derives public keys and fingerprints from the fixed secrets', () => {
    expect(hex(national.signingPublic)).toBe(expected.signingPublic.national);
    expect(hex(commune.signingPublic)).toBe(expected.signingPublic.commune);
    expect(signingKeyId(commune.signingPublic)).toBe(expected.signingKeyIds.commune);
    expect(ageKeyId(national.ageRecipient)).toBe(expected.ageKeyIds.national);
  });

  it('re-derives the outer hash and the deterministic Ed25519 signatures', async () => {
    expect(sha256Hex(bundle)).toBe(expected.fileSha256);
    const outer = parseOuter(bundle, DEFAULT_LIMITS, 'bundle.bchb');
    expect(outer.header).toEqual(expected.header);
    expect(sha256Hex(outer.preamble)).toBe(expected.bundleHash);
    expect(sha256Hex(outer.payload)).toBe(expected.header.payloadSha256);
    expect(hex(sign('bundle', outer.preamble, commune.signingSecret))).toBe(expected.outerSignature);
    expect(hex(outer.signature)).toBe(expected.outerSignature);
    const parts = await split(bundle, national.ageIdentity);
    expect(parts.manifest).toEqual(expected.manifest);
    const manifestJson = utf8.encode(JSON.stringify(parts.manifest));
    expect(hex(sign('manifest', manifestJson, commune.signingSecret))).toBe(hex(parts.signatures.manifest));
    expect(sha256Hex(parts.body)).toBe(expected.manifest.bodySha256);
  });

  it('decodes to exactly records.ndjson, via the project and via `age -d` + gunzip', async () => {
    const ndjson = readFileSync(`${FIXTURE_DIR}records.ndjson`);
    expect(sha256Hex(ndjson)).toBe(expected.manifest.rawSha256);
    const keys = directoryLookup({ version: 1, issuedAt: '', issuer: 'kh', issuerKeyId: '', entries: [entry(national, 'national'), entry(commune, 'commune')] });
    const opened = await readBundle({ bytes: bundle, name: 'bundle.bchb' }, { keys, identities: [national.ageIdentity] });
    const lines: string[] = [];
    for await (const r of opened.records()) lines.push(JSON.stringify(r) + '\n');
    expect(lines.join('')).toBe(ndjson.toString('utf8'));
    const idFile = join(mkdtempSync(join(tmpdir(), 'banhchi-vec-')), 'id');
    writeFileSync(idFile, `${national.ageIdentity}\n`, { mode: 0o600 });
    const plain = execFileSync('age', ['-d', '-i', idFile, `${FIXTURE_DIR}payload.age`]);
    const manifestLength = plain.readUInt32BE(8);
    const body = plain.subarray(12 + manifestLength + 64);
    expect(execFileSync('gunzip', ['-c'], { input: body }).toString('utf8')).toBe(ndjson.toString('utf8'));
  });
});
