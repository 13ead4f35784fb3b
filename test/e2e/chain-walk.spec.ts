import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildTd3 } from '../../shared/mrz.js';
import {
  callOk, createStaff, downloadTo, E2E_USERS, E2eOffices, expect, initOffice, linkOffices, openSync, pageCall, screenshot, signInAs, test, type E2eRole,
} from './fixtures.js';

/**
 * The chain of offices walked on the screens, as its users do it: the commune officer registers a foreigner, records
 * a stay, corrects a particular and records the departure, and writes the bundle; the provincial officer imports it,
 * finds the person by name, passport and Khmer name, reads the record marked as the commune's with its history in
 * words, and sends it up; the national administrator imports it and the national analyst finds the same person,
 * read only, and counts them in a report. Bad files on the Sync screen (the same bundle twice, one not for this
 * office, a truncated one, garbage, a file that is not a bundle, nothing chosen) get messages naming the file and
 * change nothing. English and Khmer; what the screens show is compared with what the API returns.
 */

process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-03-10T09:00:00+07:00';
const NATIONAL = 'National Immigration Police';
const PROVINCE = 'Phnom Penh Immigration Police';
const COMMUNE = 'Tonle Basak police post';
const NAME_KM = 'លី វ៉ីមីង';
const KM_FROM = 'ពី';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The parts of an input element measured in the page (the e2e code is compiled without the DOM's types). */
interface InputLike {
  placeholder: string;
  clientWidth: number;
  ownerDocument: {
    defaultView: { getComputedStyle(element: unknown): { fontSize: string; fontFamily: string } };
    createElement(tag: 'canvas'): { getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } } };
  };
}

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());
test.use({ actionTimeout: 30_000 });

async function as(page: Page, role: E2eRole, language: 'English' | 'ខ្មែរ' = 'English'): Promise<void> {
  await signInAs(page, role);
  await page.getByRole('button', { name: language }).click();
}

async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function applyBundles(page: Page, files: string[]): Promise<void> {
  await page.getByLabel(/^(Bundle files|ឯកសារកញ្ចប់)$/).setInputFiles(files);
  await page.getByRole('button', { name: /^(Apply|អនុវត្ត)$/ }).click();
}

/** What bad input must not change: the register's persons and stays, and the bundles received. */
async function registerState(page: Page): Promise<unknown> {
  const persons = await callOk<{ items: { id: string; revision: number }[] }>(page, 'persons.list', { limit: 100 });
  const history = await callOk<unknown>(page, 'sync.history', {});
  return { persons: persons.items.map((p) => [p.id, p.revision]), history };
}

