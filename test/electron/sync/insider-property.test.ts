import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isNationalityCode } from '../../../shared/reference/nationalities.js';
import type { Database } from '../../../electron/db/open.js';
import { encodeBundle, type Change } from '../../../electron/sync/format/index.js';
import { basePerson, basePremises, IDS } from '../../fixtures/insider/cases.js';
import { recipients } from '../../fixtures/insider/offices.js';
import { fileHash, makeWorld, openCopy, problemsOf, tryImport, type InsiderWorld } from './insider-world.js';

/**
 * More insider bundles, generated: commune A's real keys, one bad value or one foreign origin in
 * an otherwise valid change. Every one is refused whole and the province's database file stays
 * byte-identical (one database for all runs: a single accepted bundle would show).
 */
let world: InsiderWorld;
let db: Database;
let previous: string;
let before: string;
let n = 0;

beforeAll(async () => {
  world = await makeWorld();
  db = openCopy(world, 'P');
  previous = db.prepare('SELECT last_hash FROM sync_peer WHERE office_id = ?').pluck().get(world.offices.A.id) as string;
  before = fileHash(db);
}, 120_000);
afterAll(() => {
  db?.close();
  world?.cleanup();
});

async function importFromA(records: Change[]) {
  const { bytes } = await encodeBundle({
    kind: 'changes', sender: world.offices.A.keys, recipients: recipients(world.offices, ['P', 'N']), sequence: 2, previousHash: previous,
    directoryVersion: 1, appVersion: 'property', schemaVersion: 30, records,
  });
  return tryImport(db, world.receivers.P, { bytes, name: `generated-${++n}.bchb` });
}

const at = '2026-01-06T08:00:00.000Z';
let ids = 0;
const fresh = () => `01900000-0000-7000-8000-0000000${(0xd0000 + ++ids).toString(16)}`;
const change = (entity: string, data: Record<string, unknown>, extra: Partial<Change> = {}): Change =>
  ({ entity, op: 'insert', id: fresh(), origin: world.offices.A.id, rev: 1, actor: 'clerk-a', at, data, ...extra }) as Change;

const insertAt = (text: string, bad: string, position: number) => {
  const i = position % (text.length + 1);
  return `${text.slice(0, i)}${bad}${text.slice(i)}`;
};
const controlChar = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.integer({ min: 0x7f, max: 0x9f })).map((c) => String.fromCharCode(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const year = fc.integer({ min: 1900, max: 2100 });
const pad = (v: number) => String(v).padStart(2, '0');

/** [entity, field, bad value, reason the validator must give]. */
type Bad = [string, string, unknown, string];
const badOf = (entity: string, field: string, value: unknown, reason: string): Bad => [entity, field, value, reason];
const badValue: fc.Arbitrary<Bad> = fc.oneof(
  fc.tuple(
    fc.constantFrom('birth_date', 'passport_expiry', 'visa_expiry', 'entry_date'),
    fc.oneof(
      fc.constantFrom('yesterday', 'tomorrow', '', '2026-02-30', '2023-02-29', '2026-1-1', '01/02/2026', '2026-02-01T00:00:00Z'),
      fc.tuple(year, fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
      fc.tuple(year, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
      fc.tuple(year, fc.constantFrom(4, 6, 9, 11)).map(([y, m]) => `${y}-${pad(m)}-31`),
    ),
  ).map(([field, value]) => badOf('person', field, value, 'badDate')),
  fc.tuple(fc.constantFrom('surname', 'given_names', 'name_km', 'passport_no'), fc.oneof(controlChar, loneSurrogate), fc.nat())
    .map(([field, bad, at]) => badOf('person', field, insertAt(String(basePerson('A7654321')[field]), bad, at), 'badText')),
  fc.tuple(fc.constantFrom('name_latin', 'village', 'street'), fc.oneof(controlChar, loneSurrogate), fc.nat())
    .map(([field, bad, at]) => badOf('premises', field, insertAt('Sunrise Guesthouse', bad, at), 'badText')),
  fc.integer({ min: 2001, max: 50_000 }).map((length) => badOf('person', 'note', 'n'.repeat(length), 'tooLong')),
  fc.stringMatching(/^[A-Z]{1,3}$/).filter((c) => !isNationalityCode(c)).map((c) => badOf('person', 'nationality', c, 'notInList')),
  fc.string({ minLength: 0, maxLength: 3 }).filter((s) => !['M', 'F', 'X'].includes(s)).map((s) => badOf('person', 'sex', s, 'notInList')),
  fc.oneof(fc.double({ min: 90.000001, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: -90.000001, noNaN: true }))
    .map((v) => badOf('premises', 'latitude', v, 'outOfRange')),
  fc.oneof(fc.integer({ min: -1_000_000, max: -1 }), fc.integer({ min: 100_001, max: 2 ** 40 })).map((v) => badOf('premises', 'rooms', v, 'outOfRange')),
  fc.tuple(fc.integer({ min: 26, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }))
    .map(([p, d, c]) => badOf('premises', 'province_code', [`${p}`, `${p}${pad(d)}`, `${p}${pad(d)}${pad(c)}`], 'unknownUnit')),
  fc.tuple(fc.uuid(), fc.constantFrom('\n', ' ', '\t', '\r\n', '\u0000'), fc.nat()).map(([u, bad, at]) => badOf('person', 'id', insertAt(u, bad, at), 'badId')),
);

describe('generated insider bundles (fast-check)', () => {
  it('one invalid value anywhere refuses the whole bundle, naming the change, and changes no byte', async () => {
    await fc.assert(
      fc.asyncProperty(badValue, async ([entity, field, value, reason]) => {
        const valid = change('person', basePerson(`V${String(n).padStart(7, '0')}`));
        let invalid: Change;
        if (field === 'id') invalid = change(entity, basePerson('Q1234567'), { id: value as string });
        else if (field === 'province_code') {
          const [p, d, c] = value as string[];
          invalid = change(entity, basePremises({ province_code: p, district_code: d, commune_code: c }));
        } else invalid = change(entity, { ...(entity === 'person' ? basePerson('Q1234567') : basePremises()), [field]: value });
        const outcome = await importFromA(n % 2 === 0 ? [valid, invalid] : [invalid, valid]);
        expect(outcome.ok).toBe(false);
        if (outcome.ok) return;
        expect(outcome.error.code).toBe('synctrust.invalidChanges');
        expect(problemsOf(outcome.error)).toEqual([`${entity}.${field}:${reason}`]);
        expect(fileHash(db)).toBe(before);
      }),
      { numRuns: 40 },
    );
  }, 300_000);

  it('a change in the name of any office but the sender and those under it is refused, and changes no byte', async () => {
    const others = [world.offices.B.id, world.offices.Q.id, world.offices.N.id, world.offices.D.id];
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constantFrom(...others), fc.uuid().filter((u) => !Object.values(world.offices).some((o) => o.id === u))),
        fc.constantFrom('insert', 'update', 'delete'),
        async (origin, op) => {
          const target = op === 'insert' ? fresh() : IDS.personB;
          const rec = change('person', basePerson('W1234567'), { origin, op: op as Change['op'], id: target, rev: op === 'insert' ? 1 : 2,
            data: op === 'delete' ? null : op === 'update' ? { note: 'changed' } : basePerson('W1234567') });
          const outcome = await importFromA([rec]);
          expect(outcome.ok).toBe(false);
          if (outcome.ok) return;
          expect(outcome.error.code).toBe('synctrust.foreignOrigin');
          expect(outcome.error.params).toMatchObject({ office: world.offices.A.id, origin });
          expect(fileHash(db)).toBe(before);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
