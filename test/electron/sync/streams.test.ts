import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { enrol, importAll, makeOffice, PASS, type Office } from './world.js';

const gazetteer = (o: Office) => o.ok('gazetteer.import', { fileName: 'units.csv', csv: readFileSync(GAZETTEER_CSV, 'utf8') });

function outDir(office: Office): string {
  const dir = path.join(office.out, `down-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  return dir;
}

async function offices() {
  const national = await makeOffice('national', 'General Department of Immigration', null);
  const province = await makeOffice('province', 'Phnom Penh', national, '12');
  const commune = await makeOffice('commune', 'Tonle Basak', province, '120101');
  await enrol(national, [province, commune]);
  for (const o of [national, province, commune]) await gazetteer(o);
  return { national, province, commune };
}

const referenceData = async (national: Office) => (await national.ok('sync.export', { passphrase: PASS, reference: true, dir: outDir(national) })).files;
const campaigns = async (office: Office) => (await office.ok('campaigns.sendDown', { passphrase: PASS, dir: outDir(office) })).files;

describe('reference data and campaigns from the office above are separate streams', () => {
  it('a campaign bundle carried after a newer reference bundle is still applied, and so is a reference bundle carried after a newer campaign bundle', async () => {
    const { national, province } = await offices();
    const first = await national.ok('campaigns.create', {
      kind: 'employer_declaration', title: 'National declaration 2026', scopeUnits: ['12'], startDate: '2026-01-05', deadline: '2026-03-15',
    });
    const campaignBundle = await campaigns(national);
    const referenceBundle = await referenceData(national);
    // The USB stick brings the newer reference bundle first, then the campaign bundle written before it.
    const [ref] = await importAll(province, referenceBundle);
    expect(ref).toMatchObject({ status: 'applied', kind: 'reference' });
    const [camp] = await importAll(province, campaignBundle);
    expect(camp).toMatchObject({ status: 'applied' });
    expect((await province.ok('campaigns.get', { id: first.id })).campaign.title).toBe('National declaration 2026');

    // The other way round: a campaign bundle written after a reference bundle arrives before it.
    const second = await national.ok('campaigns.create', {
      kind: 'employer_declaration', title: 'Second declaration', scopeUnits: ['12'], startDate: '2026-04-01', deadline: '2026-05-15',
    });
    const laterReference = await referenceData(national);
    const laterCampaigns = await campaigns(national);
    expect((await importAll(province, laterCampaigns))[0]).toMatchObject({ status: 'applied' });
    expect((await importAll(province, laterReference))[0]).toMatchObject({ status: 'applied', kind: 'reference' });
    expect((await province.ok('campaigns.get', { id: second.id })).campaign.title).toBe('Second declaration');

    // Within each stream the order still holds: the first campaign bundle is older than the one just applied.
    const [older] = await importAll(province, campaignBundle);
    expect(older).toMatchObject({ status: 'already' });
    await national.ok('campaigns.close', { id: first.id });
    const closedOnce = await campaigns(national);
    await national.ok('campaigns.close', { id: second.id });
    const closedBoth = await campaigns(national);
    expect((await importAll(province, closedBoth))[0]).toMatchObject({ status: 'applied' });
    const [stale] = await importAll(province, closedOnce);
    expect(stale?.error?.code).toBe('syncdb.staleCampaigns');
    expect((await province.ok('campaigns.get', { id: second.id })).campaign.status).toBe('closed');
    // The history names the campaigns stream in words.
    const history = await province.ok('sync.history', {});
    expect(JSON.stringify(history)).toContain('campaigns');
  });

  it("the national office's reference data replaces the gazetteer an office imported from the file itself", async () => {
    const { national, province } = await offices();
    // The province imported the gazetteer itself at set-up (offices() does), so its rows are its own.
    const unit = () => province.db.prepare("SELECT name_en, origin_office FROM admin_unit WHERE id = '1201'").get() as { name_en: string; origin_office: string };
    expect(unit().origin_office).toBe(province.id);
    national.db.prepare("UPDATE admin_unit SET name_en = 'Chamkar Mon (renamed)' WHERE id = '1201'").run();
    const [ref] = await importAll(province, await referenceData(national));
    expect(ref, JSON.stringify(ref?.error)).toMatchObject({ status: 'applied', kind: 'reference' });
    expect(unit().name_en).toBe('Chamkar Mon (renamed)');
  });
});
