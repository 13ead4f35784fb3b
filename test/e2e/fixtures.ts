import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';

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
