import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { buildTd3 } from '../../shared/mrz.js';
import { createStaff, expect, fillAdministrator, GAZETTEER_CSV, screenshot, signInAs, startWebApp, test, type WebApp, submitSetup } from './fixtures.js';

/**
 * Three offices, three `npm run web` servers on three data folders, one browser context each.
 * Sync is set up entirely from the screens — key directory, key cards, fingerprints confirmed in
 * dialogs, the office above chosen by name — and every file moves between them as a download
 * saved to a "USB stick" folder and an upload from it. Then a person registered at the commune
 * travels commune → province → national, is found by search at each office, and the receipt comes back.
 */

const PASSPHRASE = 'a good long passphrase';
// The servers inherit this: a lighter scrypt for the key file, so a loaded test machine is not timed out.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NATIONAL = 'National Immigration Police';
const PROVINCE = 'Phnom Penh Immigration Police';
const COMMUNE = 'Tonle Basak police post';

interface Office {
  app: WebApp;
  page: Page;
}

const apps: WebApp[] = [];
const dirs: string[] = [];
test.afterAll(async () => {
  for (const app of apps) {
    app.process.kill('SIGTERM');
    await new Promise((resolve) => app.process.once('exit', resolve));
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function open(browser: Browser): Promise<Office> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-office-'));
  dirs.push(dataDir);
  const app = await startWebApp(dataDir);
  apps.push(app);
  // One context per office: the servers share 127.0.0.1, and cookies do not tell ports apart.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(app.url);
  return { app, page };
}

async function setUp(page: Page, level: 'National' | 'Province' | 'Commune', name: string): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Gazetteer file (CSV)').setInputFiles(GAZETTEER_CSV);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('1874 units in all');
  await page.getByLabel('Office level').selectOption({ label: level });
  if (level !== 'National') await page.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  if (level === 'Commune') {
    await page.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
    await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  }
  await page.getByLabel('Office name').fill(name);
  // The administrator (keys, key directory) also moves the bundles; the commune officer registers.
  await fillAdministrator(page);
  await submitSetup(page);
  await createStaff(page, ['commune-officer']);
  await syncTab(page, 'Keys');
}

async function syncTab(page: Page, tab: 'Keys' | 'Key directory' | 'Export and import' | 'History'): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
  await page.getByRole('tab', { name: tab }).click();
  // The passphrase is kept only while the Sync section is open, never stored.
  const passphrase = page.getByLabel('Key passphrase');
  if (tab !== 'History' && (await passphrase.inputValue()) === '') await passphrase.fill(PASSPHRASE);
}

