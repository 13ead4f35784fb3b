import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

test('sync section: create keys, errors name the file and what to do', async ({ app }) => {
  await setUpCommuneOffice(app);
  await app.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Sync' })).toBeVisible();

  await app.getByRole('tab', { name: 'Keys' }).click();
  await expect(app.getByText('This office has no keys yet.')).toBeVisible();
  await app.getByLabel('Key passphrase').fill('a good long passphrase');
  await app.getByLabel('Passphrase again').fill('a good long passphrase');
  await app.getByLabel('Office id of the office above').fill('01a1fd15-ddd4-77e8-a0b7-f972dead29ef');
  await app.getByRole('button', { name: 'Create keys' }).click();
  await expect(app.getByText('Signing key fingerprint')).toBeVisible();
  await expect(app.locator('dd.mono').first()).toHaveText(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){5}$/);
  await app.getByRole('button', { name: 'Show public card' }).click();
  await expect(app.locator('textarea')).toContainText('BANHCHI-KEY1:');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-usb-'));
  await app.getByRole('tab', { name: 'Export and import' }).click();
  await app.getByLabel('Folder to write the bundle to (e.g. the USB stick)').fill(dir);
  await app.getByRole('button', { name: 'Write bundle' }).click();
  await expect(app.getByRole('alert')).toContainText('is not in the key directory');
  await expect(app.getByRole('alert')).toContainText('Import a newer directory from the national office');

  const junk = path.join(dir, 'junk.bchb');
  writeFileSync(junk, 'not a bundle');
  await app.getByLabel('Bundle files').setInputFiles(junk);
  await app.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(app.getByRole('alert').last()).toContainText('junk.bchb');
  await screenshot(app, 'sync-exchange');

  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('heading', { name: 'Held bundles (waiting for a missing one)' })).toBeVisible();
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { name: 'កញ្ចប់កំពុងរង់ចាំ (ខ្វះកញ្ចប់មួយ)' })).toBeVisible();
});
