import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { LOCAL_OPERATOR, type Actor } from '../../shared/actor.js';
import type { OpName, OpRequest, OpResponse } from '../../shared/contract/index.js';
import { createI18n } from '../../shared/i18n/index.js';
import { createLocalBackend } from '../../electron/backend/backend.js';
import { openDatabase } from '../../electron/db/open.js';
import { buildTd3, type Td3Input } from '../../shared/mrz.js';
import { expect, screenshot, setUpCommuneOffice, signInAs, startWebApp, type WebApp } from './fixtures.js';

/**
 * Seed 004 at a commune, from the screens: a hotline complaint about a hotel → a raid and rescue →
 * 12 persons found (2 by passport MRZ, 10 described), 3 declare themselves victims, 2 identified, a
 * suspect charged → the site closed temporarily with its legal reason → it refuses a new stay → the
 * timeline and the month's counts agree → the commune's bundle (written from the Sync screen) reaches the
 * province, where the reporter and the possible victims are readable only by a role with `sensitive.read`
 * and the month's counts are the commune's. The clock is fixed (server and browser).
 */
const NOW = '2026-03-10T09:00:00+07:00';
const PASSPHRASE = 'a good long passphrase';
// The server inherits this: a lighter scrypt for the key files, so a loaded test machine is not timed out.
process.env.BANHCHI_KEY_WORK_FACTOR = '10';

const test = base.extend<{ webApp: WebApp; app: Page }>({
  webApp: async ({}, use) => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-'));
    process.env.BANHCHI_FAKE_NOW = NOW;
    const webApp = await startWebApp(dataDir).finally(() => delete process.env.BANHCHI_FAKE_NOW);
    await use(webApp);
    webApp.process.kill('SIGTERM');
    await new Promise((resolve) => webApp.process.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  },
  app: async ({ page, webApp }, use) => {
    await page.clock.setFixedTime(new Date(NOW));
    await page.goto(webApp.url);
    await use(page);
  },
});
test.use({ timezoneId: 'UTC', viewport: { width: 1366, height: 768 } });

type Lang = 'en' | 'km';
/** A string of the UI in a language, through the same i18n the app uses (plurals, Khmer digits for numbers). */
const i18n = { en: createI18n('en', { strict: true }), km: createI18n('km', { strict: true }) };
function s(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  return i18n[lang].t(key as never, params as never) as unknown as string;
}

