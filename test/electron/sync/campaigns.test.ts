import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../shared/version.js';
import { nowIso } from '../../../electron/db/changes.js';
import { schemaVersion } from '../../../electron/db/open.js';
import { downwardRefusal } from '../../../electron/sync/downward.js';
import { recipientsFor } from '../../../electron/sync/export.js';
import { currentDirectory } from '../../../electron/sync/directory.js';
import { writeBundle } from '../../../electron/sync/format/index.js';
import { unlockKeys } from '../../../electron/sync/keystore.js';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { enrol, exportOne, importAll, makeOffice, PASS, type Office } from './world.js';

const gazetteer = (o: Office) => o.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });

async function offices() {
  const national = await makeOffice('national', 'National', null);
  const province = await makeOffice('province', 'Phnom Penh', national, '12');
  const commune = await makeOffice('commune', 'Tonle Basak', province, '120101');
  const outside = await makeOffice('commune', 'Boeng Keng Kang Ti Muoy', province, '120201');
  const otherProvince = await makeOffice('province', 'Kandal', national, '08');
  await enrol(national, [province, commune, outside, otherProvince]);
  for (const o of [province, commune, outside, otherProvince]) await gazetteer(o);
  return { national, province, commune, outside, otherProvince };
}

function outDir(office: Office): string {
  const dir = path.join(office.out, `down-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return dir;
}

describe('campaigns travel down to the communes in scope and results travel up', () => {
  it('a province campaign reaches its commune by bundle; declarations come back with correct counts', async () => {
    const { province, commune, outside } = await offices();
    const campaign = await province.ok('campaigns.create', {
      kind: 'employer_declaration', title: 'Declaration 2026', scopeUnits: ['120101'], startDate: '2026-01-05', deadline: '2026-03-15',
    });
    const sent = await province.ok('campaigns.sendDown', { passphrase: PASS, dir: outDir(province) });
    // Only the commune in scope gets a bundle.
    expect(sent.offices).toEqual([commune.id]);
    expect(sent.records).toBe(1);
    expect(outside.id).not.toBe(commune.id);

    const imported = await importAll(commune, sent.files);
    expect(imported[0]).toMatchObject({ status: 'applied', kind: 'reference', summary: { inserted: 1 } });
    const atCommune = await commune.ok('campaigns.get', { id: campaign.id, today: '2026-04-01' });
    expect(atCommune.campaign).toMatchObject({ title: 'Declaration 2026', own: false, originOffice: province.id });
    // The commune cannot change what the province made.
    const close = await commune.backend.call('campaigns.close', { id: campaign.id }, { id: 'local-operator', kind: 'local-operator' });
    expect(close).toMatchObject({ ok: false, error: { code: 'campaigns.notOwn' } });

    const employer = (name: string) => commune.ok('employers.create', { nameLatin: name, sector: 'Construction', communeCode: '120101', workforceTotal: 20, cambodianCount: 19 });
    const [a, b] = [await employer('On Time Co'), await employer('Late Co')];
    await employer('Never Co');
    await commune.ok('declarations.record', { campaignId: campaign.id, targetId: a.id, receivedOn: '2026-03-10', skilledKm: 19, skilledForeign: 1 });
    await commune.ok('declarations.record', { campaignId: campaign.id, targetId: b.id, receivedOn: '2026-03-20', skilledKm: 19, skilledForeign: 1 });

    const up = await exportOne(commune);
    // The campaign itself does not go back up from the commune: only what the commune made.
    const upImport = await importAll(province, [up]);
    expect(upImport[0]!.status).toBe('applied');
    expect(upImport[0]!.summary.perEntity.campaign).toBeUndefined();
    expect(upImport[0]!.summary.perEntity.declaration?.inserted).toBe(2);
    const atProvince = await province.ok('campaigns.get', { id: campaign.id, today: '2026-04-01' });
    expect(atProvince.campaign.counts).toEqual({ targets: 3, not_yet: 0, on_time: 1, late: 1, missing: 1, exempt: 0 });
    expect(atProvince.byCommune).toEqual([expect.objectContaining({ communeCode: '120101', on_time: 1, late: 1, missing: 1, timeliness: 0.5 })]);

    // A closed campaign travels down again as a newer snapshot.
    await province.ok('campaigns.close', { id: campaign.id });
    const again = await province.ok('campaigns.sendDown', { passphrase: PASS, dir: outDir(province) });
    await importAll(commune, again.files);
    expect((await commune.ok('campaigns.get', { id: campaign.id })).campaign.status).toBe('closed');
  });

  it('campaigns are accepted from the province directly above and from nobody else', async () => {
    const { province, commune, otherProvince, national } = await offices();
    // Kandal (not above this commune) makes a campaign and sends it to the commune directly.
    const foreign = await otherProvince.ok('campaigns.create', {
      kind: 'premises_pledge', title: 'Not yours', scopeUnits: ['08'], startDate: '2026-01-05', deadline: '2026-03-15',
    });
    const keys = await unlockKeys(otherProvince.db, PASS);
    const row = otherProvince.db.prepare('SELECT * FROM campaign WHERE id = ?').get(foreign.id) as Record<string, unknown>;
    const { id, origin_office: _o, revision: _r, ...data } = row;
    const written = await writeBundle(outDir(otherProvince), {
      kind: 'reference', sender: keys.current, recipients: recipientsFor(otherProvince.db, [commune.id]), sequence: 1, previousHash: null,
      directoryVersion: currentDirectory(otherProvince.db)?.version ?? 0, appVersion: APP_VERSION, schemaVersion: schemaVersion(otherProvince.db),
      records: [{ type: 'change', data: { entity: 'campaign', op: 'insert', id, origin: otherProvince.id, rev: 1, actor: 'x', at: nowIso(), data } }],
    });
    const refused = await importAll(commune, [written.path]);
    expect(refused[0]).toMatchObject({ status: 'error', error: { code: 'synctrust.referenceFromBelow' } });
    expect(commune.db.prepare('SELECT count(*) FROM campaign').pluck().get()).toBe(0);

    // A campaign made at a commune (a forged record) is refused wherever it arrives; a commune takes none in a changes bundle.
    const ctx = (self: string) => ({ kind: 'changes' as const, from: commune.id, self, national: false });
    expect(downwardRefusal(province.db, { entity: 'campaign', origin: commune.id }, ctx(province.id))).toBe('synctrust.campaignOrigin');
    expect(downwardRefusal(commune.db, { entity: 'campaign', origin: province.id }, { ...ctx(commune.id), from: province.id })).toBe('synctrust.campaignNotFromAbove');
    expect(downwardRefusal(national.db, { entity: 'campaign', origin: province.id }, { ...ctx(national.id), from: province.id })).toBeNull();
    expect(downwardRefusal(province.db, { entity: 'person', origin: commune.id }, ctx(province.id))).toBeNull();
  });

  it('a province campaign goes up to the national office as an ordinary change', async () => {
    const { national, province } = await offices();
    await gazetteer(national);
    const campaign = await province.ok('campaigns.create', {
      kind: 'employer_declaration', title: 'Declaration 2026', scopeUnits: ['12'], startDate: '2026-01-05', deadline: '2026-03-15',
    });
    const result = await importAll(national, [await exportOne(province)]);
    expect(result[0]!.summary.perEntity.campaign?.inserted).toBe(1);
    expect((await national.ok('campaigns.get', { id: campaign.id })).campaign.own).toBe(false);
  });
});
