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

/** First run in English: imports the gazetteer and sets up a commune office. */
export async function setUpCommuneOffice(page: Page, name = 'Tonle Basak police post', nameKm = 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់'): Promise<void> {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Gazetteer file (CSV)').setInputFiles(GAZETTEER_CSV);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('1874 units in all');
  await page.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await page.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await page.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await page.getByLabel('Khmer name of the office').fill(nameKm);
  await page.getByLabel('Office name').fill(name);
  await page.getByRole('button', { name: 'Set up office' }).click();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
}
