import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildTd3 } from '../../shared/mrz.js';
import {
  callOk, createStaff, downloadTo, E2E_PASSPHRASE, E2eOffices, expect, initOffice, linkOffices, openSync, screenshot, signInAs, test,
  type E2eOffice, type E2eRole,
} from './fixtures.js';

/**
 * A declaration campaign run at a province (issue 12, "Done when"): it reaches a commune by bundle; two
 * employers declare (one late), one never does; an inspection of the missing one finds three workers, one
 * without a permit; the 20-day deadline passes with the clock moved; the alert shows; the report prints;
 * the declarations arrive back at the province with correct campaign counts. Offices, accounts, keys and the
 * key directory are set up with the CLI and the calls the screens make (the sync screens have their own e2e),
 * like the three employers; the campaign, the bundles, the declarations and the inspection go through the
 * screens, each by the role that does it: the provincial officer runs the campaign and the inspection, the
 * commune officer moves the bundles and records the declarations.
 */

// The servers inherit this: a lighter scrypt for the key files, so a loaded test machine is not timed out.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const TITLE = 'Work-status declaration 2026';

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

/** The office's PC switched off and on again days later, and its user signed in again (in English). */
async function restart(browser: Browser, office: E2eOffice, now: string, as: E2eRole): Promise<E2eOffice> {
  await offices.stop(office);
  const next = await offices.start(browser, office.dataDir, now);
  await signIn(next.page, as);
  return next;
}

async function signIn(page: Page, as: E2eRole): Promise<void> {
  await signInAs(page, as);
  await page.getByRole('button', { name: 'English' }).click();
}

async function importBundle(page: Page, file: string): Promise<void> {
  await openSync(page);
  await page.getByLabel('Bundle files').setInputFiles([file]);
  await page.getByRole('button', { name: 'Apply' }).click();
}

async function openCampaigns(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Campaigns', exact: true }).click();
}

const passport = (surname: string, documentNumber: string) => buildTd3({
  issuingState: 'VNM', surname, givenNames: 'VAN AN', documentNumber, nationality: 'VNM', birthDate: '1991-05-02', sex: 'M', expiryDate: '2031-06-30',
});

