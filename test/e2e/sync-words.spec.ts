import path from 'node:path';
import type { Page } from '@playwright/test';
import type { FileOutput } from '../../shared/contract/sync.js';
import { createI18n } from '../../shared/i18n/index.js';
import { callOk, cliAt, createStaff, E2E_PASSPHRASE, E2eOffices, expect, initOffice, linkOffices, screenshot, signInAs, test, type E2eOffice } from './fixtures.js';

/**
 * What the Sync history and the Audit screen say after a commune was restored from a backup made before its last
 * bundle, and with a bundle held at the province for a missing one: in English and Khmer at 1366×768, offices by
 * name (never an id), numbers in Khmer digits in Khmer. Offices, keys and bundles are made with the CLI and the
 * calls the screens make; the sync rules themselves are in test/electron/sync/restored.test.ts and gaps.test.ts.
 */

// The servers inherit this: a lighter scrypt for the key files, so a loaded test machine is not timed out.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-03-10T09:00:00+07:00';
const en = createI18n('en', { strict: true }).t;
const km = createI18n('km', { strict: true }).t;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const LATIN_DIGIT = /[0-9]/;

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

const db = (office: { dataDir: string }) => path.join(office.dataDir, 'banhchi.db');
let jobs = 0;
const jobId = () => `00000000-0000-4000-8000-${String(++jobs).padStart(12, '0')}`;
/** Some registrations at the commune, as its administrator's demo data (the same call the CLI's `demo` makes). */
const work = (office: E2eOffice, seed: number) => callOk(office.page, 'registration.demo', { persons: 3, seed, jobId: jobId() });
/** The commune officer opens every foreigner's record (reads are audited: the audit chain grows); back to the administrator. */
async function readAll(office: E2eOffice): Promise<void> {
  await signInAs(office.page, 'commune-officer');
  const persons = await callOk<{ items: { id: string }[] }>(office.page, 'persons.list', { limit: 50 });
  for (const person of persons.items) await callOk(office.page, 'persons.get', { id: person.id });
  await signInAs(office.page, 'administrator');
}
/** One bundle of every change not yet acknowledged, as the Sync screen makes it (bytes, to save on the stick). */
async function exportBundle(office: E2eOffice): Promise<FileOutput> {
  const written = await callOk<{ bundles: FileOutput[] }>(office.page, 'sync.export', { passphrase: E2E_PASSPHRASE, jobId: jobId() });
  expect(written.bundles).toHaveLength(1);
  return written.bundles[0]!;
}
const importBundles = (office: E2eOffice, files: FileOutput[]) =>
  callOk<{ status: string }[]>(office.page, 'sync.import', { passphrase: E2E_PASSPHRASE, files, jobId: jobId() });

async function showSection(page: Page, link: string, tab?: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  if (tab) await page.getByRole('tab', { name: tab }).click();
}

async function inKhmer(page: Page, km: boolean): Promise<void> {
  await page.getByRole('button', { name: km ? 'ខ្មែរ' : 'English' }).click();
}

