import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import ExcelJS from 'exceljs';
import {
  callOk, createStaff, downloadTo, E2eOffices, expect, initOffice, linkOffices, openSync, REPO, screenshot, signInAs, test,
} from './fixtures.js';

/**
 * Issue 14, "Done when": a province with two communes' data synced. Two commune offices register
 * foreigners (some reported late, some gone this week), each writes its bundle on the Sync screen,
 * the province applies both; the province's home figures per commune equal counts taken straight
 * from its database (and the last bundle received from each commune); a report saved as XLSX
 * reopens with the same numbers; the report saved as PDF in Khmer is rendered to PNG to be looked at.
 * Offices, keys and the key directory are set up with the CLI and the calls the screens make (the
 * sync screens have their own e2e), like the registrations.
 */

process.env.BANHCHI_KEY_WORK_FACTOR = '10';
const NOW = '2026-03-10T09:00:00+07:00';
const TODAY = '2026-03-10';

const offices = new E2eOffices();
test.afterAll(() => offices.closeAll());

/** The office's server and page, signed in as its administrator. */
async function start(browser: Browser, dataDir: string): Promise<Page> {
  const { page } = await offices.start(browser, dataDir, NOW);
  await signInAs(page, 'administrator');
  return page;
}

let serial = 0;
/** A foreigner registered and arrived at a premises; left on `departedAt` when given. */
async function guest(page: Page, premisesId: string, nationality: string, arrivedAt: string, departedAt?: string, visaExpiry = '2026-12-31'): Promise<void> {
  serial++;
  const { person } = await callOk<{ person: { id: string } }>(page, 'persons.register', {
    fields: {
      surname: `GUEST${serial}`, givenNames: 'ALEX', sex: serial % 2 ? 'M' : 'F', birthDate: '1985-04-02', nationality, passportNo: `E${String(serial).padStart(8, '0')}`,
      issuingState: nationality, passportExpiry: '2031-01-01', visaType: 'EB', visaNo: '', visaExpiry, entryDate: '2026-01-02',
    },
  });
  const stay = await callOk<{ id: string }>(page, 'stays.arrive', { personId: person.id, premisesId, arrivedAt });
  if (departedAt) await callOk(page, 'stays.depart', { stayId: stay.id, departedAt });
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

test('a province with two communes synced: home figures from the data, a report to XLSX and to PDF in Khmer', async ({ browser }) => {
  test.setTimeout(900_000);
  const usb = offices.folder('banhchi-e2e-usb-');
  const folders = [0, 1, 2, 3].map(() => offices.folder());
  initOffice(folders[0]!, NOW, 'national', '00', 'National Immigration Police', 'នគរបាលអន្តោប្រវេសន៍ជាតិ');
  initOffice(folders[1]!, NOW, 'province', '12', 'Phnom Penh Immigration Police', 'នគរបាលអន្តោប្រវេសន៍រាជធានីភ្នំពេញ');
  initOffice(folders[2]!, NOW, 'commune', '120101', 'Tonle Basak police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ទន្លេបាសាក់');
  initOffice(folders[3]!, NOW, 'commune', '120201', 'Phsar Thmei police post', 'ប៉ុស្តិ៍នគរបាលរដ្ឋបាលសង្កាត់ផ្សារថ្មីទី ១');
  // One after another: four servers starting at once can time out on a loaded machine.
  const pages: Page[] = [];
  for (const folder of folders) pages.push(await start(browser, folder));
  const [national, province, communeA, communeB] = pages;

  // Keys and the signed key directory, by each office's administrator.
  const { communes: cards } = await linkOffices(national!, province!, [communeA!, communeB!]);
  await createStaff(province!, ['provincial-officer']);

  // Each commune officer registers their foreigners: some reported within 24 hours, some late, some gone this week.
  for (const commune of [communeA!, communeB!]) {
    await createStaff(commune, ['commune-officer']);
    await signInAs(commune, 'commune-officer');
    await commune.getByRole('button', { name: 'English' }).click();
  }
  const [unitA, unitB] = ['120101', '120201'];
  const hotel = await callOk<{ id: string }>(communeA!, 'premises.create', { nameLatin: 'Golden Lotus Hotel', type: 'hotel', communeCode: unitA });
  const rooms = await callOk<{ id: string }>(communeA!, 'premises.create', { nameLatin: 'Riverside Rooms', type: 'guesthouse', communeCode: unitA });
  await callOk(communeA!, 'pledge.recordSigned', { premisesId: hotel.id, signedOn: '2026-02-01', witness: 'Officer Dara' });
  await guest(communeA!, hotel.id, 'CHN', '2026-03-09T10:00');
  await guest(communeA!, hotel.id, 'CHN', '2026-03-05T08:00');
  // Visas expiring: in 15 days, and on the last day of the 30-day window.
  await guest(communeA!, rooms.id, 'VNM', '2026-02-20T08:00', undefined, '2026-03-25');
  await guest(communeA!, rooms.id, 'KOR', '2026-02-25T08:00', '2026-03-08T10:00');
  await guest(communeA!, hotel.id, 'THA', '2026-01-10T08:00', '2026-02-01T10:00');
  const factory = await callOk<{ id: string }>(communeB!, 'premises.create', { nameLatin: 'Mekong Garment Factory', type: 'factory', communeCode: unitB });
  await guest(communeB!, factory.id, 'CHN', '2026-03-10T07:00');
  await guest(communeB!, factory.id, 'VNM', '2026-02-01T08:00', undefined, '2026-04-09');
  await guest(communeB!, factory.id, 'FRA', '2026-03-01T08:00', '2026-03-09T10:00');

  // Each commune writes its bundle on the Sync screen; the province applies both.
  const bundles: string[] = [];
  for (const commune of [communeA!, communeB!]) {
    await openSync(commune);
    bundles.push(await downloadTo(commune, () => commune.getByRole('button', { name: 'Write bundle' }).click(), usb));
  }
  await signInAs(province!, 'provincial-officer');
  await province!.getByRole('button', { name: 'English' }).click();
  await openSync(province!);
  await province!.getByLabel('Bundle files').setInputFiles(bundles);
  await province!.getByRole('button', { name: 'Apply' }).click();
  await expect(province!.getByText(/bundle 1 applied/)).toHaveCount(2);

  // Counts taken straight from the province's database.
  const direct = new Database(path.join(folders[1]!, 'banhchi.db'), { readonly: true });
  direct.pragma(`cipher = 'chacha20'`);
  direct.key(Buffer.from(process.env.BANHCHI_DB_KEY as string, 'hex'));
  const count = (sql: string, ...params: unknown[]) => direct.prepare(sql).pluck().get(...params) as number;
  const stays = `FROM stay s JOIN premises p ON p.id = s.premises_id WHERE p.commune_code = ?`;
  const weekAgo = '2026-03-04';
  const monthAgo = '2026-02-09';
  const expected = (unit: string) => {
    const reported30 = count(`SELECT count(*) ${stays} AND substr(s.arrived_at, 1, 10) BETWEEN ? AND ?`, unit, monthAgo, TODAY);
    const onTime30 = count(`SELECT count(*) ${stays} AND substr(s.arrived_at, 1, 10) BETWEEN ? AND ? AND s.late = 0`, unit, monthAgo, TODAY);
    const lastBundle = direct.prepare(`SELECT max(imported_at) FROM sync_received WHERE from_office = ?`).pluck().get(unit === unitA ? cards[0]!.officeId : cards[1]!.officeId) as string;
    const day = new Date(lastBundle);
    const local = new Date(day.getTime() + 7 * 3600_000);
    return [
      count(`SELECT count(*) ${stays} AND s.departed_on IS NULL`, unit),
      count(`SELECT count(*) ${stays} AND substr(s.arrived_at, 1, 10) BETWEEN ? AND ?`, unit, weekAgo, TODAY),
      count(`SELECT count(*) ${stays} AND s.departed_on BETWEEN ? AND ?`, unit, weekAgo, TODAY),
      count(`SELECT count(*) ${stays} AND s.departed_on IS NULL AND s.late = 1`, unit),
      count(`SELECT count(*) FROM premises WHERE commune_code = ? AND status <> 'permanently_closed' AND pledge_status <> 'signed'`, unit),
      `${(Math.round((onTime30 / reported30) * 1000) / 10).toFixed(1)}%`,
      count(`SELECT count(DISTINCT s.person_id) ${stays} AND s.departed_on IS NULL AND s.person_id IN (SELECT id FROM person WHERE diplomatic = 0
        AND (passport_expiry BETWEEN ? AND date(?, '+30 days') OR visa_expiry BETWEEN ? AND date(?, '+30 days')))`, unit, TODAY, TODAY, TODAY, TODAY),
      // Shown with the office's time of day (Phnom Penh, UTC+7).
      `${local.getUTCDate()} ${EN_MONTHS[local.getUTCMonth()]} ${local.getUTCFullYear()} ${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`,
    ].map(String);
  };
  const figuresA = expected(unitA);
  const figuresB = expected(unitB);
  // What was registered: the counts are not all zero, and the two communes differ.
  expect(figuresA.slice(0, 5)).toEqual(['3', '2', '1', '2', '1']);
  expect(figuresB.slice(0, 5)).toEqual(['2', '1', '1', '1', '1']);
  expect([figuresA[6], figuresB[6]]).toEqual(['1', '1']);

  // The province's home: one row per commune of Phnom Penh; the two that sent bundles show their figures.
  await province!.getByRole('navigation').getByRole('link', { name: 'Home', exact: true }).click();
  const board = province!.getByRole('region', { name: "This office's figures" });
  const table = board.getByRole('table', { name: 'Per commune' });
  const communes = count("SELECT count(*) FROM admin_unit WHERE level = 'commune' AND retired = 0 AND id LIKE '12%'");
  await expect(table.locator('tbody tr')).toHaveCount(communes);
  const cells = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) }).getByRole('cell').allTextContents();
  await expect.poll(() => cells('Tonle Basak')).toEqual(figuresA);
  expect(await cells('Phsar Thmei Ti Muoy')).toEqual(figuresB);
  // Every other commune sent nothing.
  await expect(table.getByRole('row', { name: /^Boeng Keng Kang Ti Muoy/ }).getByRole('cell').last()).toHaveText('Never');
  // The office's own figures are the two communes' sums.
  await expect(board.getByRole('link', { name: /Foreigners staying now$/ }).first()).toContainText(String(Number(figuresA[0]) + Number(figuresB[0])));
  // Each commune office below the province: its bundle arrived today, on time (late after 7 days without one).
  const timeliness = board.getByRole('table', { name: 'Bundles from the offices below' });
  await expect(timeliness.locator('tbody tr')).toHaveCount(2);
  for (const office of ['Tonle Basak police post', 'Phsar Thmei police post']) {
    const cellsOf = await timeliness.getByRole('row', { name: new RegExp(`^${office}`) }).getByRole('cell').allTextContents();
    expect(cellsOf.slice(2)).toEqual(['Today', 'On time']);
  }
  await screenshot(province!, 'reports-province-home-en');
  await province!.getByRole('button', { name: 'ខ្មែរ' }).click();
  const timelinessKm = province!.getByRole('table', { name: 'កញ្ចប់ទិន្នន័យពីការិយាល័យថ្នាក់ក្រោម' });
  await expect(timelinessKm.getByRole('row', { name: /^Tonle Basak police post/ }).getByRole('cell').last()).toHaveText('ទាន់ពេល');
  await screenshot(province!, 'reports-province-home-km');
  await timelinessKm.screenshot({ path: path.join(REPO, 'test-results/screenshots/reports-province-bundles-km.png') });
  await province!.getByRole('button', { name: 'English' }).click();
  // The national office has had nothing from the province: never received, late.
  await national!.reload();
  await national!.getByRole('button', { name: 'English' }).click();
  const fromProvince = national!.getByRole('table', { name: 'Bundles from the offices below' }).getByRole('row', { name: /^Phnom Penh Immigration Police/ });
  await expect(fromProvince.getByRole('cell').last()).toHaveText('Never received');
  await screenshot(national!, 'reports-national-home-bundles-en');

  // A report of the province by district, saved as a spreadsheet: it reopens with the counts in the data.
  await province!.goto(`${province!.url().split('#')[0]}#/reports/foreigners-by-unit/12`);
  await expect(province!.getByRole('heading', { name: 'Foreigners staying, by administrative unit' })).toBeVisible();
  const staying = (prefix: string) => count(`SELECT count(*) FROM stay s JOIN premises p ON p.id = s.premises_id WHERE s.departed_on IS NULL AND p.commune_code LIKE ?`, `${prefix}%`);
  await expect(province!.getByRole('table').locator('tfoot td').nth(1)).toHaveText(String(staying('12')));
  const xlsx = await downloadTo(province!, () => province!.getByRole('button', { name: 'Save as spreadsheet (XLSX)' }).click(), usb);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const sheetRows: [string, number][] = [];
  for (let r = 5; r <= sheet.rowCount; r++) sheetRows.push([String(sheet.getRow(r).getCell(1).value), Number(sheet.getRow(r).getCell(2).value)]);
  const districtName = (code: string) => direct.prepare('SELECT name_en FROM admin_unit WHERE id = ?').pluck().get(code) as string;
  expect(sheetRows).toEqual(expect.arrayContaining([[districtName('1201'), staying('1201')], [districtName('1202'), staying('1202')], ['Total', staying('12')]]));
  expect(sheetRows).toHaveLength(3);
  direct.close();

  // The same report in Khmer, saved as PDF and rendered to a picture to look at.
  await province!.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(province!.getByRole('heading', { name: 'ជនបរទេសកំពុងស្នាក់នៅ តាមអង្គភាពរដ្ឋបាល' })).toBeVisible();
  await screenshot(province!, 'reports-province-by-unit-km');
  const pdf = await downloadTo(province!, () => province!.getByRole('button', { name: 'រក្សាទុកជា PDF', exact: true }).click(), usb);
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const png = path.join(REPO, 'test-results/screenshots/reports-province-by-unit-km-pdf');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
  expect(readFileSync(`${png}.png`).length).toBeGreaterThan(10_000);
  // Khmer with its English beneath, like the documents.
  const both = await downloadTo(province!, () => province!.getByRole('button', { name: 'រក្សាទុកជា PDF ជាភាសាខ្មែរ និងអង់គ្លេស' }).click(), usb);
  expect(path.basename(both)).toMatch(/-km-en\.pdf$/);
  expect(execFileSync('pdftotext', ['-layout', both, '-'], { encoding: 'utf8' })).toContain('Foreigners staying, by administrative unit');

  // The cases register's counts as a report: a raid at the factory, persons found and a suspect charged.
  await province!.getByRole('button', { name: 'English' }).click();
  await callOk(province!, 'complaints.create', { receivedAt: '2026-03-02T21:15', channel: 'hotline', premisesId: factory.id, category: 'labour_exploitation', narrative: 'Workers kept on site.' });
  const op = await callOk<{ id: string }>(province!, 'operations.create', { heldOn: '2026-03-06', kind: 'raid', leadUnit: 'Phnom Penh police', premisesId: factory.id });
  for (const [sex, declaredVictim, identifiedAs] of [['F', true, 'forced_labour'], ['F', true, null], ['M', false, null]] as const) {
    await callOk(province!, 'operations.addPerson', { operationId: op.id, found: { how: 'described', described: 'worker', sex, nationality: 'VNM' }, declaredVictim, identifiedAs, noReturn: false });
  }
  await callOk(province!, 'operations.addSuspect', { operationId: op.id, name: 'Site manager', sex: 'M', nationality: 'CHN', chargedOn: '2026-03-07' });
  await province!.goto(`${province!.url().split('#')[0]}#/reports/victims`);
  await expect(province!.getByRole('heading', { name: 'Victims declared and identified, by sex' })).toBeVisible();
  const victims = province!.getByRole('table');
  // Persons found, declared, identified.
  await expect(victims.getByRole('row', { name: /^Female/ }).getByRole('cell')).toHaveText(['2', '2', '1']);
  await expect(victims.getByRole('row', { name: /^Male/ }).getByRole('cell')).toHaveText(['1', '0', '0']);
  await expect(province!.getByRole('list', { name: 'Cases' }).getByRole('link')).toHaveCount(4);
  await screenshot(province!, 'reports-victims-en');
  await province!.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(province!.getByRole('heading', { name: 'ជនរងគ្រោះដែលបានប្រកាស និងបានកំណត់អត្តសញ្ញាណ តាមភេទ' })).toBeVisible();
  await expect(victims.getByRole('row', { name: /^ស្រី/ }).getByRole('cell')).toHaveText(['២', '២', '១']);
  await screenshot(province!, 'reports-victims-km');
  await province!.getByRole('link', { name: 'យុទ្ធនាការ៖ សេចក្តីប្រកាសដែលបានទទួល និងទាន់ពេល' }).click();
  await expect(province!.getByText('គ្មានកំណត់ត្រាត្រូវនឹងលក្ខខណ្ឌទាំងនេះទេ។').first()).toBeVisible();
});
