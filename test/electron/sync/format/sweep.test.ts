import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../../electron/sync/format/index.js';
import { SYNC_FORMAT_ERRORS } from '../../../../electron/sync/format/errors.js';
import { DEFAULT_LIMITS } from '../../../../electron/sync/format/layout.js';
import { parseOuter } from '../../../../electron/sync/format/read.js';
import { changes, codeOf, directoryLookup, directoryOf, encode, makeOffice } from './helpers.js';

const KiB16 = 16 * 1024;
const CODES = new Set<string>(SYNC_FORMAT_ERRORS);

/** Deterministic PRNG so a failure can be reproduced. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exhaustive damage sweeps', async () => {
  const national = await makeOffice('kh', 'national', null);
  const commune = await makeOffice('kh-01-01-01', 'commune', 'kh');
  const options = { keys: directoryLookup(directoryOf(national, [commune])), identities: [national.keys.ageIdentity] };
  const bytes = await encode(commune.keys, [national.keys], changes(2500, 'kh-01-01-01', 12));
  const outer = parseOuter(bytes, DEFAULT_LIMITS, 'x');
  const signatureStart = outer.preamble.length;
  const payloadStart = signatureStart + 64;
  const read = (b: Uint8Array): Promise<string> => codeOf(readBundle({ bytes: b, name: 'banhchi-test.bchb' }, options));

  it('starts from a valid bundle larger than 16 KiB spanning several age chunks', async () => {
    expect(bytes.length).toBeGreaterThan(2 * 64 * 1024);
    expect(await read(bytes)).toBe('ok');
  });

  it('reports sync.truncated at every offset in the first 16 KiB and 1,000 random offsets', async () => {
    const rand = prng(1);
    const offsets = [...Array.from({ length: KiB16 }, (_, i) => i), ...Array.from({ length: 1000 }, () => KiB16 + Math.floor(rand() * (bytes.length - KiB16)))];
    for (let n = 0; n <= 200; n++) offsets.push(bytes.length - 1 - n); // the end, including chunk tails
    const wrong: string[] = [];
    for (const n of offsets) {
      const code = await read(bytes.subarray(0, n));
      if (code !== 'sync.truncated') wrong.push(`${n}:${code}`);
    }
    expect(wrong).toEqual([]);
  });

  /** Region-specific expectation for one flipped bit at `at`. */
  function expected(at: number): string[] | null {
    if (at < 8) return ['sync.badMagic'];
    if (at < 10) return ['sync.badVersion'];
    if (at < signatureStart) return null; // length or header JSON: any clear sync.* code
    if (at < payloadStart) return ['sync.badSignature'];
    return ['sync.hashMismatch'];
  }

  it('rejects a flipped bit at every byte of the first 16 KiB and 10,000 random positions', async () => {
    const rand = prng(2);
    const positions = [...Array.from({ length: KiB16 }, (_, i) => i), ...Array.from({ length: 10_000 }, () => Math.floor(rand() * bytes.length))];
    const copy = bytes.slice();
    const wrong: string[] = [];
    for (const [i, at] of positions.entries()) {
      const bit = 1 << (i < KiB16 ? i % 8 : Math.floor(rand() * 8));
      copy[at]! ^= bit;
      const code = await read(copy);
      copy[at]! ^= bit;
      const allowed = expected(at);
      if (allowed ? !allowed.includes(code) : !CODES.has(code)) wrong.push(`${at}:${code}`);
    }
    expect(wrong).toEqual([]);
  });

  it('rejects trailing junk of any length', async () => {
    for (const extra of [1, 2, 64, 1000]) {
      const longer = new Uint8Array(bytes.length + extra);
      longer.set(bytes);
      expect(await read(longer)).toBe('sync.trailingData');
    }
  });
});
