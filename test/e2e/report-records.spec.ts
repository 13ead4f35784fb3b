import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { Locator, Page } from '@playwright/test';
import { resources } from '../../shared/i18n/resources.js';
import { E2E_USERS, GAZETTEER_CSV, REPO, cliEnv, createStaff, expect, pageCall, screenshot, signInAs, startWebApp, test } from './fixtures.js';

const TODAY = '2026-03-01';
/** 06:30 in Phnom Penh on 1 March is still 28 February in UTC: the figures must take the office's day. */
const NOW = '2026-03-01T06:30:00+07:00';
const cli = (...args: string[]) => execFileSync(process.execPath, [path.join(REPO, 'bin/banhchi.mjs'), ...args], { encoding: 'utf8', cwd: REPO, env: cliEnv('administrator') });

type Lang = 'en' | 'km';
const text = (lang: Lang, key: string): string => {
  let value: unknown = resources[lang].translation;
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no string ${key}`);
  return value;
};
/** `១,២៣៤` or `1,234 stays` → 1234. */
const numberIn = (shown: string): number => Number(shown.replace(/[០-៩]/g, (d) => String('០១២៣៤៥៦៧៨៩'.indexOf(d))).replace(/[^0-9]/g, ''));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a figure's records and checks the list counts as many as the figure showed; back home after. */
async function opensItsRecords(page: Page, figure: Locator, expected: number | null, name: string): Promise<number> {
  const shown = numberIn(await figure.locator('.dashboard-value').innerText());
  // Right after a language switch the dashboard may draw again under the pointer and the click is lost: click until
  // the list opens.
  await expect(async () => {
    if (!/#\/reports\/records\//.test(page.url())) await figure.click({ timeout: 5_000 });
    await expect(page).toHaveURL(/#\/reports\/records\//, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  const count = page.getByRole('status');
  await expect(count).toHaveText(/[0-9០-៩]/);
  const listed = numberIn(await count.innerText());
  expect(listed, name).toBe(expected ?? shown);
  await screenshot(page, name);
  await page.goBack();
  return listed;
}

test.describe('records behind the home figures', () => {
  test('each figure opens the stays, premises or foreigners it counts, as many as it shows, by the office\'s date, in English and Khmer', async ({ page }) => {
    test.setTimeout(240_000);
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-records-'));
    const db = path.join(dataDir, 'banhchi.db');
    cli('init', '--db', db, '--level', 'national', '--unit', '00', '--name', 'National Register Office', '--name-km', 'ការិយាល័យបញ្ជីជាតិ',
      '--admin-name', E2E_USERS.administrator.nameEn, '--admin-name-km', E2E_USERS.administrator.nameKm);
    cli('demo', '--db', db, '--persons', '1500', '--today', TODAY, '--gazetteer', GAZETTEER_CSV);
    const direct = new Database(db, { readonly: true });
    direct.pragma(`cipher = 'chacha20'`);
    direct.key(Buffer.from(process.env.BANHCHI_DB_KEY as string, 'hex'));
    const count = (sql: string) => (direct.prepare(sql).get() as { n: number }).n;
    const staying = count('SELECT count(*) AS n FROM stay WHERE departed_on IS NULL');
    const arrivedThisWeek = count("SELECT count(*) AS n FROM stay WHERE substr(arrived_at, 1, 10) BETWEEN '2026-02-23' AND '2026-03-01'");
    const unsignedInPhnomPenh = count("SELECT count(*) AS n FROM premises WHERE province_code = '12' AND status <> 'permanently_closed' AND pledge_status <> 'signed'");
    // Two foreigners staying now whose documents are far from expiring: one's passport is made to expire yesterday (28 February,
    // "today" by the UTC date), the other's on 31 March (the window's last day by the office's date, one past it by UTC's).
    const [yesterday, lastDay] = direct.prepare(`SELECT p.id, p.surname FROM person p WHERE p.diplomatic = 0
        AND EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.departed_on IS NULL)
        AND p.passport_expiry > '2026-06-01' AND (p.visa_expiry IS NULL OR p.visa_expiry > '2026-06-01') ORDER BY p.id LIMIT 2`).all() as { id: string; surname: string }[];
    direct.close();
    expect(arrivedThisWeek).toBeGreaterThan(0);
    process.env.BANHCHI_FAKE_NOW = NOW;
    const app = await startWebApp(dataDir).finally(() => delete process.env.BANHCHI_FAKE_NOW);
    try {
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(app.url);
      await signInAs(page, 'administrator');
      // A clerk corrects the two passports (the administrator keeps accounts, not records).
      await createStaff(page, ['clerk']);
      await signInAs(page, 'clerk');
      for (const [person, passportExpiry] of [[yesterday!, '2026-02-28'], [lastDay!, '2026-03-31']] as const) {
        expect(await pageCall(page, 'persons.update', { id: person.id, patch: { passportExpiry } })).toMatchObject({ ok: true });
      }
      const reading = new Database(db, { readonly: true });
      reading.pragma(`cipher = 'chacha20'`);
      reading.key(Buffer.from(process.env.BANHCHI_DB_KEY as string, 'hex'));
      // Foreigners present, staying or working now (as the alerts count them, and the Home alerts' group with them), each once.
      const expiring = (reading.prepare(`SELECT count(*) AS n FROM person p WHERE p.diplomatic = 0 AND p.merged_into IS NULL
        AND (EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.departed_on IS NULL)
          OR EXISTS (SELECT 1 FROM employment e WHERE e.person_id = p.id AND e.end_date IS NULL))
        AND (p.passport_expiry BETWEEN '2026-03-01' AND '2026-03-31' OR p.visa_expiry BETWEEN '2026-03-01' AND '2026-03-31')`).get() as { n: number }).n;
      reading.close();
      const expiringIds: string[] = [];
      for (let cursor: string | null = null; ;) {
        const found = (await pageCall(page, 'reports.records', { figure: 'documentsExpiring', cursor, limit: 500 })).value as { items: { id: string }[]; nextCursor: string | null };
        expiringIds.push(...found.items.map((x) => x.id));
        if (!(cursor = found.nextCursor)) break;
      }
      expect(expiringIds).toContain(lastDay!.id);
      expect(expiringIds).not.toContain(yesterday!.id);
      expect(expiringIds).toHaveLength(expiring);
      const board = await pageCall(page, 'reports.dashboard', {});
      const total = (board.value as { today: string; total: Record<string, number> }).total;
      expect((board.value as { today: string }).today).toBe(TODAY);
      await page.reload(); // Home as it is after the two corrections
      for (const lang of ['en', 'km'] as const) {
        await page.getByRole('button', { name: lang === 'en' ? 'English' : 'ខ្មែរ' }).click();
        const region = page.getByRole('region', { name: text(lang, 'reports.dashboard.title') });
        const label = (key: string) => text(lang, `reports.dashboard.${key}`).replace('{{days, num}}', lang === 'km' ? '៣០' : '30');
        const figure = (key: string) => region.getByRole('list').getByRole('link', { name: new RegExp(`${escape(label(key))}$`) });
        // Home's alerts group of documents expiring soon counts the same foreigners as the figure (the national office's figures cover the whole register, as the alerts do).
        const expiringGroup = page.getByRole('region', { name: text(lang, 'display.home.alerts') }).getByRole('listitem', { name: text(lang, 'display.home.group.expiring') });
        expect(numberIn(await expiringGroup.locator('.alert-count').innerText())).toBe(total.documentsExpiring);
        expect(await opensItsRecords(page, figure('staying'), staying, `records-staying-${lang}`)).toBe(total.staying);
        expect(await opensItsRecords(page, figure('arrivalsWeek'), arrivedThisWeek, `records-arrivals-${lang}`)).toBe(total.arrivalsWeek);
        await opensItsRecords(page, figure('departuresWeek'), total.departuresWeek!, `records-departures-${lang}`);
        await opensItsRecords(page, figure('lateStaying'), total.lateStaying!, `records-late-${lang}`);
        await opensItsRecords(page, figure('premisesWithoutPledge'), total.premisesWithoutPledge!, `records-pledges-${lang}`);
        // A share opens the stays it is taken over.
        await opensItsRecords(page, figure('onTimeShare'), total.reported30!, `records-on-time-${lang}`);
        expect(await opensItsRecords(page, figure('documentsExpiring'), expiring, `records-expiring-${lang}`)).toBe(total.documentsExpiring);
        await expect(page.getByRole('region', { name: text(lang, 'reports.dashboard.title') })).toBeVisible();
        // One province's cell: Phnom Penh's premises without a signed pledge.
        const province = lang === 'en' ? 'Phnom Penh' : 'ភ្នំពេញ';
        const cell = region.getByRole('table', { name: text(lang, 'reports.dashboard.perProvince') }).getByRole('link', { name: `${province}: ${text(lang, 'reports.dashboard.premisesWithoutPledge')}`, exact: true });
        expect(numberIn(await cell.innerText())).toBe(unsignedInPhnomPenh);
        await cell.click();
        await expect(page).toHaveURL(/#\/reports\/records\/premisesWithoutPledge\/12$/);
        expect(numberIn(await page.getByRole('status').innerText())).toBe(unsignedInPhnomPenh);
        await expect(page.getByRole('table', { name: text(lang, 'reports.records.list') }).getByRole('row')).toHaveCount(Math.min(unsignedInPhnomPenh, 100) + 1);
        await page.goBack();
      }

      // A count of the by-nationality report opens those foreigners' stays (Khmer still chosen).
      await page.goto(`${app.url}#/reports/foreigners-by-nationality`);
      const first = page.getByRole('table').locator('tbody tr').first();
      const shown = numberIn(await first.getByRole('cell').first().innerText());
      await first.getByRole('cell').first().getByRole('link').click();
      await expect(page).toHaveURL(/#\/reports\/records\/staying\/all\/[A-Z<]{1,3}$/);
      expect(numberIn(await page.getByRole('status').innerText())).toBe(shown);
      await screenshot(page, 'records-by-nationality-km');
    } finally {
      app.process.kill('SIGTERM');
      await new Promise((resolve) => app.process.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
