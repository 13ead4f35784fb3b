import { readFileSync } from 'node:fs';
import { toKhmerDigits } from '../../shared/khmer.js';
import { E2E_USERS, expect, pageCall, screenshot, setUpCommuneOffice, signInAs, test } from './fixtures.js';

const FIELDS = {
  surname: 'ERIKSSON', givenNames: 'ANNA MARIA', sex: 'F', birthDate: '1974-08-12', nationality: 'SWE', passportNo: 'L898902C3',
  issuingState: 'SWE', passportExpiry: '2030-04-15', visaType: 'EB', visaNo: 'V123', visaExpiry: '2026-12-31', entryDate: '2026-01-10',
};

test('the administrator sees a clerk opening a record on the Audit screen, filters, exports and verifies the chain (km and en)', async ({ app: page, webApp }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpCommuneOffice(page, undefined, undefined, { as: 'clerk' });

  // The clerk registers a foreigner and opens the record; the Audit section is not in the clerk's navigation.
  const registered = await pageCall(page, 'persons.register', { fields: FIELDS });
  expect(registered.ok, JSON.stringify(registered.error)).toBe(true);
  const personId = (registered.value as { person: { id: string } }).person.id;
  await page.goto(`${webApp.url}#/foreigners/${personId}`);
  await expect(page.getByRole('heading', { name: /ERIKSSON/ }).first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await expect(nav.getByRole('link', { name: 'Reports' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);
  expect((await pageCall(page, 'audit.list', {})).error?.code).toBe('boundary.forbidden');

  await signInAs(page, 'administrator');
  // The administrator opens the record too.
  await page.goto(`${webApp.url}#/foreigners/${personId}`);
  await expect(page.getByRole('heading', { name: /ERIKSSON/ }).first()).toBeVisible();
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit', level: 1 })).toBeVisible();
  const table = page.locator('table.audit-table');
  // The administrator's own read is there too (once or more: signing in on the record's page may already have read it
  // again as the new session settled, and every read is logged).
  await expect(table.getByRole('row').filter({ hasText: "Opened a foreigner's record" }).filter({ hasText: 'Sok Sokha' }).first()).toBeVisible();
  // Every call that showed the record is one entry; the page may read it more than once as it settles (a re-render on a
  // loaded machine), so the screen is compared with what the chain holds rather than with a fixed count.
  const clerkReads = await pageCall(page, 'audit.list', { kind: 'read', operation: 'persons.get', user: E2E_USERS.clerk.username });
  expect(clerkReads.ok, JSON.stringify(clerkReads.error)).toBe(true);
  const clerkReadCount = (clerkReads.value as { total: number }).total;
  expect(clerkReadCount).toBeGreaterThanOrEqual(1);
  const read = table.getByRole('row').filter({ hasText: "Opened a foreigner's record" }).filter({ hasText: 'Keo Srey' });
  await expect(read).toHaveCount(clerkReadCount);
  await expect(read.first()).toContainText('ERIKSSON ANNA MARIA');
  // The clerk's registration is there too, as changes.
  await expect(table.getByRole('row').filter({ hasText: 'Added' }).filter({ hasText: 'Keo Srey' }).first()).toBeVisible();

  // Only the clerk's reads.
  await page.getByLabel('User').selectOption({ label: 'Keo Srey (clerk)' });
  await page.getByLabel('Operation').selectOption({ label: "Opened a foreigner's record" });
  await page.getByRole('button', { name: 'Show' }).click();
  const entriesText = clerkReadCount === 1 ? '1 entry' : `${clerkReadCount} entries`;
  await expect(page.getByText(entriesText, { exact: true })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(clerkReadCount + 1);

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export (CSV)' }).click();
  const download = await pending;
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.trim().split('\r\n')).toHaveLength(clerkReadCount + 1);
  expect(csv).toContain(`persons.get,person,${personId}`);

  await page.getByRole('button', { name: 'Verify' }).click();
  // The clerk's and the administrator's reads of the foreigner's page (record, passports, history): at least six.
  const chains = await pageCall(page, 'audit.verify', {});
  expect(chains.ok, JSON.stringify(chains.error)).toBe(true);
  const chainEntries = (chains.value as { entries: number; broken: unknown }[])[0]!;
  expect(chainEntries.broken).toBeNull();
  expect(chainEntries.entries).toBeGreaterThanOrEqual(6);
  await expect(page.getByRole('status').filter({ hasText: `Tonle Basak police post: OK, ${chainEntries.entries} entries.` })).toBeVisible();
  await screenshot(page, 'audit-en');

  await page.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(page.getByRole('heading', { name: 'សវនកម្ម', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `បាននាំចេញ ${toKhmerDigits(clerkReadCount)} ធាតុ។` })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: 'បានបើកកំណត់ត្រាជនបរទេស' }).first()).toContainText('កែវ ស្រី');
  await page.getByRole('button', { name: 'ផ្ទៀងផ្ទាត់' }).click();
  await expect(page.getByRole('status').filter({ hasText: `ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់៖ ត្រឹមត្រូវ ${toKhmerDigits(chainEntries.entries)} ធាតុ។` })).toBeVisible();
  await screenshot(page, 'audit-km');
});
