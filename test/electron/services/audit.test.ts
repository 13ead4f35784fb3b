import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/actor.js';
import { canonicalEntry, entryHash, GENESIS, verifyChains, type AuditRow } from '../../../electron/db/audit.js';
import { openDatabase } from '../../../electron/db/open.js';
import { COMMUNE_OFFICER, CLERK, hotlineCase, passport, PROVINCIAL_OFFICER } from './cases/fixtures.js';
import { personFields, premises, registerBackend } from './registration/fixtures.js';

const ADMIN: Actor = { id: 'u-admin', kind: 'user', role: 'administrator' };

type T = Awaited<ReturnType<typeof registerBackend>>;
const entries = (t: T) => t.db.prepare('SELECT * FROM audit_entry ORDER BY seq').all() as AuditRow[];

/** What an attacker holding the key does: lifts the append-only triggers and edits the file. */
function tamper(file: string, sql: string, ...params: unknown[]): void {
  const db = openDatabase(file);
  db.exec('DROP TRIGGER IF EXISTS audit_entry_no_update; DROP TRIGGER IF EXISTS audit_entry_no_delete;');
  db.prepare(sql).run(...params);
  db.close();
}

async function registered(t: T) {
  const hotel = await premises(t);
  const { person } = await t.ok('persons.register', { fields: personFields() });
  const stay = await t.ok('stays.arrive', { personId: person.id, premisesId: hotel.id, arrivedAt: '2026-03-01T08:00' });
  return { hotel, person, stay };
}

