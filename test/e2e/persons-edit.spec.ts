import type { Page } from '@playwright/test';
import { buildTd3, type Td3Input } from '../../shared/mrz.js';
import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

const LI_WEI: Td3Input = {
  issuingState: 'CHN', surname: 'LI', givenNames: 'WEI MING', documentNumber: 'E12345678', nationality: 'CHN',
  birthDate: '1988-03-14', sex: 'M', expiryDate: '2031-06-30',
};
const NGUYEN: Td3Input = {
  issuingState: 'VNM', surname: 'NGUYEN', givenNames: 'THI HOA', documentNumber: 'C0O12345', nationality: 'VNM',
  birthDate: '1995-11-02', sex: 'F', expiryDate: '2030-01-15',
};
const KHMER = 'ខ្មែរ';

test.use({ viewport: { width: 1366, height: 768 } });
// Long journeys through several screens, on shared build machines.
test.describe.configure({ timeout: 240_000 });

function section(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

/** Opens the registration screen and types both MRZ lines as a reader does. */
async function scan(page: Page, person: Td3Input, foreigners = 'Foreigners', register = 'Register foreigner'): Promise<void> {
  await section(page, foreigners);
  await page.getByRole('button', { name: register }).click();
  const lines = buildTd3(person);
  // Both lines at once (as a reader's burst), then the reader's Enter.
  const box = page.locator('textarea.mrz');
  await box.fill(`${lines.line1}\n${lines.line2}`);
  await box.press('Enter');
}

async function registerByMrz(page: Page, person: Td3Input): Promise<string> {
  await scan(page, person);
  await expect(page.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`${person.surname} ${person.givenNames}`) })).toBeVisible();
  return /#\/foreigners\/([^/]+)/.exec(page.url())?.[1] ?? '';
}

test('correcting a person: every particular from the person page, refusals shown in the form, the change in the history, in English and Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  await registerByMrz(app, LI_WEI);
  await app.getByRole('button', { name: 'Edit particulars' }).click();
  const form = app.getByRole('form', { name: 'Edit particulars' });
  await expect(form.getByLabel('Passport number')).toHaveValue('E12345678');
  await form.getByLabel('Name in Khmer').fill('លី វ៉ីមីង');
  await form.getByLabel('Phone').fill('+855 12 345 678');
  await form.getByLabel('Visa type').selectOption('EB');
  await form.getByLabel('Visa number').fill('V-2026-118');
  // A refusal stays in the form, says what is wrong in words, and changes nothing.
  await form.getByLabel('Passport expiry').fill('1980-01-01');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const refusal = form.getByRole('alert');
  await expect(refusal).toBeVisible();
  await expect(refusal).not.toContainText('passportExpiry');
  await screenshot(app, 'person-edit-refused-en');
  await form.getByLabel('Passport expiry').fill('2031-06-30');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(app.getByRole('status')).toHaveText('Changes saved; the history below shows them.');
  const particulars = app.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText('+855 12 345 678');
  await expect(particulars).toContainText('V-2026-118');
  await expect(app.getByRole('heading', { level: 1 })).toContainText('លី វ៉ីមីង');
  await expect(app.getByRole('region', { name: 'History' })).toContainText('Phone: — → +855 12 345 678');
  await screenshot(app, 'person-edited-en');

  // The same in Khmer: the edit form in Khmer, a correction, the history.
  await app.getByRole('button', { name: KHMER }).click();
  await app.getByRole('button', { name: 'កែប្រែព័ត៌មានផ្ទាល់ខ្លួន' }).click();
  const formKm = app.getByRole('form', { name: 'កែប្រែព័ត៌មានផ្ទាល់ខ្លួន' });
  await expect(formKm.getByLabel('ទូរស័ព្ទ')).toHaveValue('+855 12 345 678');
  await formKm.getByLabel('ច្រកចូល').fill('Phnom Penh International Airport');
  await screenshot(app, 'person-edit-km');
  await formKm.getByRole('button', { name: 'រក្សាទុកការកែប្រែ' }).click();
  await expect(app.getByRole('status')).toHaveText('បានរក្សាទុកការកែប្រែ។ ប្រវត្តិខាងក្រោមបង្ហាញការកែប្រែទាំងនោះ។');
  await expect(app.getByRole('region', { name: 'ប្រវត្តិ' })).toContainText('Phnom Penh International Airport');
  await screenshot(app, 'person-edited-km');
});

