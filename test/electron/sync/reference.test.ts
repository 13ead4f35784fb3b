import { describe, expect, it } from 'vitest';
import { insertRecord } from '../../../electron/db/changes.js';
import { adminUnitEntity } from '../../../electron/db/gazetteer.js';
import { enrol, importAll, makeOffice, PASS } from './world.js';

describe('sync: reference bundles down', () => {
  it('carry the key directory and the gazetteer; an older one is refused', async () => {
    const national = await makeOffice('national', 'National', null);
    const province = await makeOffice('province', 'Province', national);
    const commune = await makeOffice('commune', 'Commune', province);
    await enrol(national, [province, commune]);
    insertRecord(national.writer(), adminUnitEntity, '9901', {
      level: 'district', parent_code: '99', type_km: 'ស្រុក', type_latin: 'Srok', type_en: 'District',
      name_km: 'សាកល្បង', name_latin: 'Sakalbang', name_en: 'Test district', retired: 0,
    });
    const first = await national.ok('sync.export', { passphrase: PASS, dir: national.out, reference: true });
    await national.ok('sync.directorySign', { passphrase: PASS });
    const second = await national.ok('sync.export', { passphrase: PASS, dir: national.out, reference: true, offices: [commune.id] });
    expect(first.files).toHaveLength(1);

    const [applied] = await importAll(commune, second.files);
    expect(applied?.status, JSON.stringify(applied?.error)).toBe('applied');
    expect((await commune.ok('sync.status', {})).directoryVersion).toBe(2);
    expect(commune.db.prepare("SELECT name_en FROM admin_unit WHERE id = '9901'").pluck().get()).toBe('Test district');
    expect(await importAll(commune, second.files)).toMatchObject([{ status: 'already' }]);
    // The older snapshot (sequence 1, directory version 1) never replaces the newer one.
    const [older] = await importAll(commune, first.files);
    expect(older?.error?.code).toBe('syncdb.staleReference');

    const [atProvince] = await importAll(province, first.files);
    expect(atProvince?.status, JSON.stringify(atProvince?.error)).toBe('applied');
    expect((await province.ok('sync.status', {})).directoryVersion).toBe(1);
  });
});
