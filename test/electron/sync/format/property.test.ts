import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../../electron/sync/format/index.js';
import { SYNC_FORMAT_ERRORS } from '../../../../electron/sync/format/errors.js';
import { AppError } from '../../../../shared/errors.js';
import { changes, directoryLookup, directoryOf, encode, makeOffice } from './helpers.js';

const CODES = new Set<string>(SYNC_FORMAT_ERRORS);
const PER_CASE_MS = 2000;

describe('reader properties (fast-check)', async () => {
  const national = await makeOffice('kh', 'national', null);
  const commune = await makeOffice('kh-01-01-01', 'commune', 'kh');
  const options = { keys: directoryLookup(directoryOf(national, [commune])), identities: [national.keys.ageIdentity] };
  const valid = await encode(commune.keys, [national.keys], changes(40, 'kh-01-01-01', 4));

  /** Reads fully; resolves 'ok' or a sync.* code; anything else (crash, foreign error, hang) fails. */
  async function outcome(bytes: Uint8Array): Promise<string> {
    const work = (async () => {
      try {
        const opened = await readBundle({ bytes, name: 'p.bchb' }, options);
        for await (const _ of opened.records());
        return 'ok';
      } catch (error) {
        if (error instanceof AppError && CODES.has(error.code)) return error.code;
        throw error;
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('hang')), PER_CASE_MS)));
    try {
      return await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('random bytes never crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        expect(await outcome(bytes)).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
  });

  it('random bytes behind a valid magic and version never crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (tail) => {
        const bytes = new Uint8Array(10 + tail.length);
        bytes.set(valid.subarray(0, 10));
        bytes.set(tail, 10);
        expect(await outcome(bytes)).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
  });

  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 300 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 300 }) }),
    fc.record({ kind: fc.constant('copy' as const), from: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 2000 }) }),
  );

  it('mutated valid bundles are rejected with a sync.* code, never crash or hang', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        let bytes = Buffer.from(valid);
        for (const m of mutations) {
          const at = m.at % (bytes.length + 1);
          if (m.kind === 'set' && at < bytes.length) bytes[at] = bytes[at] === m.value ? m.value ^ 1 : m.value;
          if (m.kind === 'delete') bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
          if (m.kind === 'insert') bytes = Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
          if (m.kind === 'copy') {
            const from = m.from % bytes.length;
            bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(from, from + m.length), bytes.subarray(at)]);
          }
        }
        const code = await outcome(new Uint8Array(bytes));
        if (!bytes.equals(valid)) expect(code).not.toBe('ok');
      }),
      { numRuns: 1000 },
    );
  });
});