test('adding a renewed passport by re-scan: differences side by side, taken in one click, the old passport still found by search', async ({ app }) => {
  await setUpCommuneOffice(app);
  const id = await registerByMrz(app, LI_WEI);

  // The same passport scanned again with a phone: the person opens with the difference, no silent "already registered".
  await scan(app, LI_WEI);
  await app.getByLabel('Phone').fill('+855 97 111 2222');
  await app.getByRole('button', { name: 'Save' }).click();
  const panel = app.getByRole('region', { name: 'Passport scanned again' });
  await expect(panel).toContainText('LI WEI MING is already registered with this passport');
  await expect(panel.getByRole('row', { name: /Phone/ })).toContainText('+855 97 111 2222');
  await panel.getByRole('button', { name: 'Take the new values' }).click();
  await expect(app.getByRole('status')).toHaveText('The new values were taken; the history below shows them.');
  await expect(app.getByRole('region', { name: 'Particulars' })).toContainText('+855 97 111 2222');

  // A renewed passport: another number and expiry, a new visa typed with it.
  const renewed = { ...LI_WEI, documentNumber: 'EH7654321', expiryDate: '2036-02-28' };
  await scan(app, renewed);
  await app.getByLabel('Visa type').selectOption('EB');
  await app.getByLabel('Visa number').fill('V-2026-555');
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(panel).toContainText('another passport');
  await expect(panel.getByRole('row', { name: /Passport number/ })).toContainText('E12345678');
  await expect(panel.getByRole('row', { name: /Passport number/ })).toContainText('EH7654321');
  await expect(panel.getByRole('row', { name: /Passport number/ })).toContainText('added as the new passport');
  await expect(panel.getByRole('row', { name: /Passport expiry/ })).toContainText('2036-02-28');
  await expect(panel.getByRole('row', { name: /Visa number/ })).toContainText('V-2026-555');
  await screenshot(app, 'person-rescan-en');
  // In Khmer, the same comparison; the user takes the new values there.
  await app.getByRole('button', { name: KHMER }).click();
  const panelKm = app.getByRole('region', { name: 'លិខិតឆ្លងដែនត្រូវបានស្កេនម្តងទៀត' });
  await expect(panelKm.getByRole('row', { name: /លេខលិខិតឆ្លងដែន/ })).toContainText('EH7654321');
  await screenshot(app, 'person-rescan-km');
  await panelKm.getByRole('button', { name: 'យកតម្លៃថ្មី' }).click();
  await expect(app.getByRole('status')).toHaveText('បានយកតម្លៃថ្មីរួចហើយ។ ប្រវត្តិខាងក្រោមបង្ហាញការកែប្រែទាំងនោះ។');
  const passportsKm = app.getByRole('region', { name: 'លិខិតឆ្លងដែន', exact: true });
  await expect(passportsKm).toContainText('EH7654321');
  await expect(passportsKm).toContainText('E12345678');
  await screenshot(app, 'person-passports-km');
  await app.getByRole('button', { name: 'English' }).click();
  const passports = app.getByRole('region', { name: 'Passports' });
  await expect(passports.getByRole('listitem').filter({ hasText: 'EH7654321' })).toContainText('current');
  await expect(passports.getByRole('listitem').filter({ hasText: 'E12345678' })).toContainText('replaced on');
  await expect(app.getByRole('region', { name: 'Particulars' })).toContainText('V-2026-555');
  await screenshot(app, 'person-passports-en');

  // Both passport numbers find the one person.
  await section(app, 'Foreigners');
  const search = app.getByRole('searchbox', { name: 'Search' });
  const results = app.getByRole('list', { name: 'Search results' });
  await search.fill('E12345678');
  await expect(results.getByRole('link', { name: /LI WEI MING/ })).toHaveCount(1);
  await search.fill('EH7654321');
  await expect(results.getByRole('link', { name: /LI WEI MING/ })).toHaveCount(1);
  await results.getByRole('link', { name: /LI WEI MING/ }).click();
  expect(app.url()).toContain(id);
  // The old passport scanned once more leads to the same person, its current passport untouched.
  await scan(app, LI_WEI);
  await app.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  expect(app.url()).toContain(id);
  await expect(app.getByRole('region', { name: 'Particulars' })).toContainText('EH7654321');
});

