import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { offsetForFakeNow } from '../../electron/backend/clock.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const GAZETTEER_CSV = path.resolve(REPO, '../shared/data/cambodia-admin-units.csv');
export const SCREENSHOTS = path.join(REPO, 'test-results/screenshots');

export interface WebApp {
  url: string;
  dataDir: string;
  process: ChildProcess;
}

/** Starts the `npm run web` server (renderer already built) on a fresh data directory. */
export async function startWebApp(dataDir: string): Promise<WebApp> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web/main.ts', '--data-dir', dataDir], {
    cwd: REPO,
    env: { ...process.env, BANHCHI_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    // A server that does not come up is stopped, so a slow start does not leave it running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web server did not start:\n${output}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web server exited with ${code}:\n${output}`)));
  });
  return { url, dataDir, process: child };
}

export const test = base.extend<{ webApp: WebApp; app: Page }>({
  // A fresh data directory and server for every test.
  webApp: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-'));
    const webApp = await startWebApp(dataDir);
    await use(webApp);
    webApp.process.kill('SIGTERM');
    await new Promise((resolve) => webApp.process.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, webApp }, use) => {
    await page.goto(webApp.url);
    await use(page);
  },
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export type E2eRole = 'administrator' | 'commune-officer' | 'clerk' | 'provincial-officer' | 'national-analyst';

/**
 * The accounts every e2e office gets: the administrator made on the Setup screen, and one user of
 * each other role made by the administrator (`createStaff`). Passwords are fixed for tests only.
 */
export const E2E_USERS: Record<E2eRole, { username: string; password: string; nameEn: string; nameKm: string }> = {
  administrator: { username: 'admin', password: 'admin password 2026', nameEn: 'Sok Sokha', nameKm: 'សុខ សុខា' },
  'commune-officer': { username: 'officer', password: 'officer password 2026', nameEn: 'Chan Dara', nameKm: 'ចាន់ ដារ៉ា' },
  clerk: { username: 'clerk', password: 'clerk password 2026', nameEn: 'Keo Srey', nameKm: 'កែវ ស្រី' },
  'provincial-officer': { username: 'province', password: 'province password 2026', nameEn: 'Lim Visal', nameKm: 'លឹម វិសាល' },
  'national-analyst': { username: 'analyst', password: 'analyst password 2026', nameEn: 'Meas Bopha', nameKm: 'មាស បុប្ផា' },
};

/** Environment for `bin/banhchi.mjs` acting as one of `E2E_USERS` on a register with accounts. */
export function cliEnv(role: E2eRole = 'administrator'): NodeJS.ProcessEnv {
  return { ...process.env, BANHCHI_USER: E2E_USERS[role].username, BANHCHI_PASSWORD: E2E_USERS[role].password };
}

/** Calls an operation from the page, as the browser session's signed-in user (the page's own transport). */
export async function pageCall(page: Page, op: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  return page.evaluate(async ([name, body]) => {
    const response = await fetch(`/api/call/${name}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'x-banhchi': '1' }, body: JSON.stringify({ input: body }), credentials: 'same-origin',
    });
    return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
  }, [op, input] as const);
}

/** On the Setup screen (English): the office administrator's fields, filled with `E2E_USERS.administrator`. */
export async function fillAdministrator(page: Page): Promise<void> {
  const admin = E2E_USERS.administrator;
  await page.getByLabel('Name in Khmer').fill(admin.nameKm);
  await page.getByLabel('Name in English').fill(admin.nameEn);
  await page.getByLabel('User name').fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Password again').fill(admin.password);
}

/** Signed in as the administrator: creates one account of each other role (`E2E_USERS`). */
export async function createStaff(page: Page, roles: E2eRole[] = ['commune-officer', 'clerk', 'provincial-officer', 'national-analyst']): Promise<void> {
  for (const role of roles) {
    const { username, password, nameEn, nameKm } = E2E_USERS[role];
    const result = await pageCall(page, 'accounts.create', { username, password, nameEn, nameKm, role });
    if (!result.ok) throw new Error(`could not create ${role}: ${JSON.stringify(result.error)}`);
  }
}

/**
 * Switch user without the screens (any language): signs out, signs in as `role`, reloads the page.
 * The screens' own Switch user button is tested in accounts.spec.ts.
 */
export async function signInAs(page: Page, role: E2eRole): Promise<void> {
  const { username, password } = E2E_USERS[role];
  await pageCall(page, 'session.logout', {});
  const result = await pageCall(page, 'session.login', { username, password });
  if (!result.ok) throw new Error(`could not sign in as ${role}: ${JSON.stringify(result.error)}`);
  await page.reload();
  await expect(page.getByRole('navigation').first()).toBeVisible();
}

/**
 * First run in English: imports the gazetteer, sets up a commune office with its administrator,
 * creates one user per role and signs in as `options.as` (default the commune officer, who
 * registers, prints, merges and moves bundles; the administrator keeps users, keys and settings).
 */
/**
 * Submits the set-up form (office and administrator); the recovery sheet is offered next, and
 * `Continue` leaves it for later (the key screen in Settings prints one any time).
 */
export async function submitSetup(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Set up office' }).click();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}

export async function setUpCommuneOffice(
  page: Page, name = 'Tonle Basak police post', nameKm = 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់', options: { as?: E2eRole } = {},
): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Gazetteer file (CSV)').setInputFiles(GAZETTEER_CSV);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // The import takes long on a loaded machine.
  await expect(page.getByRole('status')).toContainText('1874 units in all', { timeout: 60_000 });
  await page.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await page.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await page.getByLabel('Khmer name of the office').fill(nameKm);
  await page.getByLabel('Office name').fill(name);
  await fillAdministrator(page);
  await submitSetup(page);
  await createStaff(page);
  const role = options.as ?? 'commune-officer';
  if (role !== 'administrator') {
    await signInAs(page, role);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
  }
}

// ---------- Several offices (national, province, communes) in one test ----------

/** The passphrase of every e2e office's sync keys. */
export const E2E_PASSPHRASE = 'a good long passphrase';

/** One office of a multi-office test: its own server, data folder and browser context. */
export interface E2eOffice {
  app: WebApp;
  context: BrowserContext;
  page: Page;
  dataDir: string;
}

export type OfficeLevel = 'national' | 'province' | 'commune';

/** The CLI as the office's administrator, at the same fake "now" as the office's server. */
export function cliAt(now: string, ...args: string[]): string {
  const env = { ...cliEnv('administrator'), BANHCHI_CLOCK_OFFSET_MS: String(offsetForFakeNow(now)) };
  return execFileSync(process.execPath, [path.join(REPO, 'bin/banhchi.mjs'), ...args], { encoding: 'utf8', cwd: REPO, env });
}

/** A register made by `banhchi init` (office + administrator) with the gazetteer imported. */
export function initOffice(dataDir: string, now: string, level: OfficeLevel, unit: string, name: string, nameKm: string): void {
  const db = path.join(dataDir, 'banhchi.db');
  cliAt(now, 'gazetteer', 'import', GAZETTEER_CSV, '--db', db);
  cliAt(now, 'init', '--db', db, '--level', level, '--unit', unit, '--name', name, '--name-km', nameKm,
    '--admin-name', E2E_USERS.administrator.nameEn, '--admin-name-km', E2E_USERS.administrator.nameKm);
}

/**
 * The offices of one spec file: temporary folders, servers and browser contexts, all removed by `closeAll`
 * (call it in `test.afterAll`).
 */
export class E2eOffices {
  private readonly apps: WebApp[] = [];
  private readonly dirs: string[] = [];

  /** A temporary folder (an office's data folder, or a USB stick), removed with the offices. */
  folder(prefix = 'banhchi-e2e-office-'): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    return dir;
  }

  /** A server on a data folder at a fake "now" (the office clock), and a browser context of its own at the same instant. */
  async start(browser: Browser, dataDir: string, now: string): Promise<E2eOffice> {
    process.env.BANHCHI_FAKE_NOW = now;
    const app = await startWebApp(dataDir).finally(() => delete process.env.BANHCHI_FAKE_NOW);
    this.apps.push(app);
    // One context per office: the servers share 127.0.0.1, and cookies do not tell ports apart.
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 }, timezoneId: 'Asia/Phnom_Penh' });
    await context.clock.setFixedTime(new Date(now));
    const page = await context.newPage();
    await page.goto(app.url);
    return { app, context, page, dataDir };
  }

  /** The office's PC switched off (its browser context closed, its server stopped). */
  async stop(office: E2eOffice): Promise<void> {
    await office.context.close();
    await stopApp(office.app);
  }

  async closeAll(): Promise<void> {
    for (const app of this.apps) await stopApp(app);
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}

async function stopApp(app: WebApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return;
  const exited = new Promise((resolve) => app.process.once('exit', resolve));
  app.process.kill('SIGTERM');
  await exited;
}

/** One backend call for set-up, as the signed-in user of the page (same transport and checks as the screens); throws on an error. */
export async function callOk<T = unknown>(page: Page, op: string, input: unknown): Promise<T> {
  const result = await pageCall(page, op, input);
  if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** Clicks what starts a download and saves the file into `dir` (a USB stick); returns its path. */
export async function downloadTo(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  const target = path.join(dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** The Sync screen's Export and import tab (English), with the key passphrase filled in. */
export async function openSync(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
  await page.getByRole('tab', { name: 'Export and import' }).click();
  const passphrase = page.getByLabel('Key passphrase');
  if ((await passphrase.inputValue()) === '') await passphrase.fill(E2E_PASSPHRASE);
}

export interface KeyCardView {
  qrPayload: string;
  officeId: string;
  signingKeyId: string;
  ageKeyId: string;
}

/**
 * Keys and the signed key directory for national → province → communes, by each office's administrator (signed in
 * on each page): every office makes its keys, the national office signs the directory, the others pin the national
 * key and install the directory.
 */
export async function linkOffices(national: Page, province: Page, communes: Page[]): Promise<{ national: KeyCardView; province: KeyCardView; communes: KeyCardView[] }> {
  const nationalCard = await callOk<KeyCardView>(national, 'sync.keysCreate', { passphrase: E2E_PASSPHRASE, parentOfficeId: null });
  const provinceCard = await callOk<KeyCardView>(province, 'sync.keysCreate', { passphrase: E2E_PASSPHRASE, parentOfficeId: nationalCard.officeId });
  const communeCards: KeyCardView[] = [];
  for (const commune of communes) {
    communeCards.push(await callOk<KeyCardView>(commune, 'sync.keysCreate', { passphrase: E2E_PASSPHRASE, parentOfficeId: provinceCard.officeId }));
  }
  for (const card of [provinceCard, ...communeCards]) {
    await callOk(national, 'sync.directoryAdd', { card: card.qrPayload, confirmed: { signingKeyId: card.signingKeyId, ageKeyId: card.ageKeyId } });
  }
  const { signed } = await callOk<{ signed: string }>(national, 'sync.directorySign', { passphrase: E2E_PASSPHRASE });
  for (const office of [province, ...communes]) {
    await callOk(office, 'sync.directoryAdd', { card: nationalCard.qrPayload, confirmed: { signingKeyId: nationalCard.signingKeyId, ageKeyId: nationalCard.ageKeyId } });
    await callOk(office, 'sync.directoryImport', { fileName: 'directory.json', json: signed, trustNational: nationalCard.signingKeyId });
  }
  return { national: nationalCard, province: provinceCard, communes: communeCards };
}
