import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import { E2E_USERS, GAZETTEER_CSV, REPO, cliEnv, expect, screenshot, signInAs, startWebApp, test } from './fixtures.js';

const TODAY = '2026-03-01';
// As the national office's administrator (E2E_USERS), made by `init` from BANHCHI_USER/BANHCHI_PASSWORD.
const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(REPO, 'bin/banhchi.mjs'), ...args], { encoding: 'utf8', cwd: REPO, env: cliEnv('administrator') });

test.describe('reports screen', () => {
  test('shows each report as a chart and a table with the counts in the register, in English and Khmer', async ({ page }) => {
    test.setTimeout(240_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-reports-'));
    const db = path.join(dataDir, 'banhchi.db');
    cli('init', '--db', db, '--level', 'national', '--unit', '00', '--name', 'National Register Office', '--name-km', 'ការិយាល័យបញ្ជីជាតិ',
      '--admin-name', E2E_USERS.administrator.nameEn, '--admin-name-km', E2E_USERS.administrator.nameKm);
    cli('demo', '--db', db, '--persons', '1500', '--today', TODAY, '--gazetteer', GAZETTEER_CSV);
    // The register is encrypted with the run's key (playwright.config.ts), as the CLI and the server use it.
    const direct = new Database(db, { readonly: true });
    direct.pragma(`cipher = 'chacha20'`);
    direct.key(Buffer.from(process.env.BANHCHI_DB_KEY as string, 'hex'));
    const staying = (direct.prepare('SELECT count(*) AS n FROM stay WHERE departed_on IS NULL').get() as { n: number }).n;
    const inPhnomPenh = (direct.prepare(`SELECT count(*) AS n FROM stay s JOIN premises p ON p.id = s.premises_id
      WHERE s.departed_on IS NULL AND p.province_code = '12'`).get() as { n: number }).n;
    direct.close();
    const app = await startWebApp(dataDir);
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      // The charts are SVG with presentation attributes only: nothing the CSP (no inline styles) refuses.
      const refused: string[] = [];
      page.on('console', (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text()); });
      // Home: the national office's figures, per province.
      await page.goto(app.url);
      await signInAs(page, 'administrator');
      await page.getByRole('button', { name: 'English' }).click();
      const board = page.getByRole('region', { name: "This office's figures" });
      await expect(board.getByRole('link', { name: /^[0-9,]+ Foreigners staying now$/ })).toContainText(staying.toLocaleString('en-US'));
      await expect(board.getByRole('table').getByRole('row')).toHaveCount(26);
      await screenshot(page, 'home-dashboard-national-en');
      // Each opens the records it counts (report-records.spec.ts), and from there the report behind it, narrowed to that unit.
      await board.getByRole('link', { name: 'Phnom Penh: Foreigners staying now' }).click();
      await expect(page).toHaveURL(/#\/reports\/records\/staying\/12$/);
      await expect(page.getByRole('status')).toHaveText(`${inPhnomPenh.toLocaleString('en-US')} stays`);
      await page.getByRole('link', { name: 'Open the report' }).click();
      await expect(page).toHaveURL(/#\/reports\/foreigners-by-nationality\/12$/);
      await expect(page.getByRole('table').locator('tfoot td').nth(1)).toHaveText(inPhnomPenh.toLocaleString('en-US'));

      // A fresh screen (the filters chosen stay while the reports screen is open).
      await page.goto(`${app.url}#/reports/foreigners-by-unit`);
      await page.reload();
      await expect(page.getByRole('heading', { name: 'Foreigners staying, by administrative unit' })).toBeVisible();
      const table = page.getByRole('table');
      await expect(table.locator('tfoot td').nth(1)).toHaveText(staying.toLocaleString('en-US'));
      await expect(page.getByRole('img', { name: /Chart: Foreigners staying/ })).toBeVisible();
      await expect(table.getByRole('row', { name: /Phnom Penh/ }).getByRole('cell').first()).toHaveText(inPhnomPenh.toLocaleString('en-US'));
      await screenshot(page, 'reports-by-unit-en');

      // Narrowed to Phnom Penh: its districts, adding up to the province's count.
      await page.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
      await page.getByRole('button', { name: 'Show' }).click();
      await expect(page.getByText(/Phnom Penh$/).first()).toBeVisible();
      await expect(table.locator('tfoot td').nth(1)).toHaveText(inPhnomPenh.toLocaleString('en-US'));

      // Saved as a spreadsheet from the screen: it reopens with the same numbers as the table.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Save as spreadsheet (XLSX)' }).click();
      const file = path.join(dataDir, 'saved.xlsx');
      await (await download).saveAs(file);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [r.querySelector('th')?.textContent, r.querySelector('td')?.textContent]));
      expect(shown.length).toBeGreaterThan(1);
      shown.forEach(([label, count], i) => {
        expect(sheet.getRow(5 + i).getCell(1).value).toBe(label);
        expect(sheet.getRow(5 + i).getCell(2).value).toBe(Number(String(count).replace(/,/g, '')));
      });
      expect(sheet.getRow(5 + shown.length).getCell(2).value).toBe(inPhnomPenh);

      await page.getByRole('link', { name: 'Stays reported within 24 hours of arrival' }).click();
      await expect(page.getByRole('heading', { name: 'By month of arrival' })).toBeVisible();
      await expect(page.getByRole('img', { name: /Chart: By month of arrival/ })).toBeVisible();
      await screenshot(page, 'reports-timeliness-en');

      await page.getByRole('button', { name: 'ខ្មែរ' }).click();
      await expect(page.getByRole('heading', { name: 'ការស្នាក់នៅដែលបានរាយការណ៍ក្នុងរយៈពេល ២៤ ម៉ោងក្រោយមកដល់' })).toBeVisible();
      // Khmer month names and Khmer digits in the table and the chart.
      await expect(page.getByRole('rowheader', { name: /^(មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ) ២០២[៥៦]$/ }).first()).toBeVisible();
      await expect(page.locator('tfoot td').nth(1).first()).toHaveText(/^[០-៩,]+$/);
      await screenshot(page, 'reports-timeliness-km');
      await page.getByRole('link', { name: 'ជនបរទេសកំពុងស្នាក់នៅ តាមសញ្ជាតិ' }).click();
      // The filters chosen stay when another report is opened: still Phnom Penh.
      await expect(page.locator('tfoot td').nth(1)).toHaveText(inPhnomPenh.toLocaleString('en-US').replace(/[0-9]/g, (d) => '០១២៣៤៥៦៧៨៩'[Number(d)]!));
      await screenshot(page, 'reports-by-nationality-km');
      expect(refused).toEqual([]);
    } finally {
      app.process.kill('SIGTERM');
      await new Promise((resolve) => app.process.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
