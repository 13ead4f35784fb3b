import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

function section(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function registerPremises(page: Page, nameLatin: string, nameKm: string): Promise<void> {
  await section(page, 'Premises');
  await page.getByRole('button', { name: 'Register premises' }).click();
  const form = page.getByRole('form', { name: 'Register premises' });
  await form.getByLabel('Name (Latin)').fill(nameLatin);
  await form.getByLabel('Name (Khmer)').fill(nameKm);
  await form.getByLabel('Type').selectOption({ label: 'Guesthouse' });
  await form.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await form.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await form.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await form.getByLabel('Village').fill('Phum 3');
  await form.getByLabel('Street').fill('Street 308');
  await form.getByLabel('House number').fill('12B');
  await form.getByLabel('Rooms').fill('14');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(nameLatin) })).toBeVisible();
}

/** Types both MRZ lines as a reader does (each line then Enter). */
async function typeMrz(page: Page, lines: { line1: string; line2: string }): Promise<void> {
  const box = page.getByLabel('Passport MRZ (two lines, then Enter)');
  await box.click();
  await page.keyboard.type(`${lines.line1}\n${lines.line2}`);
  await page.keyboard.press('Enter');
}

async function registerByMrz(page: Page, person: Td3Input): Promise<void> {
  await section(page, 'Foreigners');
  await page.getByRole('button', { name: 'Register foreigner' }).click();
  await typeMrz(page, buildTd3(person));
  await expect(page.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await page.getByRole('button', { name: 'Save' }).click();
}

test('register a premises and its owner; the premises list and page in English and Khmer', async ({ app }) => {
  await setUpCommuneOffice(app);
  await registerPremises(app, 'Mekong Breeze Guesthouse', 'ផ្ទះសំណាក់ខ្យល់មេគង្គ');
  const particulars = app.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText('Guesthouse');
  await expect(particulars).toContainText('12B, Street 308, Phum 3, Tonle Basak');
  await app.getByRole('button', { name: 'Add owner or manager' }).click();
  const owner = app.getByRole('form', { name: 'Register owner or manager' });
  await owner.getByLabel('Surname (as in MRZ)').fill('CHAN');
  await owner.getByLabel('Given names').fill('SOKHA');
  await owner.getByLabel('Name in Khmer').fill('ចាន់ សុខា');
  await owner.getByLabel('Identity document').selectOption({ label: 'Khmer ID card' });
  await owner.getByLabel('Document number').fill('010203040');
  await owner.getByLabel('Role').selectOption({ label: 'Manager' });
  await owner.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('region', { name: 'Owners and managers' })).toContainText('CHAN SOKHA');
  await expect(app.getByRole('region', { name: 'Owners and managers' })).toContainText('Manager');
  await screenshot(app, 'premises-page-en');

  await section(app, 'Premises');
  const list = app.getByRole('list', { name: 'Premises list' });
  await expect(list.getByRole('link', { name: /Mekong Breeze Guesthouse/ })).toBeVisible();
  await screenshot(app, 'premises-list-en');

  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'ទីតាំង' })).toBeVisible();
  await screenshot(app, 'premises-list-km');
  await app.getByRole('list').getByRole('link', { name: /Mekong Breeze Guesthouse/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: /ផ្ទះសំណាក់ខ្យល់មេគង្គ/ })).toBeVisible();
  await expect(app.getByRole('region', { name: 'ម្ចាស់ និងអ្នកគ្រប់គ្រង' })).toContainText('ចាន់ សុខា');
  await screenshot(app, 'premises-page-km');
});

