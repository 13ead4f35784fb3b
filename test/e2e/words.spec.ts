import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { buildTd3, type Td3Input } from '../../shared/mrz.js';
import { E2E_USERS, REPO, expect, pageCall, screenshot, setUpCommuneOffice, test } from './fixtures.js';

// Starting a server, importing the gazetteer and registering people takes a while on a busy machine.
test.setTimeout(240_000);

const person = (surname: string, givenNames: string, nationality: string, documentNumber: string, birthDate: string): Td3Input => ({
  issuingState: nationality, surname, givenNames, documentNumber, nationality, birthDate, sex: 'F', expiryDate: '2031-06-30',
});
const MULLER = person('MULLER', 'ANNA', 'D', 'C01X00T47', '1988-03-14');
const SCHMIDT = person('SCHMIDT', 'KARL', 'DEU', 'C02X00T48', '1979-07-02');
const LI = person('LI', 'WEI', 'CHN', 'E12345678', '1990-01-05');
const LATIN_DIGIT = /[0-9]/;

function section(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function registerByMrz(page: Page, td3: Td3Input): Promise<void> {
  await section(page, 'Foreigners');
  await page.getByRole('button', { name: 'Register foreigner' }).click();
  const { line1, line2 } = buildTd3(td3);
  await page.getByLabel('Passport MRZ (two lines, then Enter)').click();
  await page.keyboard.type(`${line1}\n${line2}`);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(td3.surname) })).toBeVisible();
}

/** Picks a nationality in the filter by typing, then the first match (Enter). */
async function filterByNationality(page: Page, label: string, typed: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  await expect(page.getByRole('listbox').getByRole('option').first()).toBeVisible();
  await box.press('Enter');
}

function listRows(page: Page, label: string) {
  return page.getByRole('list', { name: label }).getByRole('link');
}

test('nationality by name in both languages; Germany, DEU and D find the same people', async ({ app }) => {
  await setUpCommuneOffice(app);
  for (const td3 of [MULLER, SCHMIDT, LI]) await registerByMrz(app, td3);

  // The person page names the nationality and issuing state, dates in words.
  const particulars = app.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText("People's Republic of China (CHN)");
  await expect(particulars).toContainText('5 January 1990');

  await section(app, 'Foreigners');
  const rows = listRows(app, 'Foreigners list');
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: 'MULLER' })).toContainText('Germany · C01X00T47 · 14 March 1988');
  await expect(rows.filter({ hasText: 'SCHMIDT' })).toContainText('Germany');
  for (const typed of ['Germany', 'DEU', 'D', 'germ']) {
    await filterByNationality(app, 'Nationality', typed);
    await expect(app.getByRole('combobox', { name: 'Nationality' })).toHaveValue('Germany');
    await expect(rows).toHaveCount(2);
    await expect(rows.filter({ hasText: 'LI WEI' })).toHaveCount(0);
  }
  await screenshot(app, 'words-foreigners-germany-en');

  // The search box: a nationality typed there offers everyone of it.
  await app.getByRole('combobox', { name: 'Nationality' }).fill('');
  await app.getByRole('combobox', { name: 'Nationality' }).blur();
  await expect(rows).toHaveCount(3);
  await app.getByRole('searchbox', { name: 'Search' }).fill('DEU');
  await app.getByRole('button', { name: 'Show everyone from Germany' }).click();
  await expect(rows).toHaveCount(2);

  // Khmer: names, dates with Khmer digits and month names, search by the Khmer name.
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  const picker = app.getByRole('combobox', { name: 'សញ្ជាតិ' });
  await expect(picker).toHaveValue('អាល្លឺម៉ង់');
  const rowsKm = listRows(app, 'បញ្ជីជនបរទេស');
  const muller = rowsKm.filter({ hasText: 'MULLER' });
  await expect(muller).toContainText('អាល្លឺម៉ង់ · C01X00T47 · ១៤ មីនា ១៩៨៨');
  await picker.fill('');
  await picker.blur();
  await expect(rowsKm).toHaveCount(3);
  await filterByNationality(app, 'សញ្ជាតិ', 'អាល្លឺ');
  await expect(rowsKm).toHaveCount(2);
  await screenshot(app, 'words-foreigners-germany-km');
  await muller.click();
  const particularsKm = app.getByRole('region', { name: 'ព័ត៌មានលម្អិត' });
  await expect(particularsKm).toContainText('អាល្លឺម៉ង់ (D)');
  await expect(particularsKm).toContainText('១៤ មីនា ១៩៨៨');
  await expect(particularsKm).toContainText('៣០ មិថុនា ២០៣១');
  await screenshot(app, 'words-person-km');
});