/** Clicks a button that downloads one file and keeps it in the USB folder under its own name. */
async function download(page: Page, button: string, usb: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await pending;
  const target = path.join(usb, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

async function fingerprints(page: Page): Promise<{ signing: string; encryption: string }> {
  await syncTab(page, 'Keys');
  const shown = page.locator('dd.fingerprint');
  return { signing: (await shown.nth(0).textContent()) ?? '', encryption: (await shown.nth(1).textContent()) ?? '' };
}

async function createKeys(page: Page, above: string | null): Promise<void> {
  await syncTab(page, 'Keys');
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  if (above) await page.getByLabel('Office above').selectOption({ label: above });
  await page.getByRole('button', { name: 'Create keys' }).click();
  await expect(page.getByText('Signing key fingerprint')).toBeVisible();
  await expect(page.locator('dd.fingerprint').first()).toHaveText(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
}

/** Imports a directory file; the first time, the national fingerprint is checked "by phone" in the dialog. */
async function importDirectory(page: Page, file: string, version: number, nationalSigning?: string): Promise<void> {
  await syncTab(page, 'Key directory');
  await page.getByLabel('Key directory file from the national office').setInputFiles(file);
  await page.getByRole('button', { name: 'Import key directory' }).click();
  if (nationalSigning) {
    const dialog = page.getByRole('dialog', { name: "Confirm the national office's key" });
    await expect(dialog).toContainText(`signed by ${NATIONAL}`);
    await expect(dialog.getByTestId('national-fingerprint')).toHaveText(nationalSigning);
    await expect(dialog.getByRole('button', { name: 'Trust this key and import' })).toBeDisabled();
    await dialog.getByLabel('The national office read out the same fingerprint').check();
    await dialog.getByRole('button', { name: 'Trust this key and import' }).click();
  }
  await expect(page.getByRole('status')).toHaveText(`Key directory version ${version} installed.`);
}

/** The national office adds an office from its card file, comparing both fingerprints in the dialog. */
async function addOffice(national: Page, card: string, office: { name: string; signing: string; encryption: string }, usb: string, version: number): Promise<string> {
  await syncTab(national, 'Key directory');
  await national.getByLabel('Key card file').setInputFiles(card);
  await national.getByRole('button', { name: 'Add an office from its key card' }).click();
  const dialog = national.getByRole('dialog', { name: `Confirm the key card of ${office.name}` });
  await expect(dialog.getByTestId('card-signing')).toHaveText(office.signing);
  await expect(dialog.getByTestId('card-encryption')).toHaveText(office.encryption);
  await dialog.getByLabel('The office read out the same two fingerprints').check();
  await dialog.getByRole('button', { name: 'Add to the next key directory' }).click();
  await expect(national.getByRole('status')).toContainText(`${office.name} will be in the next key directory`);
  await national.getByRole('button', { name: 'Sign key directory' }).click();
  await expect(national.getByRole('status')).toHaveText(`Key directory version ${version} signed.`);
  return download(national, 'Save key directory file', usb);
}

async function importBundles(page: Page, files: string[]): Promise<void> {
  await syncTab(page, 'Export and import');
  await page.getByLabel('Bundle files').setInputFiles(files);
  await page.getByRole('button', { name: 'Apply' }).click();
}

async function searchFinds(page: Page, query: string, name: RegExp): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Foreigners', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill(query);
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('link', { name })).toBeVisible();
}

test('three offices set up sync from the screens and send a person commune → province → national', async ({ browser }) => {
  test.setTimeout(600_000);
  const usb = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-usb-'));
  dirs.push(usb);
  const national = await open(browser);
  const province = await open(browser);
  const commune = await open(browser);

  // National: keys (no office above), first directory signed and saved.
  await setUp(national.page, 'National', NATIONAL);
  await expect(national.page.getByText('The national office has no office above.')).toBeVisible();
  await createKeys(national.page, null);
  const nationalKeys = await fingerprints(national.page);
  await syncTab(national.page, 'Key directory');
  await national.page.getByRole('button', { name: 'Sign key directory' }).click();
  await expect(national.page.getByRole('status')).toHaveText('Key directory version 1 signed.');
  const directory1 = await download(national.page, 'Save key directory file', usb);

  // Province: trusts the national key (fingerprint read out by phone), chooses the national office by name.
  await setUp(province.page, 'Province', PROVINCE);
  await importDirectory(province.page, directory1, 1, nationalKeys.signing);
  await createKeys(province.page, NATIONAL);
  const provinceKeys = await fingerprints(province.page);
  const provinceCard = await download(province.page, 'Save key card file', usb);
  const provincePdf = await download(province.page, 'Save key card to print (PDF)', usb);
  expect(path.basename(provincePdf)).toMatch(/\.pdf$/);
  await screenshot(province.page, 'sync-offices-keys-en');

  const directory2 = await addOffice(national.page, provinceCard, { name: PROVINCE, ...provinceKeys }, usb, 2);
  await importDirectory(province.page, directory2, 2);

  // Commune: same, with the province as the office above.
  await setUp(commune.page, 'Commune', COMMUNE);
  await importDirectory(commune.page, directory2, 2, nationalKeys.signing);
  await syncTab(commune.page, 'Keys');
  await expect(commune.page.getByLabel('Office above').locator('option')).toHaveText(['Choose the office above', PROVINCE]);
  await createKeys(commune.page, PROVINCE);
  const communeKeys = await fingerprints(commune.page);
  const communeCard = await download(commune.page, 'Save key card file', usb);
  const directory3 = await addOffice(national.page, communeCard, { name: COMMUNE, ...communeKeys }, usb, 3);
  await screenshot(national.page, 'sync-offices-directory-en');
  await importDirectory(province.page, directory3, 3);
  await importDirectory(commune.page, directory3, 3);
  await expect(commune.page.getByRole('table').first()).toContainText(PROVINCE);

  // A person registered at the commune, by its officer.
  await signInAs(commune.page, 'commune-officer');
  await commune.page.getByRole('navigation').getByRole('link', { name: 'Foreigners', exact: true }).click();
  await commune.page.getByRole('button', { name: 'Register foreigner' }).click();
  const mrz = buildTd3({
    issuingState: 'CHN', surname: 'LI', givenNames: 'WEI MING', documentNumber: 'E12345678', nationality: 'CHN',
    birthDate: '1988-03-14', sex: 'M', expiryDate: '2031-06-30',
  });
  const box = commune.page.getByLabel('Passport MRZ (two lines, then Enter)');
  await box.click();
  await commune.page.keyboard.type(`${mrz.line1}\n${mrz.line2}`);
  await commune.page.keyboard.press('Enter');
  await expect(commune.page.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await commune.page.getByRole('button', { name: 'Save' }).click();
  await expect(commune.page.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  await searchFinds(commune.page, 'wei ming', /LI WEI MING/);

  // Commune → province: the bundle is a download; the province uploads it and saves the receipt.
  await syncTab(commune.page, 'Export and import');
  const communeBundle = await download(commune.page, 'Write bundle', usb);
  await expect(commune.page.getByRole('status')).toContainText('Bundle no. 1');
  await expect(commune.page.getByRole('status')).toContainText(`Downloaded: ${path.basename(communeBundle)}`);
  await importBundles(province.page, [communeBundle]);
  await expect(province.page.getByText(/bundle 1 applied/)).toBeVisible();
  const receipt = await download(province.page, 'Save receipts for the sending offices (1)', usb);

  // Province → national: the province relays what the commune sent.
  await syncTab(province.page, 'Export and import');
  const provinceBundle = await download(province.page, 'Write bundle', usb);
  await importBundles(national.page, [provinceBundle]);
  await expect(national.page.getByText(/bundle 1 applied/)).toBeVisible();
  await expect(national.page.getByText(/^foreigners: 1 new/)).toBeVisible();

  // Every office finds the person by name and passport (derived data follows remote changes).
  await searchFinds(province.page, 'wei ming', /LI WEI MING/);
  await searchFinds(province.page, 'E12345678', /LI WEI MING/);
  await searchFinds(national.page, 'li wei', /LI WEI MING/);
  await searchFinds(national.page, 'E12345678', /LI WEI MING/);

  // The receipt goes back to the commune and acknowledges its bundle.
  await importBundles(commune.page, [receipt]);
  await expect(commune.page.getByText('receipt imported; changes acknowledged')).toBeVisible();

  // History: office names, local dates, where each bundle went.
  await syncTab(commune.page, 'History');
  const sent = commune.page.getByRole('table').first();
  await expect(sent).toContainText(PROVINCE);
  await expect(sent).toContainText('Downloaded by the browser');
  // Offices by name: no cell is an office id.
  await expect(sent.getByRole('cell').filter({ hasText: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/ })).toHaveCount(0);
  await expect(sent.getByRole('cell', { name: PROVINCE })).toBeVisible();
  await screenshot(commune.page, 'sync-offices-history-en');
  await syncTab(national.page, 'History');
  await expect(national.page.getByRole('table').nth(1)).toContainText(PROVINCE);
  await commune.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(commune.page.getByRole('table').first()).toContainText('បានទាញយកដោយកម្មវិធីរុករក');
  await screenshot(commune.page, 'sync-offices-history-km');
  await national.page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await national.page.getByRole('tab', { name: 'បញ្ជីកូនសោ' }).click();
  await expect(national.page.getByRole('heading', { name: 'បញ្ជីកូនសោ', exact: true })).toBeVisible();
  await screenshot(national.page, 'sync-offices-directory-km');
});
