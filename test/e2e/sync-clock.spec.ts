import type { Browser, Page } from '@playwright/test';
import { createI18n } from '../../shared/i18n/index.js';
import { formatDate } from '../../shared/khmer.js';
import { callOk, createStaff, downloadTo, E2eOffices, expect, initOffice, linkOffices, openSync, screenshot, signInAs, test } from './fixtures.js';

/**
 * A commune whose PC is set ten days ahead sends its bundle; the province applies it as always and the
 * result says the sending office's clock is probably wrong, in English and in Khmer.
 */
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-03-10T09:00:00+07:00';
const COMMUNE_NOW = '2026-03-20T09:00:00+07:00';

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

async function start(browser: Browser, dataDir: string, now: string): Promise<Page> {
  const { page } = await offices.start(browser, dataDir, now);
  await signInAs(page, 'administrator');
  return page;
}

test("a bundle written by a clock ten days ahead is applied, and the province is told the sender's clock is probably wrong", async ({ browser }) => {
  test.setTimeout(300_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2].map(() => offices.folder());
  initOffice(folders[0]!, NOW, 'national', '00', 'National Immigration Police', 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  initOffice(folders[2]!, COMMUNE_NOW, 'commune', '120101', 'Tonle Basak police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  const national = await start(browser, folders[0]!, NOW);
  const province = await start(browser, folders[1]!, NOW);
  const commune = await start(browser, folders[2]!, COMMUNE_NOW);
  await linkOffices(national, province, [commune]);

  await createStaff(commune, ['commune-officer']);
  await signInAs(commune, 'commune-officer');
  await commune.getByRole('button', { name: 'English' }).click();
  await callOk(commune, 'premises.create', { nameLatin: 'Golden Lotus Hotel', type: 'hotel', communeCode: '120101' });
  await openSync(commune);
  const bundle = await downloadTo(commune, () => commune.getByRole('button', { name: 'Write bundle' }).click(), usb);

  await province.getByRole('button', { name: 'English' }).click();
  await openSync(province);
  await province.getByLabel('Bundle files').setInputFiles([bundle]);
  await province.getByRole('button', { name: 'Apply' }).click();
  await expect(province.getByText(/bundle 1 applied/)).toBeVisible();
  const en = createI18n('en', { strict: true }).t;
  await expect(province.getByRole('alert').filter({ hasText: en('sync.senderClockAhead', { count: 10, date: formatDate('2026-03-20', 'en') }) })).toBeVisible();
  await screenshot(province, 'sync-clock-en');

  // The same file again, in Khmer: nothing more is applied, and the warning is said in Khmer.
  await province.getByRole('button', { name: 'ខ្មែរ' }).click();
  const km = createI18n('km', { strict: true }).t;
  await province.getByLabel(km('sync.importFiles')).setInputFiles([bundle]);
  await province.getByRole('button', { name: km('sync.applyButton'), exact: true }).click();
  await expect(province.getByText(km('sync.status.already', { seq: 1, waitingFor: 0 }), { exact: false })).toBeVisible();
  await expect(province.getByRole('alert').filter({ hasText: km('sync.senderClockAhead', { count: 10, date: formatDate('2026-03-20', 'km') }) })).toBeVisible();
  await screenshot(province, 'sync-clock-km');
});