test('after a restore and with a bundle held: Sync history and Audit read as words, in English and Khmer', async ({ browser }) => {
  test.setTimeout(420_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2].map(() => offices.folder());
  initOffice(folders[0]!, NOW, 'national', '00', 'National Immigration Police', 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'ស្នងការដ្ឋាននគរបាលរាជធានីភ្នំពេញ');
  initOffice(folders[2]!, NOW, 'commune', '120101', 'Tonle Basak police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  const national = await offices.start(browser, folders[0]!, NOW);
  const province = await offices.start(browser, folders[1]!, NOW);
  let commune = await offices.start(browser, folders[2]!, NOW);
  for (const office of [national, province, commune]) await signInAs(office.page, 'administrator');
  await createStaff(commune.page, ['commune-officer']);
  await linkOffices(national.page, province.page, [commune.page]);

  // The commune: a backup, then work that reaches the province in bundle 1.
  await work(commune, 1);
  await readAll(commune);
  const backup = JSON.parse(cliAt(NOW, 'backup', 'create', '--db', db(commune), '--to', usb, '--json')) as { file: string };
  await work(commune, 2);
  await readAll(commune);
  expect(await importBundles(province, [await exportBundle(commune)])).toMatchObject([{ status: 'applied' }]);
  // Its PC is restored from the backup (the register closed meanwhile), and it carries on: bundle 2 reaches the province;
  // bundle 4 arrives before bundle 3 and brings its changes too.
  await offices.stop(commune);
  cliAt(NOW, 'backup', 'restore', '--db', db({ dataDir: folders[2]! }), path.isAbsolute(backup.file) ? backup.file : path.join(usb, backup.file));
  commune = await offices.start(browser, folders[2]!, NOW);
  await signInAs(commune.page, 'administrator');
  await work(commune, 3);
  await readAll(commune);
  expect(await importBundles(province, [await exportBundle(commune)])).toMatchObject([{ status: 'applied' }]);
  await work(commune, 4);
  await exportBundle(commune);
  await work(commune, 5);
  expect(await importBundles(province, [await exportBundle(commune)])).toMatchObject([{ status: 'applied' }]);

  for (const lang of ['en', 'km'] as const) {
    const t = lang === 'en' ? en : km;
    for (const [office, name] of [[commune, 'commune'], [province, 'province']] as const) {
      const page = office.page;
      await inKhmer(page, lang === 'km');
      await showSection(page, t('nav.sync'), t('sync.tabs.history' as never));
      await expect(page.getByRole('heading', { name: t('sync.alerts') })).toBeVisible();
      const main = page.getByRole('main');
      // Bundle files keep their names (what is on the stick); everything else is words.
      const text = (await main.innerText()).replace(/banhchi-[^\s]+\.bchb/g, '');
      expect.soft(text, `${name} sync history (${lang})`).not.toMatch(UUID);
      if (lang === 'km') expect.soft(text, `${name} sync history (km)`).not.toMatch(LATIN_DIGIT);
      await screenshot(page, `sync-words-history-${name}-${lang}`);

      await showSection(page, t('nav.audit' as never));
      await page.getByRole('button', { name: t('audit.verify.button') }).click();
      const verified = page.getByRole('status').filter({ has: page.getByRole('listitem') });
      await expect(verified).toBeVisible();
      const report = await verified.innerText();
      expect.soft(report, `${name} audit verify (${lang})`).not.toMatch(UUID);
      if (lang === 'km') expect.soft(report, `${name} audit verify (km)`).not.toMatch(LATIN_DIGIT);
      await screenshot(page, `sync-words-audit-${name}-${lang}`);
    }
  }
  // The commune is told where it carried on from, and which entries only the province holds.
  await inKhmer(commune.page, false);
  await showSection(commune.page, 'Sync', 'History');
  await expect(commune.page.getByText(/this register was restored from a backup made before bundle no\. 1 was sent/)).toBeVisible();
  await showSection(commune.page, 'Audit');
  await commune.page.getByRole('button', { name: 'Verify' }).click();
  await expect(commune.page.getByText(/are held by the office above only/)).toBeVisible();
  // The province names the commune: in English by its name, in Khmer by its place (its name has no Khmer), in the history and the audit chains.
  await inKhmer(province.page, false);
  await showSection(province.page, 'Sync', 'History');
  await expect(province.page.getByRole('main')).toContainText('Tonle Basak police post');
  await showSection(province.page, 'Audit');
  await province.page.getByRole('button', { name: 'Verify' }).click();
  await expect(province.page.getByRole('status').getByText(/^Tonle Basak police post: OK, \d+ entries\.$/)).toBeVisible();
  await inKhmer(province.page, true);
  await expect(province.page.getByRole('status').getByText(/^សង្កាត់ទន្លេបាសាក់៖ ត្រឹមត្រូវ [០-៩]+ ធាតុ។$/)).toBeVisible();
});
