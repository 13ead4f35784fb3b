import type { Page } from '@playwright/test';
import { expect, fillAdministrator, screenshot, test } from './fixtures.js';

/** Where the Continue button is now (page coordinates), or null while it is not there. */
async function continueTop(page: Page, name: string): Promise<number | null> {
  const box = await page.getByRole('button', { name, exact: true }).boundingBox();
  return box ? Math.round(box.y + Number(await page.evaluate('window.scrollY'))) : null;
}

for (const lang of ['en', 'km'] as const) {
  const words = lang === 'en'
    ? { language: 'English', print: 'Print the recovery sheet now', ready: 'The new recovery sheet is ready', continue: 'Continue' }
    : { language: 'ខ្មែរ', print: 'បោះពុម្ពសន្លឹកសង្គ្រោះឥឡូវនេះ', ready: 'សន្លឹកសង្គ្រោះថ្មីរួចរាល់ហើយ', continue: 'បន្ត' };

  test(`set-up recovery sheet (${lang}): nothing below the preview moves while the sheet is made and loads`, async ({ app }) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    // The set-up form in English (its labels are what fillAdministrator knows); the offer is then read in `lang`.
    await app.getByRole('button', { name: 'English' }).click();
    await app.getByLabel('Office level').selectOption({ label: 'National' });
    await app.getByLabel('Office name').fill('National police office');
    await app.getByLabel('Khmer name of the office').fill('ស្នងការដ្ឋាននគរបាលជាតិ');
    await fillAdministrator(app);
    await app.getByRole('button', { name: 'Set up office' }).click();
    if (lang === 'km') await app.getByRole('button', { name: words.language }).click();
    await expect(app.getByRole('button', { name: words.print })).toBeVisible();
    await screenshot(app, `recovery-sheet-offer-${lang}`);

    // From the click until the sheet is shown and its PDF has loaded, Continue stays where the click leaves it.
    await app.getByRole('button', { name: words.print }).click();
    // The click itself opens the preview's place (the sheet being made, or already there on a fast machine).
    await expect(app.getByRole('status')).toBeVisible();
    const tops: number[] = [];
    const seen = async () => {
      const top = await continueTop(app, words.continue);
      if (top !== null) tops.push(top);
    };
    await seen();
    await screenshot(app, `recovery-sheet-making-${lang}`);
    const ready = app.getByRole('status').filter({ hasText: words.ready });
    while (!(await ready.isVisible())) await seen();
    await seen();
    const frame = app.locator('iframe.pdf-preview');
    await expect(frame).toBeVisible();
    for (let i = 0; i < 10; i += 1) {
      await seen();
      await app.waitForTimeout(100);
    }
    await screenshot(app, `recovery-sheet-ready-${lang}`);
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops), `Continue moved: ${tops.join(', ')}`).toEqual(new Set([tops[0]]));
    // And it is on the screen, not below it.
    expect(tops[0]! + 40).toBeLessThan(768);
    // Continue is still within reach of the keyboard and leaves the set-up.
    await app.getByRole('button', { name: words.continue, exact: true }).focus();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('navigation').first()).toBeVisible();
  });
}
