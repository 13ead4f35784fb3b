import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

test('sync section: no office id to type, no folder to type; errors name the file and what to do', async ({ app }) => {
  // Keys are the administrator's.
  await setUpCommuneOffice(app, undefined, undefined, { as: 'administrator' });
  await app.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
  await expect(app.getByRole('heading', { name: 'Sync' })).toBeVisible();

  // Keys: the office above is chosen from the key directory by name; before it is imported there is none to choose.
  await app.getByRole('tab', { name: 'Keys' }).click();
  await expect(app.getByText('This office has no keys yet.')).toBeVisible();
  await app.getByLabel('Key passphrase').fill('a good long passphrase');
  await app.getByLabel('Passphrase again').fill('a good long passphrase');
  await expect(app.getByText('No office above is in the key directory yet.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Create keys' })).toBeDisabled();
  await expect(app.getByRole('textbox', { name: /office id/i })).toHaveCount(0);

  // Export: no folder box; the bundle would be a download. Without keys it says what to do.
  await app.getByRole('tab', { name: 'Export and import' }).click();
  await expect(app.getByRole('textbox', { name: /folder/i })).toHaveCount(0);
  await app.getByRole('button', { name: 'Write bundle' }).click();
  await expect(app.getByRole('alert')).toContainText('This office has no keys yet');

  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-usb-'));
  const junk = path.join(dir, 'junk.bchb');
  writeFileSync(junk, 'not a bundle');
  await app.getByLabel('Bundle files').setInputFiles(junk);
  await app.getByRole('button', { name: 'Check (dry run)' }).click();
  await expect(app.getByRole('alert').last()).toContainText('This office has no keys yet');
  await screenshot(app, 'sync-exchange');

  await app.getByRole('tab', { name: 'History' }).click();
  await expect(app.getByRole('heading', { name: 'Held bundles (waiting for a missing one)' })).toBeVisible();
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { name: 'កញ្ចប់កំពុងរង់ចាំ (ខ្វះកញ្ចប់មួយ)' })).toBeVisible();
});
