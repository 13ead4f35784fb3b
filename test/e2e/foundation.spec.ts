import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, GAZETTEER_CSV, screenshot, setUpCommuneOffice, test } from './fixtures.js';

test('first run: import the gazetteer, set up a commune office, navigate every section', async ({ app }) => {
  await expect(app.getByRole('heading', { name: 'រៀបចំការិយាល័យនេះ' })).toBeVisible();
  await screenshot(app, 'setup-km');
  await setUpCommuneOffice(app);
  await expect(app.locator('.office-header')).toContainText('Tonle Basak police post');
  await expect(app.locator('.office-header')).toContainText('Tonle Basak Sangkat');
  await screenshot(app, 'home-en');
  for (const [link, heading] of [
    ['Premises', 'Premises'],
    ['Foreigners', 'Foreigners'],
    ['Documents', 'Documents'],
    ['Sync', 'Sync'],
    ['Reports', 'Reports'],
    ['Settings', 'Settings'],
  ] as const) {
    await app.getByRole('navigation').getByRole('link', { name: link }).click();
    await expect(app.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  await expect(app.getByRole('cell', { name: 'Gazetteer (provinces, districts, communes)' })).toBeVisible();
  await screenshot(app, 'settings-en');
});

test('switching to Khmer translates every string and is remembered after reload', async ({ app }) => {
  await setUpCommuneOffice(app);
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('navigation', { name: 'ផ្នែក' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'km');
  await expect(app.locator('.office-header')).toContainText('សង្កាត់ទន្លេបាសាក់');
  await screenshot(app, 'home-km');
  await app.getByRole('link', { name: 'ការកំណត់' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'ការកំណត់' })).toBeVisible();
  await screenshot(app, 'settings-km');
  for (const section of ['ទីតាំង', 'ជនបរទេស', 'ឯកសារ', 'ផ្ទេរទិន្នន័យ', 'របាយការណ៍', 'ការកំណត់', 'ទំព័រដើម']) {
    await app.getByRole('navigation').getByRole('link', { name: section }).click();
    // No Latin words left in the main area apart from acronyms (USB, PDF), codes, versions, file extensions and names the user typed.
    const text = await app.locator('main').innerText();
    const latinWords = (text.replace(/Tonle Basak police post|sha256:[0-9a-f]+|\d{4}\.\d|i18n-iso-countries\+icao9303|ICAO|CSV|MRZ|[0-9a-f-]{36}|cambodia-admin-units\.csv|\.bchb|T —|E —|EB|EG|ER|ES|K —/g, '').match(/\b[A-Za-z]*[a-z][A-Za-z]*\b/g) ?? []).filter((word) => word.length >= 3);
    expect(latinWords, `untranslated text in section ${section}`).toEqual([]);
  }
  await app.reload();
  await expect(app.getByRole('navigation', { name: 'ផ្នែក' })).toBeVisible();
});

test('a bad gazetteer file is rejected with its line numbers and nothing changes', async ({ app }, testInfo) => {
  await app.getByRole('button', { name: 'English' }).click();
  const lines = readFileSync(GAZETTEER_CSV, 'utf8').split('\n');
  lines[6] = lines[6]!.replace(/^06,/, '6,');
  lines[41] = lines[41]!.split(',').slice(0, 5).join(',');
  mkdirSync(testInfo.outputDir, { recursive: true });
  const badFile = path.join(testInfo.outputDir, 'bad-gazetteer.csv');
  writeFileSync(badFile, lines.join('\n'));
  await app.getByLabel('Gazetteer file (CSV)').setInputFiles(badFile);
  await app.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('The file bad-gazetteer.csv was not imported');
  await expect(alert).toContainText('Line 7: code “6” must be 2 digits');
  await expect(alert).toContainText('Line 42: expected 9 columns, found 5');
  await screenshot(app, 'gazetteer-rejected-en');
  // Nothing stored: only the built-in provinces, no districts.
  await app.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await expect(app.getByText('No districts are known yet for this province')).toBeVisible();
});