async function registerEmployer(page: Page, nameLatin: string, total: string, cambodian: string): Promise<void> {
  await section(page, 'Foreigners');
  await page.getByRole('button', { name: 'Employers' }).click();
  await page.getByRole('button', { name: 'Register employer' }).click();
  const form = page.getByRole('form', { name: 'Register employer' });
  await form.getByLabel('Name (Latin)').fill(nameLatin);
  await form.getByLabel('Registration number').fill('MOC-00012345');
  await form.getByLabel('Sector').fill('Construction');
  await form.getByLabel('Province', { exact: true }).selectOption({ label: 'Phnom Penh Capital' });
  await form.getByLabel('District', { exact: true }).selectOption({ label: 'Chamkar Mon Khan' });
  await form.getByLabel('Commune', { exact: true }).selectOption({ label: 'Tonle Basak Sangkat' });
  await form.getByLabel('Total workforce').fill(total);
  await form.getByLabel('Cambodian staff').fill(cambodian);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: nameLatin })).toBeVisible();
}

test('register a foreigner by MRZ with a bad check digit caught on its field, record a stay and an employment, find the person', async ({ app }) => {
  await setUpCommuneOffice(app);
  await registerPremises(app, 'Mekong Breeze Guesthouse', 'ផ្ទះសំណាក់ខ្យល់មេគង្គ');
  await registerEmployer(app, 'Golden Tower Construction', '200', '170');

  // The reader misreads the passport number: 8 read as B; the check digit catches it on the passport number field.
  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Register foreigner' }).click();
  const { line1, line2 } = buildTd3(LI_WEI);
  await typeMrz(app, { line1, line2: `E1234567B${line2.slice(9)}` });
  const form = app.getByRole('form', { name: 'Register foreigner' });
  await expect(form.getByRole('status')).toHaveText('The MRZ has errors. Check the flagged fields.');
  const passportNo = form.getByLabel('Passport number');
  await expect(passportNo).toHaveValue('E1234567B');
  await expect(passportNo).toHaveAttribute('aria-invalid', 'true');
  await expect(passportNo).toHaveAccessibleDescription(/Check digit of passport number fails \(expected \d, found \d\)/);
  await expect(form.getByLabel('Date of birth')).not.toHaveAttribute('aria-invalid', 'true');
  await screenshot(app, 'register-mrz-flagged-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'ចុះបញ្ជីជនបរទេស' })).toBeVisible();
  await screenshot(app, 'register-mrz-flagged-km');
  await app.getByRole('button', { name: 'English' }).click();
  // Saving a misread MRZ is refused.
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByRole('alert').last()).toBeVisible();
  await expect(app).toHaveURL(/#\/foreigners\/new$/);
  // The suggested fix B → 8 makes every check digit pass.
  await form.getByRole('button', { name: 'Did you mean B → 8 at position 9?' }).first().click();
  await expect(form.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await expect(passportNo).toHaveValue('E12345678');
  await expect(passportNo).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Surname (as in MRZ)')).toHaveValue('LI');
  await expect(form.getByLabel('Given names')).toHaveValue('WEI MING');
  // Dates shown day first, as written in Cambodia, read back in words beneath.
  await expect(form.getByLabel('Date of birth')).toHaveValue('14/03/1988');
  await expect(form.getByLabel('Passport expiry')).toHaveValue('30/06/2031');
  await expect(form.getByText('Read as 14 March 1988')).toBeVisible();
  await form.getByLabel('Name in Khmer').fill('លី វ៉ីមីង');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status')).toHaveText('Registered.');
  await expect(app.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();

  // A stay at the premises.
  await app.getByRole('button', { name: 'Record arrival' }).click();
  const stay = app.getByRole('form', { name: 'Record arrival' });
  await stay.getByLabel('Search').fill('Mekong');
  await stay.getByRole('combobox', { name: 'Premises' }).selectOption({ label: 'Mekong Breeze Guesthouse (ផ្ទះសំណាក់ខ្យល់មេគង្គ)' });
  await stay.getByLabel('Room').fill('204');
  await stay.getByLabel('Arrival date').fill('2026-11-19');
  await stay.getByLabel('Arrival time').fill('14:05');
  await stay.getByRole('button', { name: 'Save' }).click();
  const stays = app.getByRole('region', { name: 'Stays' });
  const row = stays.getByRole('row').filter({ hasText: 'Mekong Breeze Guesthouse' });
  await expect(row).toContainText('204');
  await expect(row).toContainText('19 November 2026 14:05');
  await expect(row).toContainText('staying');

  // An employment with the employer.
  await app.getByRole('button', { name: 'Record employment' }).click();
  const job = app.getByRole('form', { name: 'Record employment' });
  await job.getByLabel('Search').fill('Golden');
  await job.getByRole('combobox', { name: 'Employer' }).selectOption({ label: 'Golden Tower Construction' });
  await job.getByLabel('Job title').fill('Site engineer');
  await job.getByLabel('Start date').fill('2026-11-01');
  await job.getByLabel('Work permit number').fill('WP-2026-4411');
  await job.getByLabel('Work permit expiry').fill('2027-10-31');
  await job.getByRole('button', { name: 'Save' }).click();
  const employment = app.getByRole('region', { name: 'Employment' });
  await expect(employment).toContainText('Golden Tower Construction · Site engineer · 1 November 2026 → now');
  await expect(employment).toContainText('Valid work permit');
  await screenshot(app, 'person-page-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('region', { name: 'ការងារ' })).toContainText('Golden Tower Construction');
  await screenshot(app, 'person-page-km');
  await app.getByRole('button', { name: 'English' }).click();

  // Find the person by a partial name (any order, prefixes) and by passport number.
  await section(app, 'Foreigners');
  const search = app.getByRole('searchbox', { name: 'Search' });
  const results = app.getByRole('list', { name: 'Search results' });
  await search.fill('ming li');
  await expect(results.getByRole('link', { name: /LI WEI MING/ })).toBeVisible();
  await search.fill('E12345678');
  await expect(results.getByRole('link', { name: /LI WEI MING/ })).toBeVisible();
  await search.fill('wei mi');
  await expect(results.getByRole('link', { name: /LI WEI MING/ })).toBeVisible();
  await screenshot(app, 'foreigners-search-en');
  // …and in the Khmer UI, by Khmer name and passport number.
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  const searchKm = app.getByRole('searchbox', { name: 'ស្វែងរក' });
  const resultsKm = app.getByRole('list', { name: 'លទ្ធផលស្វែងរក' });
  await searchKm.fill('វ៉ីមីង');
  await expect(resultsKm.getByRole('link', { name: /LI WEI MING/ })).toBeVisible();
  await searchKm.fill('E1234');
  await expect(resultsKm.getByRole('link', { name: /LI WEI MING/ })).toBeVisible();
  await searchKm.fill('li wei');
  await resultsKm.getByRole('link', { name: /LI WEI MING/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: /LI WEI MING/ })).toBeVisible();
  await screenshot(app, 'foreigners-search-km');
});

test('a duplicate registration opens the existing person; a possible duplicate is reviewed side by side and merged', async ({ app }) => {
  await setUpCommuneOffice(app);
  await registerByMrz(app, LI_WEI);
  await expect(app.getByRole('status')).toHaveText('Registered.');
  const first = app.url().replace(/\/created$/, '');

  // Same nationality, passport number and birth date: the existing person opens, nothing new is made.
  await registerByMrz(app, LI_WEI);
  await expect(app.getByRole('status')).toHaveText('This person is already registered; the existing record is shown.');
  expect(app.url().replace(/\/existing$/, '')).toBe(first);

  // Same names and birth date, passport number differing only by O/0: queued for review.
  await registerByMrz(app, NGUYEN);
  await expect(app.getByRole('status')).toHaveText('Registered.');
  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Register foreigner' }).click();
  await typeMrz(app, buildTd3({ ...NGUYEN, documentNumber: 'C0012345', expiryDate: '2034-02-20' }));
  await expect(app.getByRole('status')).toHaveText('MRZ read: every check digit is correct.');
  await app.getByLabel('Phone').fill('+855 12 345 678');
  await app.getByRole('button', { name: 'Save' }).click();
  // Same names, birth date and nationality, another passport: offered as a renewal; the officer says it is someone else.
  await app.getByRole('region', { name: 'Passport scanned again' }).getByRole('button', { name: 'Not the same person: register separately' }).click();
  await expect(app.getByRole('status')).toHaveText('Possible duplicates were found and queued for review.');

  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Possible duplicates' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
  const queue = app.getByRole('listitem').filter({ hasText: 'NGUYEN THI HOA' });
  await expect(queue).toContainText('C0O12345 / C0012345');
  await screenshot(app, 'duplicates-list-en');
  await queue.first().getByRole('button', { name: 'Review side by side' }).click();
  const table = app.getByRole('table', { name: 'Review side by side' });
  await expect(table.getByRole('row', { name: /Passport number/ })).toContainText('C0O12345');
  await expect(table.getByRole('row', { name: /Passport number/ })).toContainText('C0012345');
  await expect(table.getByRole('row', { name: /Date of birth/ })).toContainText('1995-11-02');
  await expect(table.getByRole('row', { name: /Diplomatic status/ })).toContainText('NoNo');
  // The passport number stays with each record; other differing values can be taken from record B.
  await expect(table.getByRole('row', { name: /Passport number/ }).getByRole('checkbox')).toHaveCount(0);
  await expect(app.getByLabel('Record to keep')).toHaveValue('a');
  await table.getByRole('row', { name: /Phone/ }).getByRole('checkbox', { name: 'Take this value' }).check();
  await screenshot(app, 'duplicates-review-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'កំណត់ត្រាដែលអាចស្ទួនគ្នា' })).toBeVisible();
  await screenshot(app, 'duplicates-review-km');
  await app.getByRole('button', { name: 'English' }).click();
  await app.getByRole('button', { name: 'Merge into kept record' }).click();
  await expect(app.getByRole('heading', { level: 1, name: /NGUYEN THI HOA/ })).toBeVisible();
  const particulars = app.getByRole('region', { name: 'Particulars' });
  await expect(particulars).toContainText('+855 12 345 678');
  await expect(app.getByRole('region', { name: 'History' })).toContainText('Phone: — → +855 12 345 678');

  // The queue is empty, and one NGUYEN THI HOA remains in the list.
  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Possible duplicates' }).click();
  await expect(app.getByText('No possible duplicates to review.')).toBeVisible();
  await section(app, 'Foreigners');
  await expect(app.getByRole('list', { name: 'Foreigners list' }).getByRole('link', { name: /NGUYEN THI HOA/ })).toHaveCount(1);
});

test('a spreadsheet with bad rows is rejected with their row numbers and nothing is stored', async ({ app }, testInfo) => {
  await setUpCommuneOffice(app);
  mkdirSync(testInfo.outputDir, { recursive: true });
  const file = path.join(testInfo.outputDir, 'guests.csv');
  writeFileSync(file, [
    'Surname,Given names,Sex,Date of birth,Nationality,Passport number,Passport expiry',
    'TRAN,VAN AN,M,1990-05-06,VNM,B1234567,2030-05-05',
    'WANG,FANG,F,1987-02-30,CHN,EA7654321,2029-01-01',
    'SMITH,JOHN,M,1979-09-09,XYZ,533123456,2031-03-03',
    'KIM,MIN JUN,M,1992-12-12,KOR,,2030-10-10',
    'SATO,YUKI,F,1994-04-04,JPN,TR1234567,2032-04-04',
  ].join('\n'));
  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Import spreadsheet' }).click();
  await app.getByLabel('Spreadsheet file (CSV or XLSX)').setInputFiles(file);
  const preview = app.getByRole('table', { name: 'First rows' });
  await expect(preview).toContainText('WANG');
  await expect(app.getByLabel('Column for Passport number')).toHaveValue('5');
  await app.getByRole('button', { name: 'Import', exact: true }).click();
  const alert = app.getByRole('alert');
  await expect(alert).toContainText('3 of 5 rows have problems. Nothing was imported.');
  await expect(alert).toContainText('Row 3: Date of birth');
    await expect(alert).toContainText(/Row 4: refused \(Nationality “XYZ” is not an ICAO nationality code/);
  await expect(alert).toContainText('Row 5: Passport number is missing.');
  await expect(alert).not.toContainText('Row 2');
  await expect(alert).not.toContainText('Row 6');
  await screenshot(app, 'import-rejected-en');
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'នាំចូលជនបរទេសពីសៀវភៅបញ្ជី' })).toBeVisible();
  await screenshot(app, 'import-rejected-km');
  await app.getByRole('button', { name: 'English' }).click();

  // Nothing stored: the good rows were not imported either.
  await section(app, 'Foreigners');
  await expect(app.getByRole('heading', { level: 1, name: 'Foreigners' })).toBeVisible();
  await expect(app.getByRole('list', { name: 'Foreigners list' }).getByRole('listitem')).toHaveCount(0);
  await app.getByRole('searchbox', { name: 'Search' }).fill('TRAN');
  await expect(app.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(0);
});

test('employers: register, edit the workforce, see the foreign share against the 10% cap, over-cap highlighted', async ({ app }) => {
  await setUpCommuneOffice(app);
  await registerEmployer(app, 'Golden Tower Construction', '200', '170');
  // 30 of 200 declared foreign: 15%, over the cap (the form says so before saving, too).
  const share = app.getByRole('region', { name: 'Foreign share' });
  await expect(share).toContainText('30 declared · 0 in the register');
  await expect(share).toContainText('15% (cap 10%) · Over the 10% cap');
  await screenshot(app, 'employer-page-en');
  const form = app.getByRole('form', { name: 'Edit employer' });
  await form.getByLabel('Cambodian staff').fill('250');
  await expect(form.getByLabel('Cambodian staff')).toHaveAccessibleDescription('The Cambodian staff cannot be more than the total workforce.');
  await expect(form.getByRole('button', { name: 'Save' })).toBeDisabled();
  await form.getByLabel('Cambodian staff').fill('185');
  await expect(form.getByRole('note')).toHaveText('Declared foreign share: 7.5% of 200 workers (cap 10%) · Within the cap');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(app.getByRole('status')).toHaveText('Saved.');
  await expect(share).toContainText('7.5% (cap 10%) · Within the cap');
  await registerEmployer(app, 'Angkor Garment Factory', '1000', '980');

  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Employers' }).click();
  const table = app.getByRole('table', { name: 'Employers list' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await registerEmployer(app, 'Lucky Star Casino', '40', '20');
  await section(app, 'Foreigners');
  await app.getByRole('button', { name: 'Employers' }).click();
  const casino = table.getByRole('row', { name: /Lucky Star Casino/ });
  await expect(casino).toContainText('50% (cap 10%) · Over the 10% cap');
  await expect(casino).toHaveClass(/over-cap/);
  await expect(table.getByRole('row', { name: /Angkor Garment Factory/ })).toContainText('2% (cap 10%) · Within the cap');
  await screenshot(app, 'employers-list-en');
  await app.getByLabel('Only employers over the cap').check();
  await expect(table.getByRole('row')).toHaveCount(2);
  await app.getByRole('button', { name: 'ខ្មែរ' }).click();
  await app.getByLabel('តែនិយោជកដែលលើសកម្រិត').uncheck();
  const tableKm = app.getByRole('table', { name: 'បញ្ជីនិយោជក' });
  await expect(tableKm.getByRole('row')).toHaveCount(4);
  await expect(tableKm.getByRole('row', { name: /Lucky Star Casino/ })).toContainText('៥០% (កម្រិត ១០%)');
  await screenshot(app, 'employers-list-km');
});