test('commune → province → national on the screens: a corrected person travels up, is found and read at each office, bad files are refused in words', async ({ browser }) => {
  test.setTimeout(600_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2].map(() => offices.folder());
  initOffice(folders[0]!, NOW, 'national', '00', NATIONAL, 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, NOW, 'province', '12', PROVINCE, 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  initOffice(folders[2]!, NOW, 'commune', '120101', COMMUNE, 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  const n = (await offices.start(browser, folders[0]!, NOW)).page;
  const p = (await offices.start(browser, folders[1]!, NOW)).page;
  const c = (await offices.start(browser, folders[2]!, NOW)).page;
  for (const page of [n, p, c]) await signInAs(page, 'administrator');
  await createStaff(n, ['national-analyst']);
  await createStaff(p, ['provincial-officer']);
  await createStaff(c, ['commune-officer']);
  await linkOffices(n, p, [c]);

  // ---- Commune (English): register, stay, correction, departure, bundle.
  await as(c, 'commune-officer');
  const hotel = await callOk<{ id: string }>(c, 'premises.create', { nameLatin: 'Golden Lotus Hotel', type: 'hotel', communeCode: '120101' });
  await section(c, 'Foreigners');
  await c.getByRole('button', { name: 'Register foreigner' }).click();
  const mrz = buildTd3({ issuingState: 'CHN', surname: 'LI', givenNames: 'WEI MING', documentNumber: 'E12345678', nationality: 'CHN', birthDate: '1988-03-14', sex: 'M', expiryDate: '2031-06-30' });
  const box = c.locator('textarea.mrz');
  await box.fill(`${mrz.line1}\n${mrz.line2}`);
  await box.press('Enter');
  await c.getByLabel('Name in Khmer').fill(NAME_KM);
  await c.getByRole('button', { name: 'Save' }).click();
  await expect(c.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  const id = /#\/foreigners\/([^/]+)/.exec(c.url())![1]!;
  // The commune's own record carries no "received" note.
  await expect(c.getByRole('note')).toHaveCount(0);
  await c.getByRole('button', { name: 'Record arrival' }).click();
  await c.getByRole('combobox', { name: 'Premises' }).selectOption({ label: 'Golden Lotus Hotel' });
  await c.getByLabel('Arrival date').fill('09/03/2026');
  await c.getByRole('button', { name: 'Save' }).click();
  const stays = c.getByRole('region', { name: 'Stays' });
  await expect(stays.getByRole('row', { name: /Golden Lotus Hotel/ })).toBeVisible();
  await c.getByRole('button', { name: 'Edit particulars' }).click();
  await c.getByLabel('Phone').fill('+855 12 345 678');
  await c.getByRole('button', { name: 'Save changes' }).click();
  await expect(c.getByRole('status')).toHaveText('Changes saved; the history below shows them.');
  await stays.getByRole('button', { name: 'Record departure' }).click();
  await c.getByRole('form').getByRole('button').first().click();
  await expect(stays.getByRole('button', { name: 'Undo departure' })).toBeVisible();
  await screenshot(c, 'chain-commune-person-en');
  await openSync(c);
  // Nothing chosen yet: said in words, and nothing can be applied.
  await expect(c.getByText('No bundle chosen yet')).toBeVisible();
  await expect(c.getByRole('button', { name: 'Apply' })).toBeDisabled();
  const communeBundle = await downloadTo(c, () => c.getByRole('button', { name: 'Write bundle' }).click(), usb);

  // ---- Province: the provincial officer imports it (English), then reads in Khmer.
  await as(p, 'provincial-officer');
  await openSync(p);
  await applyBundles(p, [communeBundle]);
  const result = p.getByRole('listitem').filter({ hasText: path.basename(communeBundle) }).first();
  await expect(result).toContainText('bundle 1 applied');
  // Kinds of record in words, never table names.
  await expect(result).toContainText('foreigners: 1 new');
  await expect(result.getByText(/^(person|stay|audit_entry|user_account):/)).toHaveCount(0);
  await screenshot(p, 'chain-province-import-en');

  // Bad input at the province changes nothing; each message names the file.
  const before = await registerState(p);
  await applyBundles(p, [communeBundle]);
  await expect(p.getByRole('listitem').filter({ hasText: path.basename(communeBundle) }).first()).toContainText('was already imported; nothing changed');
  const garbage = path.join(usb, 'stick-notes.bchb');
  writeFileSync(garbage, 'these are not the bundles you are looking for');
  await applyBundles(p, [garbage]);
  await expect(p.getByRole('alert').filter({ hasText: 'The file stick-notes.bchb is not a Banhchi sync bundle' })).toBeVisible();
  const truncated = path.join(usb, 'half-copied.bchb');
  const bytes = readFileSync(communeBundle);
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
  await applyBundles(p, [truncated]);
  await expect(p.getByRole('alert').filter({ hasText: 'The file half-copied.bchb is incomplete' })).toBeVisible();
  const notBundle = path.join(usb, 'report.txt');
  writeFileSync(notBundle, 'a text file');
  await p.getByLabel('Bundle files').setInputFiles([notBundle]);
  await expect(p.getByRole('alert').filter({ hasText: 'report.txt was left out: it is not a .bchb file' })).toBeVisible();
  await expect(p.getByRole('button', { name: 'Apply' })).toBeDisabled();
  await p.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(p.getByRole('alert').filter({ hasText: 'report.txt មិនត្រូវបានយកទេ' })).toBeVisible();
  await expect(p.getByText('មិនទាន់បានជ្រើសរើសកញ្ចប់ទេ')).toBeVisible();
  await applyBundles(p, [garbage]);
  await expect(p.getByRole('alert').filter({ hasText: 'ឯកសារ stick-notes.bchb មិនមែនជាកញ្ចប់' })).toBeVisible();
  await screenshot(p, 'chain-province-garbage-km');
  expect(await registerState(p)).toEqual(before);

  // Search in Khmer: by name, passport number and Khmer name; each finds the commune's person.
  await section(p, 'ជនបរទេស');
  for (const query of ['wei ming', 'E12345678', NAME_KM]) {
    await p.getByRole('searchbox').fill(query);
    const hits = await callOk<{ items: { id: string }[] }>(p, 'persons.search', { query, limit: 50 });
    expect(hits.items.map((h) => h.id)).toContain(id);
    await expect(p.getByRole('list').getByRole('link', { name: /LI WEI MING/ })).toHaveCount(1);
  }
  await p.getByRole('list').getByRole('link', { name: /LI WEI MING/ }).click();
  await expect(p.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  // Marked as the commune's record, by the name this office knows it by.
  const origin = await callOk<{ own: boolean; officeName: { en: string; km: string } }>(p, 'records.origin', { entity: 'person', recordId: id });
  expect(origin.own).toBe(false);
  await expect(p.getByRole('note')).toContainText(`កំណត់ត្រារបស់ ${origin.officeName.km}`);
  // The correction arrived, with who and when in words.
  const history = p.getByRole('region', { name: 'ប្រវត្តិ' });
  await expect(history).toContainText(E2E_USERS['commune-officer'].nameKm);
  await expect(history).toContainText('+855 12 345 678');
  await expect(history).toContainText('១០ មីនា ២០២៦');
  await expect(p.locator('main, body').first()).not.toContainText(UUID);
  // The passport's expiry in words and Khmer digits, as every other date.
  await expect(p.getByRole('region', { name: 'លិខិតឆ្លងដែន', exact: true })).toContainText('៣០ មិថុនា ២០៣១');
  await screenshot(p, 'chain-province-person-km');
  await p.getByRole('button', { name: 'English' }).click();
  await expect(p.getByRole('note')).toContainText(`Record of ${COMMUNE}, received by sync.`);
  await screenshot(p, 'chain-province-person-en');

  // The province sends it up; its own bundle is not for itself.
  await openSync(p);
  const provinceBundle = await downloadTo(p, () => p.getByRole('button', { name: 'Write bundle' }).click(), usb);
  const beforeOwn = await registerState(p);
  await applyBundles(p, [provinceBundle]);
  await expect(p.getByRole('alert').filter({ hasText: `The file ${path.basename(provinceBundle)} was not encrypted for this office` })).toBeVisible();
  expect(await registerState(p)).toEqual(beforeOwn);

  // ---- National: the administrator imports, the analyst reads (English, then Khmer).
  await as(n, 'administrator');
  await openSync(n);
  await applyBundles(n, [provinceBundle]);
  await expect(n.getByRole('listitem').filter({ hasText: path.basename(provinceBundle) }).first()).toContainText('bundle 1 applied');
  await as(n, 'national-analyst');
  // The analyst does not move bundles: told so on the Sync screen, with nothing to press that would be refused.
  await section(n, 'Sync');
  await expect(n.getByRole('note')).toContainText('Your role does not write or import bundles');
  await expect(n.getByRole('button', { name: /^(Apply|Write bundle)$/ })).toHaveCount(0);
  await section(n, 'Foreigners');
  await n.getByRole('searchbox', { name: 'Search' }).fill('E12345678');
  await n.getByRole('list', { name: 'Search results' }).getByRole('link', { name: /LI WEI MING/ }).click();
  await expect(n.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  await expect(n.getByRole('note')).toContainText(`Record of ${COMMUNE}, received by sync.`);
  await expect(n.getByRole('note')).toContainText('your role does not correct records');
  // Read only: nothing offers a change; a change asked anyway is refused in words.
  await expect(n.getByRole('button', { name: 'Edit particulars' })).toHaveCount(0);
  await expect(n.getByRole('region', { name: 'Stays' }).getByRole('button')).toHaveCount(0);
  await expect(n.getByRole('button', { name: /Record arrival|Record employment|Add a new passport/ })).toHaveCount(0);
  await n.goto(`${n.url().split('#')[0]}#/foreigners/${id}/edit`);
  await expect(n.getByRole('alert')).toHaveText('Your role does not allow this. Ask the office administrator if you need it.');
  await expect(n.getByRole('textbox')).toHaveCount(0);
  const refused = await pageCall(n, 'persons.update', { id, patch: { phone: '+855 99 999 999' } });
  expect(refused.error?.code).toBe('boundary.forbidden');
  await n.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(n.getByRole('alert').filter({ hasText: 'តួនាទីរបស់អ្នក' })).toBeVisible();
  await screenshot(n, 'chain-national-edit-refused-km');
  await n.goto(`${n.url().split('#')[0]}#/foreigners/${id}`);
  await expect(n.getByRole('note')).toContainText('អ្នកអាចអានកំណត់ត្រានេះ');
  await screenshot(n, 'chain-national-person-km');
  // The premises too: the commune's, read only; a record that is not here is said so without an id.
  await n.getByRole('button', { name: 'English' }).click();
  await n.goto(`${n.url().split('#')[0]}#/premises/${hotel.id}`);
  await expect(n.getByRole('heading', { level: 1, name: /Golden Lotus Hotel/ })).toBeVisible();
  await expect(n.getByRole('note')).toContainText(`Record of ${COMMUNE}, received by sync.`);
  await expect(n.getByRole('button', { name: /^(Edit|Check in a guest|Close premises|Add owner)/ })).toHaveCount(0);
  const missing = '0190f3a2-0000-7000-8000-000000000000';
  await n.goto(`${n.url().split('#')[0]}#/foreigners/${missing}`);
  await expect(n.getByRole('alert')).toContainText("This record is not in this office's register");
  await expect(n.getByRole('alert')).not.toContainText(missing);

  // A report counts them: the screen's totals are the API's.
  await n.goto(`${n.url().split('#')[0]}#/reports/arrivals-departures`);
  await expect(n.getByRole('heading', { name: 'Arrivals and departures by month' })).toBeVisible();
  const report = await callOk<{ tables: { total: (number | string | null)[] | null }[] }>(n, 'reports.run', { name: 'arrivals-departures' });
  const total = report.tables[0]!.total!;
  expect(total.slice(-2)).toEqual([1, 1]);
  const shown = n.getByRole('table').first().locator('tfoot td');
  await expect(shown.nth(1)).toHaveText(String(total[total.length - 2]));
  await expect(shown.nth(2)).toHaveText(String(total[total.length - 1]));
  // The period fields are wide enough for their example, in both languages.
  const fits = (page: Page, label: string) => page.getByLabel(label, { exact: true }).evaluate((el) => {
    const input = el as unknown as InputLike;
    const view = input.ownerDocument.defaultView;
    const context = input.ownerDocument.createElement('canvas').getContext('2d');
    const style = view.getComputedStyle(input);
    context.font = `${style.fontSize} ${style.fontFamily}`;
    return context.measureText(input.placeholder).width <= input.clientWidth;
  });
  expect(await fits(n, 'From')).toBe(true);
  await screenshot(n, 'chain-national-report-en');
  await n.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(n.getByRole('table').first().locator('tfoot td').nth(1)).toHaveText('១');
  expect(await fits(n, KM_FROM)).toBe(true);
  await screenshot(n, 'chain-national-report-km');
});