/** An operation through the same HTTP transport as the page (for what is not this test's screen). */
async function call<T = { id: string }>(page: Page, op: string, input: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string } }> {
  return page.evaluate(async ([name, body]) => {
    const response = await fetch(`/api/call/${name}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'x-banhchi': '1' }, body: JSON.stringify({ input: body }), credentials: 'same-origin',
    });
    return response.json() as Promise<{ ok: boolean; value?: T; error?: { code: string } }>;
  }, [op, input] as const);
}

/**
 * An office above the commune: its own database and backend in this process (the same services the
 * app runs), so it can be asked as a user of any role.
 */
function officeAbove(dir: string) {
  mkdirSync(dir, { recursive: true });
  const backend = createLocalBackend(openDatabase(path.join(dir, 'banhchi.db')));
  return {
    backend,
    async ok<N extends OpName>(op: N, input: OpRequest<N>, actor: Actor = LOCAL_OPERATOR): Promise<OpResponse<N>> {
      const result = await backend.call(op, input, actor);
      if (!result.ok) throw new Error(`${op}: ${JSON.stringify(result.error)}`);
      return result.value as OpResponse<N>;
    },
  };
}
const PROVINCIAL_OFFICER: Actor = { id: 'u-province', kind: 'user', role: 'provincial-officer' };
const CLERK: Actor = { id: 'u-clerk', kind: 'user', role: 'clerk' };

const VICTIM_A: Td3Input = { issuingState: 'MYS', surname: 'TAN', givenNames: 'MEI LING', documentNumber: 'A12345678', nationality: 'MYS', birthDate: '1999-02-11', sex: 'F', expiryDate: '2030-05-01' };
const VICTIM_B: Td3Input = { issuingState: 'IDN', surname: 'SANTOSO', givenNames: 'BUDI', documentNumber: 'B7654321', nationality: 'IDN', birthDate: '1995-07-30', sex: 'M', expiryDate: '2029-09-09' };

async function addByPassport(page: Page, guest: Td3Input, outcome: { identified: string; referred: string }) {
  const form = page.getByRole('form', { name: 'Add person found' });
  await form.getByLabel('Passport (MRZ): found in the register or registered now').check();
  const { line1, line2 } = buildTd3(guest);
  await form.getByLabel(s('en', 'reg.mrz.label')).fill(`${line1}\n${line2}`);
  await expect(form.getByRole('status')).toHaveText(`MRZ read: ${guest.surname} ${guest.givenNames}.`);
  await form.getByLabel('Declared themselves a victim').check();
  await form.getByLabel('Identified as a victim of').selectOption({ label: outcome.identified });
  await form.getByLabel('Referred to (care)').fill(outcome.referred);
  await form.getByLabel('Must not be returned to the workplace').check();
  await form.getByRole('button', { name: 'Add person found' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
}

async function addDescribed(page: Page, described: string, sex: string, nationality: string, count: number, declared: boolean) {
  const form = page.getByRole('form', { name: 'Add person found' });
  await form.getByLabel('Described (no papers)').check();
  await form.getByLabel('Description').fill(described);
  await form.getByLabel('Sex').selectOption({ label: sex });
  await form.getByLabel('Nationality').fill(nationality);
  await form.getByLabel('Nationality').press('Tab');
  await form.getByLabel('How many persons like this').fill(String(count));
  const box = form.getByLabel('Declared themselves a victim');
  if (declared) await box.check(); else await box.uncheck();
  await form.getByLabel('Identified as a victim of').selectOption({ label: 'Not identified as a victim' });
  await form.getByLabel('Referred to (care)').fill('');
  await form.getByLabel('Must not be returned to the workplace').uncheck();
  await form.getByRole('button', { name: 'Add person found' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');
}

test('hotline complaint → operation → 12 found, 3 declared, 2 identified, 1 charged → site closed temporarily → no new stay → province by bundle, sensitive by role; counts match', async ({ app }) => {
  test.setTimeout(300_000);
  // The reporter's name is sensitive: a role with `sensitive.read` that also decides cases.
  await setUpCommuneOffice(app, undefined, undefined, { as: 'provincial-officer' });
  const hotel = await call(app, 'premises.create', { nameLatin: 'Frangipani Hotel', type: 'hotel', communeCode: '120101' });
  const hotelId = hotel.value!.id;
  const manager = await call(app, 'persons.register', {
    fields: { surname: 'WONG', givenNames: 'KAI', sex: 'M', birthDate: '1980-04-04', nationality: 'CHN', passportNo: 'E98765432', issuingState: 'CHN', passportExpiry: '2031-01-01' },
    source: 'manual',
  });
  expect(manager.ok).toBe(true);

  await test.step('a hotline complaint is taken in; the reporter is marked protected', async () => {
    await app.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    await app.getByRole('button', { name: 'New complaint' }).click();
    const form = app.getByRole('form', { name: 'New complaint' });
    await form.getByLabel('Date received').fill('2026-03-03');
    await form.getByLabel('Time received').fill('21:15');
    await form.getByLabel('Received by').selectOption({ label: 'Hotline' });
    await form.getByLabel("Reporter's name").fill('Chan Sopheap');
    await form.getByLabel("Reporter's contact").fill('012 345 678');
    await form.getByRole('group', { name: 'Premises complained about (from the register)' }).locator('select').selectOption({ label: 'Frangipani Hotel' });
    const about = form.getByRole('region', { name: 'Person complained about (from the register)' });
    await about.getByLabel('Search the register (name or passport number)').fill('WONG');
    await about.getByRole('button', { name: /WONG KAI/ }).click();
    await expect(about.getByRole('status')).toContainText('WONG KAI · E98765432');
    await form.getByLabel('Category').selectOption({ label: 'Human trafficking' });
    await form.getByLabel('Urgency').selectOption({ label: 'Immediate' });
    await form.getByLabel('What was reported').fill('People held for ransom on the third floor.');
    await form.getByRole('button', { name: 'Save complaint' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Complaint: Human trafficking, 3 March 2026' })).toBeVisible();
    await expect(app.getByText('Chan Sopheap · 012 345 678')).toBeVisible();
    await expect(app.getByRole('link', { name: 'WONG KAI' })).toBeVisible();
    await expect(app.getByText('Sensitive', { exact: true })).toBeVisible();
  });

  await test.step('an operation acts on it and records what was found', async () => {
    await app.getByRole('button', { name: 'Record an operation for this complaint' }).click();
    const form = app.getByRole('form', { name: 'New operation' });
    await expect(form).toContainText('Acting on the complaint (Human trafficking) received 3 March 2026');
    await form.getByLabel('Date of the operation').fill('2026-03-05');
    await form.getByLabel('Kind').selectOption({ label: 'Raid and rescue' });
    await form.getByLabel('Lead unit').fill('Phnom Penh military police');
    await form.getByLabel('Partners').fill('Chamkar Mon district police');
    await expect(form.getByRole('group', { name: 'Target premises (from the register)' }).locator('select')).toHaveValue(hotelId);
    await form.getByRole('button', { name: 'Save operation' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Raid and rescue on 5 March 2026' })).toBeVisible();

    await addByPassport(app, VICTIM_A, { identified: 'Trafficking', referred: 'Department of Social Affairs shelter' });
    await addByPassport(app, VICTIM_B, { identified: 'Forced labour', referred: 'IOM transit centre' });
    await addDescribed(app, 'Woman, about 30, no passport', 'Female', 'VNM', 1, true);
    await addDescribed(app, 'Worker found on the third floor', 'Male', 'CHN', 9, false);

    const suspect = app.getByRole('form', { name: 'Add suspect' });
    await suspect.getByLabel("Suspect's name").fill('LI QIANG');
    await suspect.getByLabel('Sex').selectOption({ label: 'Male' });
    await suspect.getByLabel('Nationality').fill('CHN');
    await suspect.getByLabel('Nationality').press('Tab');
    await suspect.getByLabel('Charged on').fill('2026-03-06');
    await suspect.getByRole('button', { name: 'Add suspect' }).click();
    await expect(app.getByRole('region', { name: 'Suspects' }).getByRole('row').filter({ hasText: 'LI QIANG' })).toContainText('6 March 2026');

    await expect(app.getByTestId('operation-outcome')).toHaveText('12 persons found, 3 declared themselves victims, 2 identified as victims, 1 suspects charged');
    const persons = app.getByRole('region', { name: 'Persons found' });
    await expect(persons.getByRole('row')).toHaveCount(13);
    await expect(persons.getByRole('row').filter({ hasText: 'TAN MEI LING' })).toContainText('Department of Social Affairs shelter');
    await screenshot(app, 'cases-operation-en');
  });

  await test.step('the site is closed temporarily with its legal reason, from the operation', async () => {
    await app.getByRole('button', { name: 'Close the site' }).click();
    const form = app.getByRole('form', { name: 'Close premises' });
    await expect(form).toContainText('Caused by the operation of 5 March 2026 (Phnom Penh military police)');
    await form.getByLabel('Closure').selectOption({ label: 'Temporarily closed' });
    // The closure date starts at the operation's date (typed day/month/year, not the browser's picker).
    await expect(form.getByLabel(s('en', 'reg.field.closeDate'))).toHaveValue('05/03/2026');
    await form.getByLabel(s('en', 'reg.field.closeReason')).fill('Law on Suppression of Human Trafficking, art. 15; prosecutor order 12/26');
    await screenshot(app, 'cases-close-site-en');
    await form.getByRole('button', { name: 'Close premises' }).click();
    await expect(app.getByRole('heading', { level: 1, name: 'Raid and rescue on 5 March 2026' })).toBeVisible();
    await expect(app.getByRole('region', { name: 'Closures of the site' }))
      .toContainText('5 March 2026 · Frangipani Hotel · Closed temporarily pending investigation — Law on Suppression of Human Trafficking, art. 15');
  });

  await test.step('the closed premises refuses a new stay and offers no check-in', async () => {
    await app.goto(`${new URL(app.url()).origin}/#/premises/${hotelId}`);
    await expect(app.getByRole('heading', { level: 1, name: /Frangipani Hotel/ })).toBeVisible();
    await expect(app.getByRole('button', { name: s('en', 'stays.checkIn.open') })).toHaveCount(0);
    await expect(app.getByRole('region', { name: 'Closures and reopenings' })).toContainText('Closed temporarily pending investigation');
    const { line1, line2 } = buildTd3({ ...VICTIM_B, surname: 'NEW', documentNumber: 'N1234567' });
    const refused = await call(app, 'stays.checkIn', {
      premisesId: hotelId, arrivedAt: '2026-03-10T08:00', mrz: { line1, line2 },
      fields: { surname: 'NEW', givenNames: 'BUDI', sex: 'M', birthDate: '1995-07-30', nationality: 'IDN', passportNo: 'N1234567', issuingState: 'IDN', passportExpiry: '2029-09-09' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'cases.premisesClosedTemporarily' } });
  });

  await test.step('the timeline tells the story and the month counts match', async () => {
    await app.getByRole('navigation').getByRole('link', { name: 'Cases', exact: true }).click();
    const stats = app.getByRole('region', { name: 'Counts for a period' });
    await stats.getByLabel('From').fill('2026-03-01');
    await stats.getByLabel('To').fill('2026-03-31');
    const row = (label: string) => stats.getByRole('row').filter({ has: app.getByRole('rowheader', { name: label, exact: true }) });
    await expect(row('Complaints received')).toContainText('1');
    await expect(row('Persons found')).toContainText('12');
    await expect(row('Declared themselves victims')).toContainText('3 (men 1, women 2)');
    await expect(row('Identified as victims')).toContainText('2 (men 1, women 1)');
    await expect(row('Suspects charged')).toContainText("1 · People's Republic of China 1");
    await expect(row('Sites closed temporarily pending investigation')).toContainText('1');
    await expect(row('Sites closed permanently')).toContainText('0');
    await screenshot(app, 'cases-home-en');
    await app.getByRole('region', { name: 'Complaints' }).getByRole('link').first().click();
    const timeline = app.getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveText([
      /3 March 2026.*Received by Hotline/,
      /5 March 2026.*Raid and rescue led by Phnom Penh military police/,
      /5 March 2026.*12 persons found, 3 declared themselves victims, 2 identified as victims, 1 suspects charged/,
      /5 March 2026.*Frangipani Hotel: Closed temporarily pending investigation \(Law on Suppression/,
      /10 March 2026.*Linked to an operation/,
    ]);
    await screenshot(app, 'cases-complaint-en');
  });

  await test.step('the same screens in Khmer', async () => {
    await app.getByRole('button', { name: 'ខ្មែរ' }).click();
    await expect(app.getByRole('region', { name: s('km', 'cases.ui.timeline') })).toContainText(s('km', 'cases.timeline.linkedOperation'));
    await screenshot(app, 'cases-complaint-km');
    await app.getByRole('navigation').getByRole('link', { name: s('km', 'nav.cases'), exact: true }).click();
    await expect(app.getByRole('heading', { level: 1, name: s('km', 'cases.ui.title') })).toBeVisible();
    await screenshot(app, 'cases-home-km');
    await app.getByRole('region', { name: s('km', 'cases.ui.operations') }).getByRole('link').first().click();
    await expect(app.getByTestId('operation-outcome')).toHaveText(s('km', 'cases.timeline.outcome', { found: 12, declared: 3, identified: 2, charged: 1 }));
    await screenshot(app, 'cases-operation-km');
    await app.getByRole('button', { name: 'English' }).click();
  });

  await test.step('the case reaches the province by bundle; reporter and victims readable there only by the allowed role; the month counts match', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-e2e-above-'));
    try {
      const national = officeAbove(path.join(dir, 'national'));
      const province = officeAbove(path.join(dir, 'province'));
      try {
        // Keys and the key directory (set up from the screens in sync-offices.spec.ts); the bundle itself goes through the screens.
        // Keys and the key directory are the commune administrator's (who also writes the bundle).
        await signInAs(app, 'administrator');
        await national.ok('office.setup', { level: 'national', unitCode: '12', name: 'National Committee for Counter Trafficking' });
        await province.ok('office.setup', { level: 'province', unitCode: '12', name: 'Phnom Penh police' });
        await national.ok('sync.keysCreate', { passphrase: PASSPHRASE, parentOfficeId: null });
        const provinceCard = await province.ok('sync.keysCreate', { passphrase: PASSPHRASE, parentOfficeId: (await national.ok('office.get', {}))!.id });
        const communeCard = await call<{ qrPayload: string }>(app, 'sync.keysCreate', { passphrase: PASSPHRASE, parentOfficeId: provinceCard.officeId });
        expect(communeCard.ok).toBe(true);
        const nationalCard = await national.ok('sync.keyCard', { passphrase: PASSPHRASE });
        await national.ok('sync.directoryAdd', { card: provinceCard.qrPayload });
        await national.ok('sync.directoryAdd', { card: communeCard.value!.qrPayload });
        const { signed } = await national.ok('sync.directorySign', { passphrase: PASSPHRASE });
        await province.ok('sync.directoryAdd', { card: nationalCard.qrPayload });
        await province.ok('sync.directoryImport', { fileName: 'directory.json', json: signed });
        const confirmed = { signingKeyId: nationalCard.signingKeyId, ageKeyId: nationalCard.ageKeyId };
        expect(await call(app, 'sync.directoryAdd', { card: nationalCard.qrPayload, confirmed })).toMatchObject({ ok: true });
        expect(await call(app, 'sync.directoryImport', { fileName: 'directory.json', json: signed, trustNational: nationalCard.signingKeyId })).toMatchObject({ ok: true });

        // The commune writes its bundle from the Sync screen (a download to the "USB stick").
        await app.getByRole('navigation').getByRole('link', { name: 'Sync', exact: true }).click();
        await app.getByRole('tab', { name: 'Export and import' }).click();
        await app.getByLabel('Key passphrase').fill(PASSPHRASE);
        const pending = app.waitForEvent('download');
        await app.getByRole('button', { name: 'Write bundle' }).click();
        const bundle = path.join(dir, (await pending).suggestedFilename());
        await (await pending).saveAs(bundle);
        const [imported] = await province.ok('sync.import', { passphrase: PASSPHRASE, paths: [bundle] });
        expect(imported?.status, JSON.stringify(imported?.error)).toBe('applied');

        const [complaint] = (await province.ok('complaints.list', { from: '2026-03-01', to: '2026-03-31' }, PROVINCIAL_OFFICER)).items;
        expect(complaint).toMatchObject({ reporterName: 'Chan Sopheap', reporterContact: '012 345 678', redacted: false, status: 'assigned' });
        const hidden = await province.ok('complaints.get', { id: complaint!.id }, CLERK);
        expect(hidden.complaint).toMatchObject({ reporterName: '', reporterContact: '', redacted: true });
        const operationId = complaint!.operationId!;
        const full = await province.ok('operations.get', { id: operationId }, PROVINCIAL_OFFICER);
        expect(full.persons.filter((p) => p.redacted)).toHaveLength(0);
        expect(full.persons.filter((p) => !p.redacted && p.sensitive).map((p) => (p.redacted ? '' : p.referredTo)).sort())
          .toEqual(['', 'Department of Social Affairs shelter', 'IOM transit centre']);
        const limited = await province.ok('operations.get', { id: operationId }, CLERK);
        expect(limited.persons.filter((p) => p.redacted)).toHaveLength(3);
        expect(JSON.stringify(limited)).not.toMatch(/TAN MEI LING|SANTOSO|shelter|Woman, about 30|Sopheap/);
        expect(limited.operation).toMatchObject({ personsFound: 12, declaredVictims: 3, identifiedVictims: 2, suspectsCharged: 1 });

        const month = { from: '2026-03-01', to: '2026-03-31', unitCode: '12' };
        const stats = await province.ok('cases.stats', month);
        expect(stats).toMatchObject({
          complaints: 1, complaintsByMonth: [{ month: '2026-03', count: 1 }], personsFound: 12,
          declaredVictims: { total: 3, M: 1, F: 2 }, identifiedVictims: { total: 2, M: 1, F: 1 },
          suspectsCharged: 1, suspectsChargedByNationality: [{ nationality: 'CHN', count: 1 }], sitesClosedTemporarily: 1, sitesClosedPermanently: 0,
        });
        expect(await call(app, 'cases.stats', month)).toEqual({ ok: true, value: stats });
      } finally {
        await national.backend.close();
        await province.backend.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
