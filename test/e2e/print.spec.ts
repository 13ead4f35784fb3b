import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

test('register a premises with a Khmer-named owner, print and record the pledge, see its status change', async ({ app }, testInfo) => {
  await setUpCommuneOffice(app);

  // Register the premises and its owner through the registration screens.
  await app.getByRole('navigation').getByRole('link', { name: 'Premises' }).click();
  await app.getByRole('button', { name: 'Register premises' }).click();
  const form = app.getByRole('form', { name: 'Register premises' });
  await form.getByLabel('Name (Latin)').fill('Mekong Breeze Guesthouse');
  await form.getByLabel('Name (Khmer)').fill('ផ្ទះសំណាក់ខ្យល់មេគង្គ');
  await form.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await form.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await form.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /Mekong Breeze Guesthouse/ })).toBeVisible();
  const particulars = app.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText('No pledge');

  await app.getByRole('button', { name: 'Add owner or manager' }).click();
  const owner = app.getByRole('form', { name: 'Register owner or manager' });
  await owner.getByLabel('Surname (as in MRZ)').fill('SOK');
  await owner.getByLabel('Given names').fill('SOPHEAKTRA');
  await owner.getByLabel('Name in Khmer').fill('សុខ សុភក្ត្រា');
  await owner.getByLabel('Nationality').fill('KHM');
  await owner.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('region', { name: 'Owners and managers' })).toContainText('SOK SOPHEAKTRA');

  // Print the pledge from the premises page: the Documents screen opens with the premises chosen.
  await app.getByRole('button', { name: 'Print pledge' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Documents' })).toBeVisible();
  await expect(app.getByRole('combobox', { name: 'Premises' })).toHaveValue(/.+/);
  await expect(app.getByRole('combobox', { name: 'Premises' }).locator('option:checked')).toHaveText(/ផ្ទះសំណាក់ខ្យល់មេគង្គ/);
  await app.getByRole('button', { name: 'Preview' }).click();
  const preview = app.getByTitle('Preview of the document');
  await expect(preview).toBeVisible();
  await expect(preview).toHaveAttribute('src', /^blob:/);
  await expect(app.getByText('1 page', { exact: true })).toBeVisible();
  // Saved as PDF: one page carrying the owner's Khmer name as text.
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Save as PDF' }).click();
  const file = path.join(testInfo.outputDir, 'pledge.pdf');
  await (await download).saveAs(file);
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  expect(text).toContain('សុខ សុភក្ត្រា');
  expect(text).toContain('ផ្ទះសំណាក់ខ្យល់មេគង្គ');
  expect(/^Pages:\s+1$/m.test(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))).toBe(true);
  await expect(app.getByRole('note')).toContainText('Pledge printed, not signed');
  await app.waitForTimeout(1000); // let the PDF viewer draw the page for the screenshot
  await screenshot(app, 'documents-pledge-en');

  // Record it as signed.
  await app.getByLabel('Signed on').fill('2026-11-20');
  await app.getByLabel('Witness').fill('Officer Chan Dara');
  await app.getByRole('button', { name: 'Record as signed' }).click();
  await expect(app.getByRole('status').filter({ hasText: 'recorded as signed on 20 November 2026' })).toBeVisible();
  await expect(app.getByRole('note')).toContainText('Pledge signed');

  // The same screen in Khmer.
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'ឯកសារ' })).toBeVisible();
  await screenshot(app, 'documents-pledge-km');
  await app.getByRole('button', { name: 'English' }).click();

  // Back on the premises page the status changed.
  await app.getByRole('navigation').getByRole('link', { name: 'Premises' }).click();
  await app.getByRole('link', { name: /Mekong Breeze Guesthouse/ }).first().click();
  await expect(app.getByRole('region', { name: 'Particulars' })).toContainText('Pledge signed');
});

test('blank declaration card from the Documents screen, in English and Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  await app.getByRole('navigation').getByRole('link', { name: 'Documents' }).click();
  await app.getByLabel('Document').selectOption({ label: 'Declaration card (blank)' });
  await app.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Khmer only' });
  await app.getByRole('button', { name: 'Preview' }).click();
  await expect(app.getByTitle('Preview of the document')).toBeVisible();
  await expect(app.getByText('1 page', { exact: true })).toBeVisible();
  await screenshot(app, 'documents-card-blank-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'ឯកសារ' })).toBeVisible();
  await screenshot(app, 'documents-card-blank-km');
});
