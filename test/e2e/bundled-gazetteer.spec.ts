import { expect, fillAdministrator, screenshot, test, submitSetup } from './fixtures.js';

// `npm run web` finds the gazetteer that ships with the app in ../shared/data (BANHCHI_RESOURCES_DIR
// in general), as the installed app finds it in its resources folder. The page sends no path.
test('first run offers the gazetteer that came with Banhchi, before choosing a file', async ({ app }) => {
  const offerKm = app.getByRole('button', { name: /ប្រើបញ្ជីឈ្មោះភូមិសាស្ត្រដែលភ្ជាប់មកជាមួយកម្មវិធីបញ្ជី \(កំណែ sha256:[0-9a-f]{16}, ១៨៧៤ អង្គភាព\)/ });
  await expect(offerKm).toBeVisible();
  await screenshot(app, 'setup-bundled-gazetteer-km');

  await app.getByRole('button', { name: 'English' }).click();
  const offer = app.getByRole('button', { name: /^Use the gazetteer that came with Banhchi \(version sha256:[0-9a-f]{16}, 1874 units\)$/ });
  await expect(offer).toBeVisible();
  const chooseFile = app.getByText('Or choose a gazetteer file sent by the national office:');
  await expect(chooseFile).toBeVisible();
  // The offer comes first; choosing a file is the alternative below it.
  expect((await offer.boundingBox())!.y).toBeLessThan((await chooseFile.boundingBox())!.y);
  await screenshot(app, 'setup-bundled-gazetteer-en');

  await offer.click();
  await expect(app.getByRole('status')).toContainText('1874 units in all');
  await expect(offer).toBeHidden();
  await app.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await app.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await app.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await app.getByLabel('Office name').fill('Tonle Basak police post');
  await fillAdministrator(app);
  await submitSetup(app);

  // Settings says the shipped gazetteer is the one in use, and offers only a newer file.
  await app.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(app.getByText(/The gazetteer that came with Banhchi \(version sha256:[0-9a-f]{16}\) is imported\./)).toBeVisible();
  await expect(app.getByRole('button', { name: /Use the gazetteer that came with Banhchi/ })).toHaveCount(0);
});
