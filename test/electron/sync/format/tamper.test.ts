import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeBundle, readBundle } from '../../../../electron/sync/format/index.js';
import { DEFAULT_LIMITS } from '../../../../electron/sync/format/layout.js';
import { parseOuter } from '../../../../electron/sync/format/read.js';
import { outerBytes, outerPreamble } from '../../../../electron/sync/format/write.js';
import { sha256Hex, utf8 } from '../../../../electron/sync/crypto/encoding.js';
import { sign } from '../../../../electron/sync/crypto/sign.js';
import { assemble, split, withBody } from './forge.js';
import { bundleInput, changes, codeOf, directoryLookup, directoryOf, encode, makeOffice, recipient } from './helpers.js';
import type { Limits } from '../../../../electron/sync/format/api.js';

describe('tampered, misdirected and hostile bundles', async () => {
  const national = await makeOffice('kh', 'national', null);
  const province = await makeOffice('kh-12', 'province', 'kh');
  const commune = await makeOffice('kh-12-01-01', 'commune', 'kh-12');
  const other = await makeOffice('kh-12-01-02', 'commune', 'kh-12');
  const directory = directoryOf(national, [province, commune, other]);
  const keys = directoryLookup(directory);
  const to = [province.keys, national.keys];
  const ages = to.map((k) => k.ageRecipient);
  const read = (bytes: Uint8Array, limits?: Partial<Limits>, k = keys): Promise<string> =>
    codeOf(readBundle({ bytes, name: 'b.bchb' }, { keys: k, identities: [national.keys.ageIdentity], ...(limits ? { limits } : {}) }));
  const a = await encode(commune.keys, to, changes(30, 'kh-12-01-01'));
  const b = await encode(commune.keys, to, changes(31, 'kh-12-01-01'));
  const parts = await split(a, national.keys.ageIdentity);

  it('accepts the untouched bundle and an insider re-assembly of it', async () => {
    expect(await read(a)).toBe('ok');
    expect(await read(await assemble(commune.keys, ages, parts))).toBe('ok');
  });

  it('wrong recipient: not in the header, or header lies about the payload', async () => {
    const onlyProvince = await encode(commune.keys, [province.keys], changes(3, 'kh-12-01-01'));
    expect(await read(onlyProvince)).toBe('sync.wrongRecipient');
    expect(await read(await assemble(commune.keys, [province.keys.ageRecipient], parts))).toBe('sync.wrongRecipient');
  });

  it('unknown office, unknown key, revoked key', async () => {
    expect(await read(a, undefined, directoryLookup(directoryOf(national, [province, other])))).toBe('sync.unknownOffice');
    const rekeyed = { ...commune, entry: { ...other.entry, officeId: commune.entry.officeId } };
    expect(await read(a, undefined, directoryLookup(directoryOf(national, [province, rekeyed])))).toBe('sync.unknownKey');
    const revoke = (after: number | null): ReturnType<typeof directoryLookup> =>
      directoryLookup(directoryOf(national, [province, { ...commune, entry: { ...commune.entry, status: 'revoked', revokedAfterSequence: after } }]));
    expect(await read(a, undefined, revoke(null))).toBe('sync.revokedKey');
    expect(await read(a, undefined, revoke(1))).toBe('ok'); // sequence 1 was sent before revocation
    const seq2 = (await encodeBundle({ ...bundleInput(commune.keys, to, changes(2, 'kh-12-01-01')), sequence: 2 })).bytes;
    expect(await read(seq2, undefined, revoke(1))).toBe('sync.revokedKey');
  });

  it('swapped outer signatures between two bundles', async () => {
    const oa = parseOuter(a, DEFAULT_LIMITS, 'a');
    const ob = parseOuter(b, DEFAULT_LIMITS, 'b');
    expect(await read(outerBytes(oa.preamble, ob.signature, oa.payload))).toBe('sync.badSignature');
    expect(await read(outerBytes(ob.preamble, oa.signature, ob.payload))).toBe('sync.badSignature');
  });

  it('swapped inner signatures, or inner signed by another office', async () => {
    const pb = await split(b, national.keys.ageIdentity);
    expect(await read(await assemble(commune.keys, ages, { ...parts, manifestSignature: pb.signatures.manifest }))).toBe('sync.badManifestSignature');
    const json = utf8.encode(JSON.stringify(parts.manifest));
    const byOther = sign('manifest', json, other.keys.signingSecret);
    expect(await read(await assemble(commune.keys, ages, { ...parts, manifestSignature: byOther }))).toBe('sync.badManifestSignature');
  });

  it('outer part signed by another valid office', async () => {
    const o = parseOuter(a, DEFAULT_LIMITS, 'a');
    expect(await read(outerBytes(o.preamble, sign('bundle', o.preamble, other.keys.signingSecret), o.payload))).toBe('sync.badSignature');
  });

  it('inner fields differ from the outer ones', async () => {
    for (const change of [{ sequence: 2 }, { sender: 'kh-12-01-02' }, { bundleId: '0190f0a0-0000-7000-8000-000000000000' }, { recipients: [recipient(national.keys).keyId] }]) {
      expect(await read(await assemble(commune.keys, ages, { ...parts, manifest: { ...parts.manifest, ...change } }))).toBe('sync.manifestMismatch');
    }
  });

  it('a damaged age payload that the sender signed anyway', async () => {
    const o = parseOuter(a, DEFAULT_LIMITS, 'a');
    const payload = o.payload.slice();
    payload[payload.length - 5]! ^= 1;
    const header = { ...o.header, payloadSha256: sha256Hex(payload) };
    const preamble = outerPreamble(utf8.encode(JSON.stringify(header)));
    expect(await read(outerBytes(preamble, sign('bundle', preamble, commune.keys.signingSecret), payload))).toBe('sync.decryptFailed');
  });

  it('bad records, counts and hashes inside a correctly signed bundle', async () => {
    const body = (text: string): { manifest: typeof parts.manifest; body: Uint8Array } => {
      const raw = utf8.encode(text);
      const gz = new Uint8Array(gzipSync(raw));
      return { manifest: { ...withBody(parts.manifest, gz, raw), recordCount: 1, counts: { person: 1 } }, body: gz };
    };
    const good = JSON.stringify(changes(1, 'kh-12-01-01')[0]);
    expect(await read(await assemble(commune.keys, ages, { ...parts, ...body(`${good}\n`) }))).toBe('ok');
    for (const line of ['not json', '{"entity":"person"}', good.replace('"rev":1', '"rev":-1'), good.replace('"actor"', '"__proto__":{},"actor"'), `${good.slice(0, -1)},"x":1}`]) {
      expect(await codeOfAll(await assemble(commune.keys, ages, { ...parts, ...body(`${line}\n`) }))).toBe('sync.badRecord');
    }
    expect(await codeOfAll(await assemble(commune.keys, ages, { ...parts, ...body(`${good}\n${good}\n`) }))).toBe('sync.countMismatch');
    expect(await codeOfAll(await assemble(commune.keys, ages, { ...parts, ...body(good) }))).toBe('sync.badRecord');
    const wrongHash = { ...parts, manifest: { ...parts.manifest, bodySha256: '0'.repeat(64) } };
    expect(await read(await assemble(commune.keys, ages, wrongHash))).toBe('sync.hashMismatch');
    const wrongRaw = { ...parts, manifest: { ...parts.manifest, rawSha256: '0'.repeat(64) } };
    expect(await read(await assemble(commune.keys, ages, wrongRaw))).toBe('sync.hashMismatch');
  });

  async function codeOfAll(bytes: Uint8Array): Promise<string> {
    return codeOf(
      (async () => {
        const opened = await readBundle({ bytes, name: 'b.bchb' }, { keys, identities: [national.keys.ageIdentity] });
        for await (const _ of opened.records());
      })(),
    );
  }

  it('a decompression bomb stops at the declared size and at the cap', async () => {
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const bomb = new Uint8Array(gzipSync(zeros, { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    const lying = { ...withBody(parts.manifest, bomb, zeros.subarray(0, 1000)) };
    const started = Date.now();
    expect(await read(await assemble(commune.keys, ages, { ...parts, manifest: lying, body: bomb }))).toBe('sync.tooLarge');
    const honest = withBody(parts.manifest, bomb, zeros);
    expect(await read(await assemble(commune.keys, ages, { ...parts, manifest: honest, body: bomb }), { maxDecompressed: 1024 * 1024 })).toBe('sync.tooLarge');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('size limits: accepted at the limit, sync.tooLarge one over', async () => {
    const o = parseOuter(a, DEFAULT_LIMITS, 'a');
    const manifestLength = utf8.encode(JSON.stringify(parts.manifest)).length;
    const cases: [keyof Limits, number][] = [
      ['maxFile', a.length],
      ['maxHeader', o.preamble.length - 14],
      ['maxPayload', o.payload.length],
      ['maxManifest', manifestLength],
      ['maxDecompressed', parts.manifest.rawLength],
      ['maxRecords', parts.manifest.recordCount],
      ['maxRecipients', 2],
    ];
    for (const [limit, size] of cases) {
      expect(await codeOfAll2(a, { [limit]: size }), limit).toBe('ok');
      expect(await codeOfAll2(a, { [limit]: size - 1 }), limit).toBe('sync.tooLarge');
    }
    const ageHeader = new TextDecoder('latin1').decode(o.payload.subarray(0, 2000)).indexOf('\n--- ') + 1;
    expect(await read(a, { maxAgeHeader: ageHeader + 50 })).toBe('ok');
    expect(await read(a, { maxAgeHeader: ageHeader })).toBe('sync.tooLarge');
  });

  async function codeOfAll2(bytes: Uint8Array, limits: Partial<Limits>): Promise<string> {
    return codeOf(
      (async () => {
        const opened = await readBundle({ bytes, name: 'b.bchb' }, { keys, identities: [national.keys.ageIdentity], limits });
        for await (const _ of opened.records());
      })(),
    );
  }

  it('wrong kind and bad magic/version', async () => {
    expect(await codeOf(readBundle({ bytes: a, name: 'b.bchb' }, { keys, identities: [national.keys.ageIdentity], kind: 'receipt' }))).toBe('sync.wrongKind');
    expect(await read(utf8.encode('PK\x03\x04 not a bundle at all'))).toBe('sync.badMagic');
    const v3 = a.slice();
    v3[9] = 3;
    expect(await read(v3)).toBe('sync.badVersion');
    // A format 2 bundle relabelled as format 1 in its preamble: the header's format no longer matches.
    const relabelled = a.slice();
    relabelled[9] = 1;
    expect(await read(relabelled)).toBe('sync.badVersion');
  });
});
