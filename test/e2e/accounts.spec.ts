import type { Page } from '@playwright/test';
import { buildTd3, type Td3Input } from '../../shared/mrz.js';
import { E2E_USERS, expect, pageCall, screenshot, setUpCommuneOffice, signInAs, test } from './fixtures.js';

const NGUYEN: Td3Input = {
  issuingState: 'VNM', surname: 'NGUYEN', givenNames: 'THI HOA', documentNumber: 'C0O12345', nationality: 'VNM',
  birthDate: '1995-11-02', sex: 'F', expiryDate: '2030-01-15',
};

test.use({ viewport: { width: 1366, height: 768 } });
test.describe.configure({ timeout: 240_000 });

async function scan(page: Page, person: Td3Input): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: 'Foreigners', exact: true }).click();
  await page.getByRole('button', { name: 'Register foreigner' }).click();
  const lines = buildTd3(person);
  const box = page.locator('textarea.mrz');
  await box.fill(`${lines.line1}\n${lines.line2}`);
  await box.press('Enter');
}

async function signInOnScreen(page: Page, username: string, password: string, labels = { user: 'User name', password: 'Password', submit: 'Sign in' }): Promise<void> {
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
}

test('a clerk does not see a merge and is refused it by the boundary; the administrator creates a user; the window locks when idle and unlocks', async ({ page, webApp }) => {
  // The browser clock is ours, so the idle time can pass without waiting.
  await page.clock.install();
  await page.goto(webApp.url);
  await setUpCommuneOffice(page);

  // The commune officer registers two records that may be the same person.
  await scan(page, NGUYEN);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /NGUYEN THI HOA/ })).toBeVisible();
  const keep = /#\/foreigners\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await scan(page, { ...NGUYEN, documentNumber: 'C0012345', expiryDate: '2034-02-20' });
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('region', { name: 'Passport scanned again' }).getByRole('button', { name: 'Not the same person: register separately' }).click();
  await expect(page.getByRole('status')).toHaveText('Possible duplicates were found and queued for review.');
  const other = /#\/foreigners\/([^/]+)/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('button', { name: 'Merge into kept record' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Merge into kept record' })).toBeVisible();

  // The clerk: the review shows no merge, and a merge sent directly is refused by the boundary.
  await signInAs(page, 'clerk');
  await expect(page.locator('.user-bar')).toContainText('Keo Srey · Clerk');
  await page.goto(webApp.url.replace(/\?.*$/, `#/foreigners/${other}`));
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Review side by side' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Merge into kept record' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Not the same person' })).toHaveCount(0);
  await screenshot(page, 'accounts-clerk-review-en');
  const refused = await pageCall(page, 'duplicates.merge', { keepId: keep, mergeId: other, take: {} });
  expect(refused).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });
  // Nor may the clerk see or manage users.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toHaveCount(0);
  expect(await pageCall(page, 'accounts.list', {})).toMatchObject({ ok: false, error: { code: 'boundary.forbidden' } });

  // Switch user from the header, without a restart: the administrator signs in on the screen.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await signInOnScreen(page, 'admin', 'not the password');
  await expect(page.getByRole('alert')).toContainText('The user name or the password is wrong');
  await screenshot(page, 'accounts-login-en');
  await signInOnScreen(page, E2E_USERS.administrator.username, E2E_USERS.administrator.password);
  await expect(page.locator('.user-bar')).toContainText('Sok Sokha · Office administrator');

  // The administrator creates a user, who can then sign in.
  await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Add a user' }).click();
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Name in Khmer').fill('ហេង សុភា');
  await form.getByLabel('Name in English').fill('Heng Sophea');
  await form.getByLabel('User name').fill('sophea');
  await form.getByLabel('Role').selectOption({ label: 'Commune officer' });
  await form.getByLabel('Password', { exact: true }).fill('sophea password 1');
  await form.getByLabel('Password again').fill('sophea password 2');
  await expect(form.getByRole('alert')).toHaveText('The two passwords are not the same. Type the same password twice.');
  await expect(form.getByRole('button', { name: 'Create account' })).toBeDisabled();
  await form.getByLabel('Password again').fill('sophea password 1');
  await form.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Account created for Heng Sophea.');
  const users = page.getByRole('table', { name: 'Accounts' });
  await expect(users.getByRole('row').filter({ hasText: 'sophea' })).toContainText('Commune officer');
  await screenshot(page, 'accounts-users-en');

  // The administrator sets a 2-minute idle lock; after 2 idle minutes the window locks.
  const idle = page.getByRole('form', { name: 'Lock when idle' });
  await idle.getByLabel('Lock the window after this many minutes without use').fill('2');
  await idle.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('The window now locks after 2 minutes without use.')).toBeVisible();
  await page.clock.fastForward('02:30');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByText('The screen of Sok Sokha is locked.')).toBeVisible();
  // Locked, the backend answers nothing but the session operations.
  expect(await pageCall(page, 'persons.search', { query: 'nguyen' })).toMatchObject({ ok: false, error: { code: 'session.locked' } });
  await screenshot(page, 'accounts-locked-en');
  await page.getByLabel('Password', { exact: true }).fill('wrong password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('The user name or the password is wrong');
  await page.getByLabel('Password', { exact: true }).fill(E2E_USERS.administrator.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  // The new user signs in after a switch.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await signInOnScreen(page, 'sophea', 'sophea password 1');
  await expect(page.locator('.user-bar')).toContainText('Heng Sophea · Commune officer');
});

test('sign-in, lock and users screens in Khmer', async ({ app }) => {
  await setUpCommuneOffice(app, undefined, undefined, { as: 'administrator' });
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await app.getByRole('navigation').getByRole('link', { name: 'ការកំណត់' }).click();
  await expect(app.getByRole('heading', { name: 'អ្នកប្រើ', exact: true })).toBeVisible();
  await expect(app.getByRole('table', { name: 'គណនី' })).toContainText('ចាន់ ដារ៉ា');
  await expect(app.getByRole('table', { name: 'គណនី' })).toContainText('មន្ត្រីឃុំ សង្កាត់');
  await screenshot(app, 'accounts-users-km');
  await app.getByRole('button', { name: 'ចាក់សោ' }).click();
  await expect(app.getByRole('heading', { name: 'បានចាក់សោ' })).toBeVisible();
  await expect(app.getByText('អេក្រង់របស់ សុខ សុខា ត្រូវបានចាក់សោ។')).toBeVisible();
  await screenshot(app, 'accounts-locked-km');
  await app.getByRole('button', { name: 'ប្តូរអ្នកប្រើ' }).click();
  await expect(app.getByRole('heading', { name: 'ចូលប្រើ' })).toBeVisible();
  await signInOnScreen(app, 'officer', 'wrong password', { user: 'ឈ្មោះអ្នកប្រើ', password: 'ពាក្យសម្ងាត់', submit: 'ចូលប្រើ' });
  await expect(app.getByRole('alert')).toContainText('ឈ្មោះអ្នកប្រើ ឬពាក្យសម្ងាត់មិនត្រឹមត្រូវ');
  await screenshot(app, 'accounts-login-km');
});