describe('audit of reads', () => {
  it('opening, printing and comparing a person each append an entry with user, office time, operation and record; lists do not', async () => {
    const t = await registerBackend();
    const { hotel, person, stay } = await registered(t);
    expect(entries(t)).toEqual([]);

    await t.ok('persons.get', { id: person.id }, CLERK);
    await t.ok('persons.list', {}, CLERK);
    await t.ok('persons.search', { query: 'Eriksson' }, CLERK);
    await t.ok('print.receipt', { stayId: stay.id, lang: 'en' }, CLERK);
    await t.ok('print.pledge', { premisesId: hotel.id, lang: 'en', preview: true }, COMMUNE_OFFICER);
    await t.ok('passports.list', { personId: person.id }, COMMUNE_OFFICER);
    // A refused or failed call shows nothing and is not logged.
    expect((await t.call('duplicates.merge', { keepId: person.id, mergeId: person.id, reason: 'x' } as never, CLERK)).ok).toBe(false);
    expect((await t.call('persons.get', { id: '0190a0a0-0000-7000-8000-000000000000' }, CLERK)).ok).toBe(false);

    const rows = entries(t);
    expect(rows.map((r) => [r.seq, r.actor, r.operation, r.entity, r.record_id])).toEqual([
      [1, CLERK.id, 'persons.get', 'person', person.id],
      [2, CLERK.id, 'print.receipt', 'person', person.id],
      [3, COMMUNE_OFFICER.id, 'print.pledge', 'person', person.id],
      [4, COMMUNE_OFFICER.id, 'passports.list', 'person', person.id],
    ]);
    // Office-local time (Asia/Phnom_Penh by default), with its offset.
    expect(rows[0]?.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/);
    // The chain: each entry's hash covers the one before.
    expect(rows[0]?.prev_hash).toBe(GENESIS);
    for (const [i, row] of rows.entries()) {
      if (i > 0) expect(row.prev_hash).toBe(rows[i - 1]?.hash);
      expect(row.hash).toBe(entryHash(row));
      expect(canonicalEntry(row)).toContain(row.record_id);
    }
    // Entries are records in the change log, so they travel upward.
    expect(t.db.prepare(`SELECT count(*) FROM change_log WHERE entity = 'audit_entry'`).pluck().get()).toBe(4);
  });

  it('entries are append-only: the table refuses updates and deletes', async () => {
    const t = await registerBackend();
    const { person } = await registered(t);
    await t.ok('persons.get', { id: person.id }, CLERK);
    expect(() => t.db.prepare(`UPDATE audit_entry SET actor = 'someone-else'`).run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_entry').run()).toThrow(/append-only/);
    expect(entries(t)).toHaveLength(1);
  });

  it('verify names the first broken entry when a field, a link or a whole entry is changed in the file', async () => {
    const t = await registerBackend();
    const { person } = await registered(t);
    for (let i = 0; i < 5; i += 1) await t.ok('persons.get', { id: person.id }, CLERK);
    const rows = entries(t);
    expect(await t.ok('audit.verify', {}, ADMIN)).toEqual([{ office: 'unconfigured', officeName: null, officeNameKm: null, entries: 5, broken: null }]);
    t.db.close();

    // Someone hides that the clerk opened the record: entry 3 now names another user.
    tamper(t.file, `UPDATE audit_entry SET actor = 'u-other' WHERE seq = 3`);
    const db = openDatabase(t.file);
    expect(verifyChains(db)).toEqual([{ office: 'unconfigured', entries: 5, broken: { seq: 3, id: rows[2]?.id, reason: 'hash' } }]);
    db.close();

    // Recomputing that entry's hash moves the break to the next link.
    const third = { ...rows[2]!, actor: 'u-other' };
    tamper(t.file, 'UPDATE audit_entry SET hash = ? WHERE seq = 3', entryHash(third));
    const again = openDatabase(t.file);
    expect(verifyChains(again)[0]?.broken).toEqual({ seq: 4, id: rows[3]?.id, reason: 'link' });
    again.close();

    // Removing an entry leaves a gap.
    tamper(t.file, 'DELETE FROM audit_entry WHERE seq = 2');
    const last = openDatabase(t.file);
    expect(verifyChains(last)[0]?.broken).toEqual({ seq: 2, id: null, reason: 'gap' });
    last.close();
  });

  it('reading a sensitive complaint or possible victim is logged for permitted roles only (redacted reads show nothing)', async () => {
    const t = await registerBackend();
    const { hotel, complaint } = await hotlineCase(t);
    const op = await t.ok('operations.create', { heldOn: '2026-03-05', kind: 'raid_rescue', leadUnit: 'Military police', premisesId: hotel.id, complaintIds: [complaint.id] });
    const { fields, mrz } = passport(3);
    const victim = await t.ok('operations.addPerson', { operationId: op.id, found: { how: 'register', fields, source: 'mrz', mrz }, declaredVictim: true }, COMMUNE_OFFICER);
    const before = entries(t).length;

    await t.ok('complaints.get', { id: complaint.id }, COMMUNE_OFFICER);
    await t.ok('operations.get', { id: op.id }, CLERK);
    expect(entries(t)).toHaveLength(before);

    await t.ok('complaints.get', { id: complaint.id }, PROVINCIAL_OFFICER);
    await t.ok('operations.get', { id: op.id }, PROVINCIAL_OFFICER);
    await t.ok('history.forRecord', { entity: 'complaint', recordId: complaint.id }, PROVINCIAL_OFFICER);
    const logged = entries(t).slice(before).map((r) => [r.actor, r.operation, r.entity, r.record_id]);
    expect(logged).toEqual([
      [PROVINCIAL_OFFICER.id, 'complaints.get', 'complaint', complaint.id],
      [PROVINCIAL_OFFICER.id, 'operations.get', 'case_person', victim.id],
      [PROVINCIAL_OFFICER.id, 'operations.get', 'complaint', complaint.id],
      [PROVINCIAL_OFFICER.id, 'history.forRecord', 'complaint', complaint.id],
    ]);
  });

  it('the administrator lists reads and writes by user, day and operation, and exports them as CSV; other roles are refused', async () => {
    const t = await registerBackend();
    const { person } = await registered(t);
    await t.ok('persons.get', { id: person.id }, CLERK);
    await t.ok('persons.update', { id: person.id, patch: { visaNo: 'V999' } }, CLERK);
    await t.ok('persons.get', { id: person.id }, COMMUNE_OFFICER);

    const clerk = await t.ok('audit.list', { user: CLERK.id }, ADMIN);
    expect(clerk.entries.map((e) => [e.kind, e.operation, e.entity])).toEqual([['write', 'update', 'person'], ['read', 'persons.get', 'person']]);
    expect(clerk.operations).toEqual(['persons.get']);
    const reads = await t.ok('audit.list', { operation: 'persons.get' }, ADMIN);
    expect(reads.entries.map((e) => e.actor)).toEqual([COMMUNE_OFFICER.id, CLERK.id]);
    const today = reads.entries[0]!.at.slice(0, 10);
    expect((await t.ok('audit.list', { from: today, to: today, operation: 'persons.get' }, ADMIN)).total).toBe(2);
    expect((await t.ok('audit.list', { to: '2000-01-01' }, ADMIN)).total).toBe(0);
    // Writes show in office time too.
    expect(clerk.entries[0]?.at).toMatch(/\+07:00$/);

    const exported = await t.ok('audit.export', { user: CLERK.id }, ADMIN);
    const csv = Buffer.from(exported.file.base64, 'base64').toString('utf8');
    expect(exported.rows).toBe(2);
    expect(csv.split('\r\n')[0]).toBe('\ufeffkind,office,seq,at,actor,actor_name,operation,entity,record_id');
    expect(csv).toContain(`read,unconfigured,1,`);
    expect(csv).toContain(`,persons.get,person,${person.id}`);

    for (const op of ['audit.list', 'audit.verify', 'audit.export'] as const) {
      const refused = await t.call(op, {}, CLERK);
      expect(refused.ok ? null : refused.error.code).toBe('boundary.forbidden');
    }
  });
});
