import { createI18n } from '../../shared/i18n/index.js';
import { formatNumber } from '../../shared/khmer.js';
import { callOk, E2eOffices, expect, initOffice, screenshot, signInAs, test } from './fixtures.js';

/**
 * A province whose communes come in by USB stick once a month sets after how many days an office below is
 * late (Settings), in English and in Khmer with Khmer digits; a value that is not a number of days is
 * refused in words and nothing is kept. The screen's other numbers follow the language's digits.
 */
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-03-10T09:00:00+07:00';
const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

test('the province sets when an office below is late, in both languages', async ({ browser }) => {
  test.setTimeout(180_000);
  const folder = offices.folder();
  initOffice(folder, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  const { page } = await offices.start(browser, folder, NOW);
  await signInAs(page, 'administrator');
  await page.getByRole('button', { name: 'English' }).click();
  await page.goto(`${page.url().split('#')[0]}#/settings`);
  const en = createI18n('en', { strict: true }).t;
  const field = page.getByLabel(en('reports.bundles.settingLabel'));
  await expect(field).toHaveValue('7');
  await field.fill('abc');
  await page.getByRole('region', { name: en('reports.bundles.settingTitle') }).getByRole('button', { name: en('reports.bundles.settingSave') }).click();
  await expect(page.getByText(en('errors.reports.bundleLateDays', { value: 'abc', max: 365 }))).toBeVisible();
  expect(await callOk(page, 'settings.get', { key: 'reports.bundleLateDays' })).toBeNull();
  await field.fill('14');
  await page.getByRole('region', { name: en('reports.bundles.settingTitle') }).getByRole('button', { name: en('reports.bundles.settingSave') }).click();
  await expect(page.getByRole('status').filter({ hasText: en('reports.bundles.settingSaved', { days: 14 }) })).toBeVisible();
  await screenshot(page, 'settings-bundles-en');

  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  const km = createI18n('km', { strict: true }).t;
  const fieldKm = page.getByLabel(km('reports.bundles.settingLabel'));
  await expect(fieldKm).toHaveValue('១៤');
  await fieldKm.fill('៣១');
  await page.getByRole('region', { name: km('reports.bundles.settingTitle') }).getByRole('button', { name: km('reports.bundles.settingSave') }).click();
  await expect(page.getByRole('status').filter({ hasText: km('reports.bundles.settingSaved', { days: 31 }) })).toBeVisible();
  expect(await callOk(page, 'settings.get', { key: 'reports.bundleLateDays' })).toBe('31');
  // One digit system per language on this screen: the idle lock's minutes and the reference lists' sizes too.
  await expect(page.getByLabel(km('accounts.idle.label'))).toHaveValue('១០');
  const info = await callOk<{ referenceVersions: { list: string; rowCount: number }[] }>(page, 'info.get', {});
  const units = info.referenceVersions.find((v) => v.list === 'gazetteer')!.rowCount;
  await expect(page.getByRole('cell', { name: formatNumber(units, 'km'), exact: true })).toBeVisible();
  // The office's name in the UI language.
  await expect(page.getByText('នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ', { exact: true })).toBeVisible();
  await screenshot(page, 'settings-bundles-km');
});