/** Today at the office (Phnom Penh) as dd/mm/yyyy. */
function officeToday(): { day: string; month: string; year: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Phnom_Penh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date());
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: get('day'), month: get('month'), year: get('year') };
}
const khmerDigits = (text: string) => text.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d)));

test('history with field labels and the operator, dates typed and shown in Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  await section(app, 'Premises');
  await app.getByRole('button', { name: 'Register premises' }).click();
  const form = app.getByRole('form', { name: 'Register premises' });
  await form.getByLabel('Name (Latin)').fill('Mekong Breeze Guesthouse');
  // A new address starts in the office's own commune.
  await expect(form.getByLabel('Commune', { exact: true })).toHaveValue('120101');
  await form.getByLabel('Rooms').fill('14');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Mekong Breeze/ })).toBeVisible();
  await app.getByRole('button', { name: 'Edit' }).click();
  await app.getByLabel('Rooms').fill('20');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('region', { name: 'History' })).toContainText('Rooms: 14 → 20');
  // The signed-in user's name (E2E_USERS['commune-officer']), never an id.
  await expect(app.getByRole('region', { name: 'History' })).toContainText('Chan Dara');

  // The pledge, printed and recorded as signed with a date typed in Khmer digits in the Khmer UI.
  await app.getByRole('button', { name: 'Print pledge' }).click();
  await app.getByRole('button', { name: 'Preview' }).click();
  await expect(app.getByText(/\d+ pages?$/)).toBeVisible({ timeout: 60_000 });
  // A preview numbers nothing; saving the PDF prints it for real.
  await expect(app.getByText('Preview: the pledge gets its number')).toBeVisible();
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save as PDF' }).click();
  await download;
  await expect(app.getByText('Preview: the pledge gets its number')).toBeHidden();
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  const { day, month, year } = officeToday();
  const signedOn = app.getByLabel('ថ្ងៃចុះហត្ថលេខា', { exact: true });
  await signedOn.fill(khmerDigits(`${day}/${month}/${year}`));
  await expect(app.getByText(/^អានថា [០-៩]{1,2} \S+ [០-៩]{4}$/)).toBeVisible();
  await app.getByLabel('សាក្សី').fill('Chea Dara');
  await app.getByRole('button', { name: 'កត់ត្រាថាបានចុះហត្ថលេខា' }).click();
  await expect(app.getByRole('status')).toContainText(khmerDigits(String(Number(day))));
  await screenshot(app, 'words-documents-signed-km');

  await section(app, 'ទីតាំង');
  await app.getByRole('link', { name: /Mekong Breeze/ }).click();
  const history = app.getByRole('region', { name: 'ប្រវត្តិ' });
  await expect(history).toContainText('ចាន់ ដារ៉ា');
  await expect(history).toContainText('ចំនួនបន្ទប់៖ ១៤ → ២០');
  await expect(history).toContainText('លិខិតសន្យា៖');
  const text = await history.innerText();
  expect(text).not.toMatch(/local-operator|pledge_status|rooms|printed|signed/);
  expect(text).not.toMatch(LATIN_DIGIT);
  await screenshot(app, 'words-history-km');
  await app.getByRole('button', { name: 'English' }).click();
  await expect(app.getByRole('region', { name: 'History' })).toContainText('Pledge: Pledge printed, not signed → Pledge signed');
  await screenshot(app, 'words-history-en');
});

