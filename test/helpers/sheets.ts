import { createWriteStream, writeFileSync } from 'node:fs';
import { Zip, ZipDeflate, strToU8, zipSync } from 'fflate';

/** Test and benchmark sheets: CSV text and minimal XLSX workbooks, small or streamed. */

export const PERSON_HEADERS = [
  'Surname', 'Given names', 'Sex', 'Date of birth', 'Nationality', 'Passport No.', 'Passport expiry', 'Visa type', 'Room', 'Arrival date',
];

const NATIONALITIES = ['CHN', 'VNM', 'THA', 'KOR', 'FRA', 'D', 'USA', 'PHL'];
const SURNAMES = ['WANG', 'NGUYEN', 'SMITH', 'KIM', 'DUPONT', 'MUELLER', 'SANTOS', 'CHAN'];
const GIVEN = ['LI', 'ANH', 'JOHN', 'MIN JUN', 'MARIE', 'HANS PETER', 'MARIA', 'WEI'];

/** A valid row number `i` (distinct passports). */
export function personRow(i: number): string[] {
  const year = 1960 + (i % 40);
  const month = String(1 + (i % 12)).padStart(2, '0');
  const day = String(1 + (i % 28)).padStart(2, '0');
  // A distinct surname per row (base-26 of i), so generated rows are not possible duplicates of each other.
  let tag = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) tag = String.fromCharCode(65 + ((n - 1) % 26)) + tag;
  return [
    `${SURNAMES[i % SURNAMES.length] ?? 'X'} ${tag}`, GIVEN[(i * 7) % GIVEN.length] ?? '', i % 2 ? 'F' : 'M', `${year}-${month}-${day}`,
    NATIONALITIES[i % NATIONALITIES.length] ?? 'CHN', `P${String(i).padStart(8, '0')}`, '2031-06-30', 'EB', String(100 + (i % 300)),
    `2026-0${1 + (i % 9)}-1${i % 10}`,
  ];
}

function csvCell(value: string): string {
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(rows: string[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function xmlEscape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function column(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells as shared strings (`s`) or inline strings; numbers-looking cells stay numbers when `numbers` is set. */
function rowXml(cells: string[], r: number, shared?: Map<string, number>): string {
  const out = cells.map((value, c) => {
    const ref = `${column(c)}${r}`;
    if (shared) {
      let index = shared.get(value);
      if (index === undefined) shared.set(value, (index = shared.size));
      return `<c r="${ref}" t="s"><v>${index}</v></c>`;
    }
    return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
  });
  return `<row r="${r}">${out.join('')}</row>`;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Foreigners" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_OPEN = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_CLOSE = '</sheetData></worksheet>';

/** A small workbook in memory, with a shared-string table (as spreadsheet programs write it). */
export function writeXlsx(file: string, rows: string[][]): void {
  const shared = new Map<string, number>();
  const sheet = SHEET_OPEN + rows.map((r, i) => rowXml(r, i + 1, shared)).join('') + SHEET_CLOSE;
  const strings = [...shared.keys()].map((s) => `<si><t xml:space="preserve">${xmlEscape(s)}</t></si>`).join('');
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.size}" uniqueCount="${shared.size}">${strings}</sst>`;
  writeFileSync(file, zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES), '_rels/.rels': strToU8(ROOT_RELS), 'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS), 'xl/sharedStrings.xml': strToU8(sst), 'xl/worksheets/sheet1.xml': strToU8(sheet),
  }));
}

/** A large workbook streamed to disk with inline strings: `rows(i)` for i in 0..count-1 after the header. */
export async function writeXlsxStream(file: string, header: string[], count: number, rows: (i: number) => string[]): Promise<void> {
  const out = createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const zip = new Zip((error, data, final) => {
    if (error) throw error;
    out.write(data);
    if (final) out.end();
  });
  const add = (name: string, text: string) => {
    const entry = new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  add('[Content_Types].xml', CONTENT_TYPES);
  add('_rels/.rels', ROOT_RELS);
  add('xl/workbook.xml', WORKBOOK);
  add('xl/_rels/workbook.xml.rels', WORKBOOK_RELS.replace(/<Relationship Id="rId2"[^>]*\/>/, ''));
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
  zip.add(sheet);
  sheet.push(strToU8(SHEET_OPEN + rowXml(header, 1)));
  for (let i = 0; i < count; i += 1000) {
    let chunk = '';
    for (let j = i; j < Math.min(count, i + 1000); j++) chunk += rowXml(rows(j), j + 2);
    sheet.push(strToU8(chunk));
    await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.push(strToU8(SHEET_CLOSE), true);
  zip.end();
  await done;
}
