import { describe, expect, it } from 'vitest';
import { addDemo, contentByOrigin, editRound, enrol, exportOne, importAll, makeOffice, PASS } from './world.js';

describe('sync: one commune to its province', () => {
  it('exports, imports, writes a receipt and acknowledges', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Siem Reap', national);
    const commune = await makeOffice('commune', 'Sala Kamraeuk', province);
    await enrol(national, [province, commune]);
    addDemo(commune, 2, 3);
    editRound(commune, 1);
    const bundle = await exportOne(commune);
    const dry = await province.ok('sync.import', { passphrase: PASS, paths: [bundle], dryRun: true });
    expect(dry[0]?.status).toBe('dry-run');
    expect(dry[0]?.summary.perEntity.person?.inserted).toBe(6);
    expect(contentByOrigin(province.db)[commune.id]).toBeUndefined();
    const [result] = await importAll(province, [bundle], province.out);
    expect(result?.status, JSON.stringify(result?.error)).toBe('applied');
    expect(contentByOrigin(province.db, [commune.id])).toEqual(contentByOrigin(commune.db, [commune.id]));
    const again = await importAll(province, [bundle]);
    expect(again[0]?.status).toBe('already');
    expect(result?.receipt).toBeTruthy();
    const person = commune.db.prepare('SELECT id FROM person LIMIT 1').pluck().get() as string;
    expect((await commune.ok('sync.recordState', { entity: 'person', recordId: person })).state).toBe('sent');
    const ack = await importAll(commune, [result?.receipt as string]);
    expect(ack[0]?.status, JSON.stringify(ack[0]?.error)).toBe('acknowledged');
    expect((await commune.ok('sync.recordState', { entity: 'person', recordId: person })).state).toBe('acknowledged');
    expect((await commune.ok('sync.export', { passphrase: PASS, dir: commune.out })).status).toBe('nothing');
  });
});

describe('sync: the same person registered by two offices', () => {
  it('keeps both and opens conflicts for a person to resolve', async () => {
    const { insertRecord } = await import('../../../electron/db/changes.js');
    const { syncedEntity } = await import('../../../electron/sync/entities.js');
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const a = await makeOffice('commune', 'A', province);
    const b = await makeOffice('commune', 'B', province);
    const c = await makeOffice('commune', 'C', province);
    await enrol(national, [province, a, b, c]);
    const person = (visa: string, birth: string) => ({
      surname: 'SAME', given_names: 'PERSON', sex: 'M', birth_date: birth, nationality: 'DEU', passport_no: 'C01X00T47', issuing_state: 'DEU',
      passport_expiry: '2030-01-01', visa_expiry: visa, source: 'manual', name_key: 'person same', passport_key: 'C01X00T47', created_at: '2026-01-01',
    });
    const spec = syncedEntity(a.db, 'person')?.spec;
    if (!spec) throw new Error('no person table');
    insertRecord(a.writer(), spec, '0190f000-0000-7000-8000-00000000000a', person('2026-05-01', '1980-02-02'));
    insertRecord(b.writer(), spec, '0190f000-0000-7000-8000-00000000000b', person('2026-09-30', '1980-02-02'));
    insertRecord(c.writer(), spec, '0190f000-0000-7000-8000-00000000000c', person('2026-05-01', '1981-02-02'));
    for (const office of [a, b, c]) {
      const [result] = await importAll(province, [await exportOne(office)]);
      expect(result?.status, JSON.stringify(result?.error)).toBe('applied');
    }
    const conflicts = await province.ok('sync.conflicts', { status: 'open' });
    expect(conflicts.length).toBe(2);
    const sameIdentity = conflicts.find((x) => x.fields.some((f) => f.field === 'visa_expiry'));
    expect(sameIdentity?.fields.map((f) => f.field)).toEqual(['visa_expiry']);
    const otherBirth = conflicts.find((x) => x.fields.some((f) => f.field === 'birth_date'));
    expect(otherBirth).toBeTruthy();
    // Both registrations are kept: one in the register, the other beside it (same identity index).
    expect(province.db.prepare('SELECT count(*) FROM person').pluck().get()).toBe(2);
    expect(province.db.prepare('SELECT count(*) FROM sync_shadow').pluck().get()).toBe(1);
    await province.ok('sync.resolveConflict', { id: sameIdentity?.id as string, resolution: 'Called both communes; visa extended in September.' });
    expect(await province.ok('sync.conflicts', { status: 'open' })).toHaveLength(1);
  });
});
