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