test('a declaration campaign from a province to a commune and back, with an inspection and its 20-day deadline', async ({ browser }) => {
  test.setTimeout(900_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2].map(() => offices.folder());
  const JAN = '2026-01-05T09:00:00+07:00';
  initOffice(folders[0]!, JAN, 'national', '00', 'National Immigration Police', 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, JAN, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  initOffice(folders[2]!, JAN, 'commune', '120101', 'Tonle Basak police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  const national = await offices.start(browser, folders[0]!, JAN);
  let province = await offices.start(browser, folders[1]!, JAN);
  let commune = await offices.start(browser, folders[2]!, JAN);

  // Keys and the signed key directory (national → province → commune), by each office's administrator,
  // who also makes the accounts: the provincial officer at the province, the commune officer at the commune.
  for (const office of [national, province, commune]) await signInAs(office.page, 'administrator');
  await createStaff(province.page, ['provincial-officer']);
  await createStaff(commune.page, ['commune-officer']);
  await linkOffices(national.page, province.page, [commune.page]);

  // Province: the provincial officer makes the campaign on the screen and sends it down.
  await signIn(province.page, 'provincial-officer');
  await openCampaigns(province.page);
  await province.page.getByRole('button', { name: 'New campaign' }).click();
  await province.page.getByLabel('Title').fill(TITLE);
  await province.page.getByLabel('Legal reference').fill('Action plan of the Ministries of Interior and Labour, phase 1');
  await province.page.getByLabel('Units in scope').fill('120101');
  await province.page.getByLabel('Start').fill('2026-01-05');
  await province.page.getByLabel('Deadline').fill('2026-03-15');
  await province.page.getByRole('button', { name: 'Create the campaign' }).click();
  await expect(province.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await openCampaigns(province.page);
  await province.page.getByLabel("Passphrase of this office's keys").fill(E2E_PASSPHRASE);
  const down = await downloadTo(province.page, () => province.page.getByRole('button', { name: 'Make the bundles' }).click(), usb);
  await expect(province.page.getByRole('status')).toContainText('Bundles for 1 office(s), 1 campaign record(s).');

  // Commune, 25 March: the campaign arrives by bundle; three employers; two declarations, one after the deadline.
  commune = await restart(browser, commune, '2026-03-25T10:00:00+07:00', 'commune-officer');
  await importBundle(commune.page, down);
  await expect(commune.page.getByText(/applied/).first()).toBeVisible();
  for (const name of ['Angkor Build Co', 'Bayon Steel Ltd', 'Mekong Tower Site']) {
    await callOk(commune.page, 'employers.create', { nameLatin: name, sector: 'Construction', communeCode: '120101', workforceTotal: 40, cambodianCount: 38 });
  }
  await openCampaigns(commune.page);
  await commune.page.getByRole('link', { name: TITLE }).click();
  await expect(commune.page.getByText('made by Phnom Penh Immigration Police')).toBeVisible();
  // The notice to hand to employers, printed at the commune that receives the cards.
  const notice = await downloadTo(commune.page, () => commune.page.getByRole('button', { name: 'Print the notice for owners and employers' }).click(), usb);
  const noticeText = execFileSync('pdftotext', ['-layout', notice, '-'], { encoding: 'utf8' });
  expect(noticeText.indexOf('សេចក្តីជូនដំណឹង')).toBeGreaterThanOrEqual(0);
  expect(noticeText.indexOf('សេចក្តីជូនដំណឹង')).toBeLessThan(noticeText.indexOf('NOTICE'));
  expect(noticeText).toContain('Deadline: 15 March 2026');
  expect(noticeText).toContain('Action plan of the Ministries of Interior and Labour, phase 1');
  expect(noticeText).toMatch(new RegExp('returns it to Tonle Basak police post by 15 March 2026'.split(' ').join('\\s+')));
  for (const [name, date] of [['Angkor Build Co', '2026-03-10'], ['Bayon Steel Ltd', '2026-03-20']] as const) {
    await commune.page.getByRole('button', { name: `Record declaration: ${name}` }).click();
    await commune.page.getByLabel('Date received').fill(date);
    await commune.page.getByLabel('Skilled workers, Cambodian', { exact: true }).fill('38');
    await commune.page.getByLabel('Skilled workers, foreign', { exact: true }).fill('2');
    await expect(commune.page.getByRole('status')).toContainText('2 foreign of 40 staff');
    await commune.page.getByRole('button', { name: 'Save the declaration' }).click();
    await expect(commune.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  }
  const targets = commune.page.getByRole('table', { name: 'Targets' });
  await expect(targets.getByRole('row', { name: /Angkor Build Co/ })).toContainText('On time');
  await expect(targets.getByRole('row', { name: /Bayon Steel Ltd/ })).toContainText('Late (5 days)');
  await expect(targets.getByRole('row', { name: /Mekong Tower Site/ })).toContainText('Missing');
  await screenshot(commune.page, 'campaign-commune-en');
  await commune.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(commune.page.getByRole('table', { name: 'គោលដៅ' })).toContainText('យឺត');
  await screenshot(commune.page, 'campaign-commune-km');
  await commune.page.getByRole('button', { name: 'English' }).click();

  // Commune → province: what the commune recorded goes up as usual.
  await openSync(commune.page);
  const up = await downloadTo(commune.page, () => commune.page.getByRole('button', { name: 'Write bundle' }).click(), usb);

  // Province, 6 April: the results are in, counted by commune; an inspection of the missing employer.
  province = await restart(browser, province, '2026-04-06T09:00:00+07:00', 'provincial-officer');
  await importBundle(province.page, up);
  await expect(province.page.getByText(/bundle 1 applied/)).toBeVisible();
  await openCampaigns(province.page);
  await province.page.getByRole('link', { name: TITLE }).click();
  const counts = province.page.getByRole('table', { name: 'By commune' });
  // Not yet, on time, late, missing, exempt, share on time.
  await expect(counts.getByRole('row', { name: /Tonle Basak/ })).toHaveText(/Tonle Basak.*0\s*1\s*1\s*1\s*0\s*50%/);
  await province.page.getByLabel('Sites that declared after the deadline').uncheck();
  await province.page.getByLabel('Planned date').fill('2026-04-06');
  await province.page.getByRole('button', { name: 'Plan the inspections' }).click();
  await expect(province.page.getByRole('status')).toContainText('1 inspection(s) planned');
  await province.page.getByRole('table', { name: 'Inspections' }).getByRole('link', { name: 'Mekong Tower Site' }).click();
  await province.page.getByLabel('Date of inspection').fill('2026-04-06');
  await province.page.getByLabel('Team members').fill('Capt. Sok Dara\nLt. Chan Vichea\nKeo Sophal, deputy prosecutor');
  for (const [surname, number] of [['NGUYEN', 'C1234561'], ['TRAN', 'C1234562'], ['LE', 'C1234563']] as const) {
    const mrz = passport(surname, number);
    // A complete MRZ, as a desk reader types it, registers the person at once.
    await province.page.getByLabel('Passport MRZ (two lines, then Enter)').fill(`${mrz.line1}\n${mrz.line2}`);
    await expect(province.page.getByRole('table', { name: 'Persons found on site' })).toContainText(`${surname} VAN AN`);
  }
  await province.page.getByLabel('Finding for TRAN VAN AN').selectOption({ label: 'No work permit' });
  await province.page.getByLabel('Finding for LE VAN AN').selectOption({ label: 'Application submitted, with receipt' });
  await province.page.getByRole('row', { name: /LE VAN AN/ }).getByLabel('Receipt no.').fill('RC-55');
  await province.page.getByLabel('Findings at the premises').fill('Forty workers sleep in a dormitory on the site.');
  await province.page.getByLabel('Provincial prosecutor').check();
  await screenshot(province.page, 'inspection-record-en');
  await province.page.getByRole('button', { name: 'Save the inspection' }).click();
  const persons = province.page.getByRole('table', { name: 'Persons found' });
  await expect(persons.getByRole('row')).toHaveCount(4);
  await expect(persons.getByRole('row', { name: /TRAN VAN AN/ })).toContainText('Due by 26 April 2026 (20 days left)');
  await expect(persons.getByRole('row', { name: /NGUYEN VAN AN/ })).not.toContainText('Due by');
  await expect(province.page.getByText('No declaration was received from this site for the campaign.')).toBeVisible();
  // Numbered by the province's unit code, year and sequence.
  await expect(province.page.getByText(/· INS\/12\/2026\/00001$/)).toBeVisible();

  // 28 April: the 20 days have passed without proof; the alert shows at home and on the inspection.
  province = await restart(browser, province, '2026-04-28T09:00:00+07:00', 'provincial-officer');
  const proofGroup = province.page.getByRole('listitem', { name: '20-day proof deadlines' });
  await expect(proofGroup).toContainText('No proof of a work-permit application after 20 days · 1');
  await screenshot(province.page, 'inspection-alert-home-en');
  await province.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(province.page.getByRole('listitem', { name: 'ថ្ងៃផុតកំណត់ភស្តុតាង ២០ ថ្ងៃ' })).toBeVisible();
  await screenshot(province.page, 'inspection-alert-home-km');
  await province.page.getByRole('button', { name: 'English' }).click();
  await proofGroup.getByRole('link').first().click();
  await province.page.getByRole('table', { name: 'Proof awaited' }).getByRole('link', { name: 'Mekong Tower Site' }).click();
  await expect(province.page.getByRole('table', { name: 'Persons found' }).getByRole('row', { name: /TRAN VAN AN/ })).toContainText('Overdue since 26 April 2026 (2 days)');
  await screenshot(province.page, 'inspection-page-en');

  // The report prints, Khmer first, with the 20-day notice.
  const report = await downloadTo(province.page, () => province.page.getByRole('button', { name: 'Print the inspection report' }).click(), usb);
  expect(path.basename(report)).toBe('inspection-INS-12-2026-00001.pdf');
  const text = execFileSync('pdftotext', ['-layout', report, '-'], { encoding: 'utf8' });
  expect(text).toContain('INS/12/2026/00001');
  expect(text.indexOf('របាយការណ៍')).toBeGreaterThanOrEqual(0);
  expect(text.indexOf('របាយការណ៍')).toBeLessThan(text.indexOf('INSPECTION REPORT'));
  for (const name of ['NGUYEN VAN AN', 'TRAN VAN AN', 'LE VAN AN']) expect(text).toContain(name);
  expect(text).toContain('by 26 April 2026');
  writeFileSync(path.join(usb, 'report.txt'), text);

  // No proof: an action is recorded and the alert ends.
  await province.page.getByLabel('Action taken for TRAN VAN AN').fill('Referred to the labour department for a fine');
  await province.page.getByRole('button', { name: 'Record the action' }).click();
  await expect(province.page.getByRole('table', { name: 'Persons found' }).getByRole('row', { name: /TRAN VAN AN/ })).toContainText('Referred to the labour department');
  await province.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(province.page.getByRole('heading', { level: 1 })).toContainText('ការត្រួតពិនិត្យ');
  await screenshot(province.page, 'inspection-page-km');
  await province.page.getByRole('button', { name: 'English' }).click();
  await province.page.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
  await expect(province.page.getByRole('listitem', { name: '20-day proof deadlines' })).toHaveCount(0);

  // Campaign counts at the province: 1 on time, 1 late, 1 missing — what the commune recorded, unchanged by the inspection.
  await openCampaigns(province.page);
  const list = province.page.getByRole('table', { name: 'Campaigns' });
  // On time, late, missing, not yet.
  await expect(list.getByRole('row', { name: new RegExp(TITLE) })).toHaveText(/15 March 2026\s*1\s*1\s*1\s*0/);
  const campaigns = await callOk<{ items: { title: string; counts: Record<string, number> }[] }>(province.page, 'campaigns.list', {});
  expect(campaigns.items.map((c) => [c.title, c.counts])).toEqual([[TITLE, { targets: 3, not_yet: 0, on_time: 1, late: 1, missing: 1, exempt: 0 }]]);
});

test('an ad-hoc inspection from the screen; the Campaigns section only for roles that can use it', async ({ browser }) => {
  test.setTimeout(300_000);
  const folder = offices.folder();
  const NOW = '2026-05-04T09:00:00+07:00';
  initOffice(folder, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  const { page } = await offices.start(browser, folder, NOW);
  await signInAs(page, 'administrator');
  await createStaff(page);
  const nav = page.getByRole('navigation', { name: 'Sections' }).or(page.getByRole('navigation', { name: 'ផ្នែក' }));
  // The national analyst plans campaigns (for the country, at the national office), but does not inspect.
  await signIn(page, 'national-analyst');
  await expect(nav.getByRole('link', { name: 'Reports', exact: true })).toBeVisible();
  await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page.getByRole('button', { name: 'New campaign' })).toBeVisible();
  await page.getByRole('link', { name: 'Inspections', exact: true }).click();
  await expect(page.getByRole('form', { name: 'New inspection outside a campaign' })).toHaveCount(0);
  // A clerk types in returned declarations: the section is there, but not the provincial officer's tools.
  await signIn(page, 'clerk');
  await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campaigns and inspections' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New campaign' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Inspections', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inspections' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New inspection outside a campaign' })).toHaveCount(0);

  // The provincial officer inspects a site on a tip, outside any campaign.
  await signIn(page, 'provincial-officer');
  await callOk(page, 'employers.create', { nameLatin: 'Golden Dragon Karaoke', sector: 'Entertainment', communeCode: '120101', workforceTotal: 12, cambodianCount: 9 });
  await nav.getByRole('link', { name: 'Campaigns', exact: true }).click();
  await page.getByRole('link', { name: 'Inspections', exact: true }).click();
  const form = page.getByRole('form', { name: 'New inspection outside a campaign' });
  await form.getByRole('button', { name: 'Plan the inspection' }).click();
  await expect(form.getByRole('alert')).toContainText('Site: choose the employer or premises to inspect.');
  await expect(page.getByRole('table', { name: 'All inspections' })).toHaveCount(0);
  await form.getByLabel('Kind of site').selectOption({ label: 'Employer' });
  const site = form.getByRole('group', { name: 'Site to inspect' });
  await site.getByRole('searchbox').fill('Golden');
  await site.locator('select').selectOption({ label: 'Golden Dragon Karaoke' });
  await expect(form.getByLabel('Planned date')).toHaveValue('04/05/2026');
  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await screenshot(page, 'inspection-adhoc-km');
  await page.getByRole('button', { name: 'English' }).click();
  await screenshot(page, 'inspection-adhoc-en');
  await form.getByRole('button', { name: 'Plan the inspection' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inspection: Golden Dragon Karaoke' })).toBeVisible();
  await expect(page.getByText(/Ad hoc inspection · Planned date: 4 May 2026 · Planned/)).toBeVisible();
  await page.getByLabel('Team members').fill('Capt. Sok Dara');
  const mrz = passport('PHAM', 'C7654321');
  await page.getByLabel('Passport MRZ (two lines, then Enter)').fill(`${mrz.line1}\n${mrz.line2}`);
  await page.getByLabel('Finding for PHAM VAN AN').selectOption({ label: 'No work permit' });
  await page.getByRole('button', { name: 'Save the inspection' }).click();
  await expect(page.getByText(/Ad hoc inspection · Planned date: 4 May 2026 · Done · INS\/12\/2026\/00001$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Persons found' }).getByRole('row', { name: /PHAM VAN AN/ })).toContainText('Due by 24 May 2026 (20 days left)');
  // In Khmer a label's colon is ៖, as on the other screens' documents.
  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(page.getByText('ថ្ងៃគ្រោងទុក៖ ៤ ឧសភា ២០២៦', { exact: false })).toBeVisible();
  await expect(page.getByText('ក្រុមត្រួតពិនិត្យ៖ Capt. Sok Dara')).toBeVisible();
  await page.getByRole('button', { name: 'English' }).click();
  // It is listed with the others, and awaits proof.
  await page.getByRole('link', { name: '← All campaigns' }).click();
  await page.getByRole('link', { name: 'Inspections', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Proof awaited' }).getByRole('row', { name: /Golden Dragon Karaoke/ })).toContainText('Ad hoc inspection');
});
