import {
  callOk, createStaff, downloadTo, E2E_PASSPHRASE, E2eOffices, expect, initOffice, linkOffices, openSync, screenshot, signInAs, test, type E2eRole,
} from './fixtures.js';
import type { Page } from '@playwright/test';

/**
 * A national campaign reaches a commune through its province (issue 12): the national analyst makes it on the
 * screen, the national administrator writes the bundle for the province, the provincial officer applies it and
 * writes the province's bundle for the commune, where the commune officer sees the campaign, made by the
 * national office. Offices, accounts, keys and the key directory are set up with the CLI and the calls the
 * screens make; the trust rules (a province cannot alter or invent a national campaign) are in
 * test/electron/sync/relay.test.ts.
 */

// The servers inherit this: a lighter scrypt for the key files, so a loaded test machine is not timed out.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-01-05T09:00:00+07:00';
const TITLE = 'National work-status declaration 2026';

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

async function signIn(page: Page, as: E2eRole): Promise<void> {
  await signInAs(page, as);
  await page.getByRole('button', { name: 'English' }).click();
}

async function openCampaigns(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Campaigns', exact: true }).click();
}

/** Campaigns screen: the bundles for the offices below, saved to the USB stick. */
async function sendDown(page: Page, usb: string): Promise<string> {
  await openCampaigns(page);
  await page.getByLabel("Passphrase of this office's keys").fill(E2E_PASSPHRASE);
  const file = await downloadTo(page, () => page.getByRole('button', { name: 'Make the bundles' }).click(), usb);
  await expect(page.getByRole('status')).toContainText('Bundles for 1 office(s), 1 campaign record(s).');
  return file;
}

async function importBundle(page: Page, file: string): Promise<void> {
  await openSync(page);
  await page.getByLabel('Bundle files').setInputFiles([file]);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByText(/applied/).first()).toBeVisible();
}

test('a national campaign: national office → province → commune, each bundle made and applied on the screens', async ({ browser }) => {
  test.setTimeout(600_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2].map(() => offices.folder());
  initOffice(folders[0]!, NOW, 'national', '00', 'National Immigration Police', 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  initOffice(folders[2]!, NOW, 'commune', '120101', 'Tonle Basak police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  // One after another: servers starting at once can time out on a loaded machine.
  const national = await offices.start(browser, folders[0]!, NOW);
  const province = await offices.start(browser, folders[1]!, NOW);
  const commune = await offices.start(browser, folders[2]!, NOW);
  for (const office of [national, province, commune]) await signInAs(office.page, 'administrator');
  await createStaff(national.page, ['national-analyst']);
  await createStaff(province.page, ['provincial-officer']);
  await createStaff(commune.page, ['commune-officer']);
  await linkOffices(national.page, province.page, [commune.page]);

  // National office: the analyst makes the campaign for a commune of Phnom Penh.
  await signIn(national.page, 'national-analyst');
  await openCampaigns(national.page);
  await national.page.getByRole('button', { name: 'New campaign' }).click();
  await national.page.getByLabel('Title').fill(TITLE);
  await national.page.getByLabel('Legal reference').fill('National action plan 2026, phase 1');
  await national.page.getByLabel('Units in scope').fill('120101');
  await national.page.getByLabel('Start').fill('2026-01-05');
  await national.page.getByLabel('Deadline').fill('2026-03-15');
  await national.page.getByRole('button', { name: 'Create the campaign' }).click();
  await expect(national.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  // The analyst plans; the office's administrator moves the bundles.
  await expect(national.page.getByLabel("Passphrase of this office's keys")).toHaveCount(0);
  await signIn(national.page, 'administrator');
  const toProvince = await sendDown(national.page, usb);

  // Province: the provincial officer applies it and passes it on to the commune in scope.
  await signIn(province.page, 'provincial-officer');
  await importBundle(province.page, toProvince);
  await openCampaigns(province.page);
  await province.page.getByRole('link', { name: TITLE }).click();
  await expect(province.page.getByText('made by National Immigration Police')).toBeVisible();
  const toCommune = await sendDown(province.page, usb);

  // Commune: the commune officer applies the province's bundle and sees the national campaign.
  await signIn(commune.page, 'commune-officer');
  await importBundle(commune.page, toCommune);
  await openCampaigns(commune.page);
  const list = commune.page.getByRole('table', { name: 'Campaigns' });
  await expect(list.getByRole('row', { name: new RegExp(TITLE) })).toContainText('15 March 2026');
  await list.getByRole('link', { name: TITLE }).click();
  await expect(commune.page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(commune.page.getByText('made by National Immigration Police')).toBeVisible();
  await expect(commune.page.getByText('National action plan 2026, phase 1')).toBeVisible();
  // What the screen shows is what the national office made.
  const atNational = await callOk<{ items: { id: string; title: string; deadline: string; legalReference: string }[] }>(national.page, 'campaigns.list', {});
  const atCommune = await callOk<{ items: { id: string; title: string; deadline: string; legalReference: string; own: boolean }[] }>(commune.page, 'campaigns.list', {});
  expect(atCommune.items.map(({ id, title, deadline, legalReference }) => ({ id, title, deadline, legalReference })))
    .toEqual(atNational.items.map(({ id, title, deadline, legalReference }) => ({ id, title, deadline, legalReference })));
  expect(atCommune.items[0]!.own).toBe(false);
  await screenshot(commune.page, 'campaign-national-commune-en');
  await commune.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(commune.page.getByText('បង្កើតដោយ National Immigration Police')).toBeVisible();
  await screenshot(commune.page, 'campaign-national-commune-km');
});
