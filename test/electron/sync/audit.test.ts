import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../shared/actor.js';
import { appendAudit, auditEntity, verifyChains, type AuditRow } from '../../../electron/db/audit.js';
import { openDatabase } from '../../../electron/db/open.js';
import { updateRecord } from '../../../electron/db/changes.js';
import { addDemo, enrol, exportOne, importAll, makeOffice, type Office } from './world.js';

const CLERK: Actor = { id: 'u-clerk', kind: 'user', role: 'clerk' };

/** The clerk opens every person of the office: one audit entry each. */
async function readAll(office: Office): Promise<void> {
  const ids = office.db.prepare('SELECT id FROM person WHERE origin_office = ? ORDER BY id').pluck().all(office.id) as string[];
  for (const id of ids) {
    const result = await office.backend.call('persons.get', { id }, CLERK);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
  }
}

const chainOf = (office: Office, origin: string) =>
  office.db.prepare('SELECT * FROM audit_entry WHERE origin_office = ? ORDER BY seq').all(origin) as AuditRow[];

async function world() {
  const national = await makeOffice('national', 'National', null);
  const province = await makeOffice('province', 'Province', national);
  const commune = await makeOffice('commune', 'Commune A', province);
  const other = await makeOffice('commune', 'Commune B', province);
  await enrol(national, [province, commune, other]);
  addDemo(commune, 1, 4);
  return { national, province, commune, other };
}

describe('audit chains travel up in bundles', () => {
  it("the province and the national office hold a commune's chain and verify it; an entry changed at the province is named", async () => {
    const { national, province, commune } = await world();
    await readAll(commune);
    const sent = chainOf(commune, commune.id);
    expect(sent).toHaveLength(4);

    const [atProvince] = await importAll(province, [await exportOne(commune)]);
    expect(atProvince?.status, JSON.stringify(atProvince?.error)).toBe('applied');
    expect(atProvince?.summary.perEntity.audit_entry?.inserted).toBe(4);
    // The chain arrives as written: same entries, same hashes.
    expect(chainOf(province, commune.id)).toEqual(sent);
    // The province's own reads form its own chain beside the commune's.
    await province.ok('persons.get', { id: sent[0]!.record_id });
    expect(verifyChains(province.db).map((r) => [r.office, r.entries, r.broken])).toEqual(
      [[commune.id, 4, null], [province.id, 1, null]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );

    // Relayed to the national office, it verifies there too.
    const [atNational] = await importAll(national, [await exportOne(province)]);
    expect(atNational?.status, JSON.stringify(atNational?.error)).toBe('applied');
    expect(verifyChains(national.db).find((r) => r.office === commune.id)).toEqual({ office: commune.id, entries: 4, broken: null });

    // Someone at the province edits the commune's third entry in the file (the key holder can lift the triggers).
    province.db.close();
    const file = openDatabase(province.file);
    file.exec('DROP TRIGGER audit_entry_no_update');
    file.prepare('UPDATE audit_entry SET actor = ? WHERE origin_office = ? AND seq = 3').run('u-somebody', commune.id);
    const report = verifyChains(file).find((r) => r.office === commune.id);
    expect(report).toEqual({ office: commune.id, entries: 4, broken: { seq: 3, id: sent[2]!.id, reason: 'hash' } });
    file.close();
  });

  it("a commune's keys cannot add entries to another office's chain", async () => {
    const { province, commune, other } = await world();
    await readAll(commune);
    expect((await importAll(province, [await exportOne(commune)]))[0]?.status).toBe('applied');

    // Commune A makes entries as if commune B had written them, and sends them as if relaying B.
    commune.db.prepare('INSERT INTO sync_origin (office_id, via_peer) VALUES (?, ?)').run(other.id, province.id);
    appendAudit({ db: commune.db, actor: CLERK, originOffice: other.id }, [{ operation: 'persons.get', entity: 'person', recordId: 'nobody' }]);
    const forged = await importAll(province, [await exportOne(commune)]);
    expect(forged[0]?.status).toBe('error');
    expect(forged[0]?.error?.code).toBe('synctrust.foreignOrigin');
    expect(chainOf(province, other.id)).toEqual([]);
  });

  it('a change to an audit entry already written is refused whole at the province', async () => {
    const { province, commune } = await world();
    await readAll(commune);
    expect((await importAll(province, [await exportOne(commune)]))[0]?.status).toBe('applied');

    // Commune A rewrites its own first entry (lifting its trigger) and sends the change up.
    commune.db.exec('DROP TRIGGER audit_entry_no_update');
    const first = chainOf(commune, commune.id)[0]!;
    updateRecord(commune.writer(), auditEntity, first.id, { actor: 'u-somebody' });
    const changed = await importAll(province, [await exportOne(commune)]);
    expect(changed[0]?.status).toBe('error');
    expect(changed[0]?.error?.code).toBe('synctrust.appendOnly');
    expect(chainOf(province, commune.id)[0]?.actor).toBe(CLERK.id);
  });
});
