import type { Page } from '@playwright/test';
import { createI18n, type Language } from '../../shared/i18n/index.js';
import { buildTd3, checkDigit, type Td3Input } from '../../shared/mrz.js';
import { expect, screenshot, setUpCommuneOffice, test } from './fixtures.js';

/** Schema and developer text that must never be shown: zod messages, patterns, op names, field keys. */
const DEVELOPER = /Too big|Too small|Invalid (input|string|option)|expected|must match|pattern|\/\^|persons\.register|premises\.create|fields\.|nameKm|communeCode/;

const WANG: Td3Input = {
  issuingState: 'CHN', surname: 'WANG', givenNames: 'XIAO LONG', documentNumber: 'EA7654321', nationality: 'CHN',
  birthDate: '1985-07-21', sex: 'M', expiryDate: '2033-04-30',
};

/** Valid TD3 lines whose birth date is 29 February of a common year, as some issuers print it. */
function impossibleBirthDate(): { line1: string; line2: string } {
  const { line1, line2 } = buildTd3({
    issuingState: 'VNM', surname: 'TRAN', givenNames: 'VAN AN', documentNumber: 'C7654321', nationality: 'VNM', birthDate: '1990-02-28', sex: 'M', expiryDate: '2034-05-01',
  });
  const patched = `${line2.slice(0, 13)}900229${checkDigit('900229')}${line2.slice(20, 43)}`;
  return { line1, line2: patched + checkDigit(patched.slice(0, 10) + patched.slice(13, 20) + patched.slice(21, 43)) };
}

async function inLanguage(page: Page, language: Language) {
  if (language === 'km') await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  return createI18n(language, { strict: true }).t;
}

async function openRegistration(page: Page, t: Awaited<ReturnType<typeof inLanguage>>) {
  await page.evaluate("window.location.hash = '#/foreigners/new'");
  await expect(page.getByRole('heading', { level: 1, name: t('reg.foreigners.register') })).toBeVisible();
}

