import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/db.js';
import { personFields, TODAY } from '../services/registration/fixtures.js';
import { enrol, exportOne, importAll, makeOffice, type Office } from './world.js';

async function register(office: Office, surname: string, passportNo: string): Promise<string> {
  return (await office.ok('persons.register', { fields: personFields({ surname, passportNo }), today: TODAY })).person.id;
}

const communeChain = async (province: Office, commune: Office) => (await province.ok('audit.verify', {})).find((c) => c.office === commune.id);

describe('a commune restored from a backup made before its last bundle', () => {
  it('carries on after what the province holds: its next bundle, changes and audit entries are accepted, nothing is numbered twice', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);

    // Backup, then more work (a registration and reads, so audit entries) that reaches the province in bundle 1.
    const first = await register(commune, 'Before', 'B1000001');
    const usb = tempDir('usb-');
    const backup = await commune.ok('backup.create', { to: usb });
    const lost = await register(commune, 'Between', 'B1000002');
    await commune.ok('persons.get', { id: first });
    await commune.ok('persons.get', { id: lost });
    const bundle1 = await exportOne(commune);
    expect((await importAll(province, [bundle1]))[0]).toMatchObject({ status: 'applied', seq: 1 });
    const held = await communeChain(province, commune);
    expect(held).toMatchObject({ broken: null });
    expect(held!.entries).toBeGreaterThan(0);

    // The PC's register is restored from the backup: the registration and reads after it are gone here.
    await commune.ok('backup.restore', { file: backup.place! });
    expect((await commune.ok('persons.search', { query: 'Between' })).items).toHaveLength(0);

    // Work after the restore reaches the province: bundle 2, chained after bundle 1, not a second bundle 1.
    const after = await register(commune, 'After', 'B1000003');
    await commune.ok('persons.get', { id: after });
    const bundle2 = await exportOne(commune);
    const [applied] = await importAll(province, [bundle2]);
    expect(applied, JSON.stringify(applied?.error)).toMatchObject({ status: 'applied', seq: 2 });
    for (const id of [first, lost, after]) expect((await province.ok('persons.get', { id })).person.id).toBe(id);
    // The province's copy of the commune's audit chain goes on without a break or a repeated number.
    const chain = await communeChain(province, commune);
    expect(chain).toMatchObject({ broken: null });
    expect(chain!.entries).toBeGreaterThan(held!.entries);

    // At the commune its own chain verifies too, saying which entries only the province holds.
    const own = (await commune.ok('audit.verify', {})).find((c) => c.office === commune.id);
    expect(own).toMatchObject({ broken: null, restored: { to: held!.entries } });
    expect(own!.restored!.from).toBeLessThanOrEqual(held!.entries);
    // The commune is told, on its Sync history, from where it carried on.
    const history = await commune.ok('sync.history', {});
    expect(history.alerts).toContainEqual(expect.objectContaining({ kind: 'restoredContinued', seq: 1 }));
    // The mark it carried on from stays beside the register, whatever the office above acknowledges.
    expect(readdirSync(`${commune.file}-outbox`)).toContain('last-sent.json');
  });

  it('a register restored to where it already was, or with no bundle sent, changes nothing', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    await register(commune, 'Only', 'B2000001');
    const usb = tempDir('usb-');
    const backup = await commune.ok('backup.create', { to: usb });
    await commune.ok('backup.restore', { file: backup.place! });
    expect((await commune.ok('sync.history', {})).alerts).toEqual([]);
    const bundle = await exportOne(commune);
    expect((await importAll(province, [bundle]))[0]).toMatchObject({ status: 'applied', seq: 1 });
    // Restored to just after bundle 1 (a backup made after it): nothing to carry on from.
    const later = await commune.ok('backup.create', { to: usb });
    await commune.ok('backup.restore', { file: later.place! });
    expect((await commune.ok('sync.history', {})).alerts).toEqual([]);
  });
});