test('Home groups alerts by kind with counts; each opens its filtered list', async ({ app, webApp }) => {
  await setUpCommuneOffice(app);
  // A realistic register written by the command line into the same database.
  // As the administrator (the demo is theirs), named to the command line as scripts do.
  const admin = E2E_USERS.administrator;
  execFileSync(process.execPath, ['bin/banhchi.mjs', 'demo', '--db', path.join(webApp.dataDir, 'banhchi.db'), '--persons', '40', '--seed', '3'], {
    cwd: REPO, env: { ...process.env, BANHCHI_USER: admin.username, BANHCHI_PASSWORD: admin.password },
  });
  await app.reload();
  const home = app.getByRole('region', { name: 'What needs doing' });
  await expect(home).toBeVisible();
  await screenshot(app, 'words-home-en');

  const late = home.getByRole('listitem', { name: 'Late reports' });
  const lateLink = late.getByRole('link', { name: /Stay reported more than 24 hours/ });
  const lateCount = Number(/· (\d+)$/.exec(await lateLink.innerText())?.[1]);
  expect(lateCount).toBeGreaterThan(0);
  await lateLink.click();
  await expect(app).toHaveURL(/#\/foreigners\/alert\/late_report$/);
  await expect(app.getByLabel('Alert', { exact: true })).toHaveValue('late_report');
  await expect(listRows(app, 'Foreigners list')).toHaveCount(lateCount);

  await section(app, 'Home');
  const pledge = home.getByRole('listitem', { name: 'Premises without a signed pledge' }).getByRole('link');
  const pledgeCount = Number(/· (\d+)$/.exec(await pledge.innerText())?.[1]);
  await pledge.click();
  await expect(app).toHaveURL(/#\/premises\/alert\/no_signed_pledge$/);
  await expect(listRows(app, 'Premises list')).toHaveCount(pledgeCount);

  await section(app, 'Home');
  // Expired documents and documents expiring soon are two groups; the second counts foreigners, each once, as the figure
  // "Foreigners with a passport or visa expiring within 30 days" and its list count them (here over the whole register).
  const expiring = home.getByRole('listitem', { name: 'Foreigners with a passport or visa expiring within 30 days' });
  await expect(expiring.getByRole('link').first()).toBeVisible();
  await expect(home.getByRole('listitem', { name: 'Expired passports and visas' }).getByRole('link').first()).toBeVisible();
  const expiringCount = Number(/^(\d+)/.exec(await expiring.getByRole('heading').innerText())?.[1]);
  expect(expiringCount).toBeGreaterThan(0);
  const behindFigure = (await pageCall(app, 'reports.records', { figure: 'documentsExpiring', limit: 1 })).value as { total: number };
  expect(expiringCount).toBe(behindFigure.total);
  const cap = home.getByRole('listitem', { name: 'Employers over the 10% cap' });
  if (await cap.count()) {
    const capCount = Number(/^(\d+)/.exec(await cap.getByRole('heading').innerText())?.[1]);
    await cap.getByRole('link').click();
    await expect(app).toHaveURL(/#\/foreigners\/employers\/over-cap$/);
    await expect(app.getByRole('table', { name: 'Employers list' }).locator('tbody tr')).toHaveCount(capCount);
  }

  await section(app, 'Home');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  const homeKm = app.getByRole('region', { name: 'អ្វីដែលត្រូវធ្វើ' });
  await expect(homeKm.getByRole('listitem', { name: 'របាយការណ៍យឺត' })).toContainText(khmerDigits(String(lateCount)));
  await expect(homeKm.getByRole('listitem', { name: 'ជនបរទេសដែលមានលិខិតឆ្លងដែន ឬទិដ្ឋាការផុតកំណត់ក្នុងរយៈពេល ៣០ ថ្ងៃ' }).getByRole('heading'))
    .toContainText(khmerDigits(String(expiringCount)));
  expect(await homeKm.innerText()).not.toMatch(LATIN_DIGIT);
  await screenshot(app, 'words-home-km');
});