for (const language of ['en', 'km'] as const) {
  test(`a reader that sends the MRZ without separators is read at once, and Enter saves nothing twice (${language})`, async ({ app }) => {
    await setUpCommuneOffice(app);
    const t = await inLanguage(app, language);
    await openRegistration(app, t);
    const { line1, line2 } = buildTd3(WANG);
    await app.getByLabel(t('reg.mrz.label')).click();
    // 88 characters, no CR/LF/Tab between the lines: the screen reacts before any Enter.
    await app.keyboard.type(line1 + line2);
    await expect(app.getByRole('status').first()).toHaveText(t('reg.mrz.valid'));
    await expect(app.getByLabel(t('reg.field.passportNo'))).toHaveValue('EA7654321');
    await expect(app.getByLabel(t('reg.field.surname'))).toHaveValue('WANG');
    await app.keyboard.press('Enter');
    await screenshot(app, `reginput-reader-no-separator-${language}`);
    await app.getByRole('button', { name: t('reg.save') }).click();
    await expect(app.getByRole('heading', { level: 1, name: /WANG/ })).toBeVisible();
  });

  test(`an impossible MRZ date keeps the lines and is corrected in its field (${language})`, async ({ app }) => {
    await setUpCommuneOffice(app);
    const t = await inLanguage(app, language);
    await openRegistration(app, t);
    const { line1, line2 } = impossibleBirthDate();
    await app.getByLabel(t('reg.mrz.label')).click();
    // This reader sends a Tab between the lines.
    await app.keyboard.type(line1);
    await app.keyboard.press('Tab');
    await app.keyboard.type(line2);
    await expect(app.getByRole('status').first()).toHaveText(t('input.mrz.readImpossibleDate'));
    await expect(app.getByLabel(t('reg.mrz.label'))).toHaveValue(`${line1}\n${line2}`);
    const birth = app.getByLabel(t('reg.field.birthDate'));
    await expect(birth).toHaveAttribute('aria-invalid', 'true');
    await expect(app.getByRole('alert').filter({ hasText: t('input.mrz.impossibleDate', { value: '29.02.90' }) })).toBeVisible();
    await screenshot(app, `reginput-impossible-date-${language}`);
    await birth.fill('1990-02-28');
    await expect(birth).not.toHaveAttribute('aria-invalid', 'true');
    await app.getByRole('button', { name: t('reg.save') }).click();
    await expect(app.getByRole('heading', { level: 1, name: /TRAN/ })).toBeVisible();
  });

  test(`Limon text in a Khmer name is refused at the field with a hint to retype (${language})`, async ({ app }) => {
    await setUpCommuneOffice(app);
    const t = await inLanguage(app, language);
    await app.evaluate("window.location.hash = '#/premises/new'");
    const form = app.getByRole('form', { name: t('reg.premises.new') });
    await form.getByLabel(t('reg.field.nameLatin')).fill('Special Guesthouse');
    await form.getByLabel(t('reg.field.premisesNameKm')).fill('v½RbkasBiess');
    await form.getByLabel(t('setup.province'), { exact: true }).selectOption({ index: 1 });
    await form.getByLabel(t('setup.district'), { exact: true }).selectOption({ index: 1 });
    await form.getByLabel(t('setup.commune'), { exact: true }).selectOption({ index: 1 });
    await form.getByRole('button', { name: t('reg.save') }).click();
    const field = form.getByLabel(t('reg.field.premisesNameKm'));
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const message = `${t('reg.field.premisesNameKm')}${language === 'km' ? '៖' : ':'}`;
    const atField = form.locator('.field-error').filter({ hasText: message });
    await expect(atField).toContainText('v½RbkasBiess');
    await expect(atField).toContainText(language === 'km' ? 'យូនីកូដ' : 'Khmer Unicode keyboard');
    await screenshot(app, `reginput-limon-refused-${language}`);
    await expect(app.getByRole('heading', { level: 1, name: /Special Guesthouse/ })).toHaveCount(0);
  });

  test(`a refused field says what to do in the UI language, with no schema text (${language})`, async ({ app }) => {
    await setUpCommuneOffice(app);
    const t = await inLanguage(app, language);
    await openRegistration(app, t);
    await expect(app.getByLabel(t('reg.field.surname'))).toHaveAttribute('maxlength', '100');
    await expect(app.getByLabel(t('reg.field.passportNo'))).toHaveAttribute('maxlength', '20');
    await app.getByLabel(t('reg.field.surname')).fill('WANG 😀');
    await app.getByLabel(t('reg.field.birthDate')).fill('1985-07-21');
    // A code that is no state's finds nothing and is not taken; the nationality is then chosen by its code.
    await app.getByLabel(t('reg.field.nationality')).fill('C1');
    await expect(app.getByText(t('display.nationality.none', { query: 'C1' }))).toBeVisible();
    await app.getByLabel(t('reg.field.nationality')).fill('CHN');
    await app.getByLabel(t('reg.field.nationality')).press('Enter');
    await expect(app.getByLabel(t('reg.field.nationality'))).toHaveValue(/China|ចិន/);
    await app.getByLabel(t('reg.field.passportNo')).fill('EA7654321');
    await app.getByLabel(t('reg.field.passportExpiry')).fill('2033-04-30');
    await app.getByRole('button', { name: t('reg.save') }).click();
    const surname = app.locator('.field').filter({ has: app.getByLabel(t('reg.field.surname')) }).locator('.field-error');
    await expect(surname).toHaveText(t('errors.validation.unstorable', { field: t('reg.field.surname'), char: '😀' }));
    const shown = await app.locator('form').innerText();
    expect(shown).not.toMatch(DEVELOPER);
    if (language === 'km') expect(shown).toMatch(/[\u1780-\u17FF]/);
    await screenshot(app, `reginput-validation-${language}`);
    // The emoji was not stripped: the field still holds what was typed.
    await expect(app.getByLabel(t('reg.field.surname'))).toHaveValue('WANG 😀');
  });
}

test('an expired passport and a visa expiring soon are warned about at registration', async ({ app }) => {
  await setUpCommuneOffice(app);
  const t = await inLanguage(app, 'en');
  await openRegistration(app, t);
  await app.getByLabel(t('reg.field.passportExpiry')).fill('2020-01-31');
  await expect(app.getByRole('status').filter({ hasText: 'The passport expired on 31 January 2020.' })).toBeVisible();
  await screenshot(app, 'reginput-expiry-warning-en');
});
