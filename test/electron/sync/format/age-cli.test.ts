import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeBundle, readBundle } from '../../../../electron/sync/format/index.js';
import { parseOuter } from '../../../../electron/sync/format/read.js';
import { DEFAULT_LIMITS, INNER_MAGIC } from '../../../../electron/sync/format/layout.js';
import { outerBytes, outerPreamble } from '../../../../electron/sync/format/write.js';
import { sha256Hex, utf8 } from '../../../../electron/sync/crypto/encoding.js';
import { sign } from '../../../../electron/sync/crypto/sign.js';
import { bundleInput, changes, directoryLookup, directoryOf, makeOffice } from './helpers.js';

describe('age v1 interoperability with the age command line tool', async () => {
  const national = await makeOffice('kh', 'national', null);
  const commune = await makeOffice('kh-01-01-01', 'commune', 'kh');
  const keys = directoryLookup(directoryOf(national, [commune]));
  const dir = mkdtempSync(join(tmpdir(), 'banhchi-age-'));
  const identityFile = join(dir, 'national.key');
  writeFileSync(identityFile, `${national.keys.ageIdentity}\n`, { mode: 0o600 });

  it('the payload decrypts with `age -d -i identityfile`', async () => {
    const { bytes } = await encodeBundle(bundleInput(commune.keys, [national.keys], changes(200, 'kh-01-01-01', 30)));
    const { payload } = parseOuter(bytes, DEFAULT_LIMITS, 'x.bchb');
    const payloadFile = join(dir, 'payload.age');
    writeFileSync(payloadFile, payload);
    const plain = execFileSync('age', ['-d', '-i', identityFile, payloadFile]);
    expect([...plain.subarray(0, 8)]).toEqual([...INNER_MAGIC]);
    const manifestLength = plain.readUInt32BE(8);
    const manifest = JSON.parse(plain.subarray(12, 12 + manifestLength).toString('utf8'));
    expect(manifest.sender).toBe('kh-01-01-01');
    expect(manifest.recordCount).toBe(200);
    expect(sha256Hex(plain.subarray(12 + manifestLength + 64))).toBe(manifest.bodySha256);
  });

  it('reads a bundle whose payload `age -r` encrypted', async () => {
    // Take a valid inner plaintext, re-encrypt it with the CLI, and sign the outer part as the commune.
    const { bytes, header } = await encodeBundle(bundleInput(commune.keys, [national.keys], changes(20, 'kh-01-01-01')));
    const payloadFile = join(dir, 'payload2.age');
    writeFileSync(payloadFile, parseOuter(bytes, DEFAULT_LIMITS, 'x').payload);
    const plainFile = join(dir, 'plain.bin');
    writeFileSync(plainFile, execFileSync('age', ['-d', '-i', identityFile, payloadFile]));
    const cliPayload = new Uint8Array(execFileSync('age', ['-r', national.keys.ageRecipient, plainFile]));
    const newHeader = { ...header, payloadLength: cliPayload.length, payloadSha256: sha256Hex(cliPayload) };
    const preamble = outerPreamble(utf8.encode(JSON.stringify(newHeader)));
    const file = outerBytes(preamble, sign('bundle', preamble, commune.keys.signingSecret), cliPayload);
    const opened = await readBundle({ bytes: file, name: 'cli.bchb' }, { keys, identities: [national.keys.ageIdentity] });
    let n = 0;
    for await (const _ of opened.records()) n++;
    expect(n).toBe(20);
    expect(readFileSync(plainFile).length).toBeGreaterThan(0);
  });
});