test('a merged-away record opens its survivor with a notice, is read-only and is not found by search, in English and Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  const keep = await registerByMrz(app, NGUYEN);
  await scan(app, { ...NGUYEN, documentNumber: 'C0012345', expiryDate: '2034-02-20' });
  await app.getByRole('button', { name: 'Save' }).click();
  await app.getByRole('region', { name: 'Passport scanned again' }).getByRole('button', { name: 'Not the same person: register separately' }).click();
  await expect(app.getByRole('status')).toHaveText('Possible duplicates were found and queued for review.');
  const merged = /#\/foreigners\/([^/]+)/.exec(app.url())?.[1] ?? '';
  expect(merged).not.toBe(keep);
  await app.getByRole('button', { name: 'Review', exact: true }).click();
  await app.getByLabel('Record to keep').selectOption(keep < merged ? 'a' : 'b');
  await app.getByRole('button', { name: 'Merge into kept record' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /NGUYEN THI HOA/ })).toBeVisible();

  // The merged-away record's address opens the survivor, says so, and offers nothing to change on the ghost.
  await app.goto(app.url().replace(/#.*$/, `#/foreigners/${merged}`));
  await expect(app.getByRole('status')).toHaveText('NGUYEN THI HOA was merged into this record. The merged record is kept read-only and is no longer listed or found by search.');
  expect(app.url()).toContain(`#/foreigners/${keep}/merged/${merged}`);
  await expect(app.getByRole('button', { name: 'Record arrival' })).toHaveCount(1);
  await screenshot(app, 'person-merged-en');
  // Its edit form leads to the survivor too.
  await app.goto(app.url().replace(/#.*$/, `#/foreigners/${merged}/edit`));
  await expect(app.getByRole('status')).toContainText('was merged into this record');
  expect(app.url()).toContain(`#/foreigners/${keep}/merged/${merged}`);

  // Search lists one NGUYEN THI HOA; the merged record's passport number finds the survivor.
  await section(app, 'Foreigners');
  const search = app.getByRole('searchbox', { name: 'Search' });
  const results = app.getByRole('list', { name: 'Search results' });
  await search.fill('nguyen');
  await expect(results.getByRole('link', { name: /NGUYEN THI HOA/ })).toHaveCount(1);
  await search.fill(keep < merged ? 'C0012345' : 'C0O12345');
  await expect(results.getByRole('link', { name: /NGUYEN THI HOA/ })).toHaveCount(1);
  await results.getByRole('link', { name: /NGUYEN THI HOA/ }).click();
  expect(app.url()).toContain(keep);

  await app.getByRole('button', { name: KHMER }).click();
  await app.goto(app.url().replace(/#.*$/, `#/foreigners/${merged}`));
  await expect(app.getByRole('status')).toContainText('ត្រូវបានបញ្ចូលទៅក្នុងកំណត់ត្រានេះ');
  await screenshot(app, 'person-merged-km');
  await section(app, 'ជនបរទេស');
  await app.getByRole('searchbox', { name: 'ស្វែងរក' }).fill('nguyen');
  await expect(app.getByRole('list', { name: 'លទ្ធផលស្វែងរក' }).getByRole('link', { name: /NGUYEN THI HOA/ })).toHaveCount(1);
});
