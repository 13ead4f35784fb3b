import ExcelJS from 'exceljs';
import type { ReportResult } from '../../../shared/contract/reports.js';
import { nationalityName } from '../../../shared/display.js';
import { createI18n } from '../../../shared/i18n/index.js';
import { reportDefinition } from '../../../shared/reports/index.js';
import { reportScope, reportTitle, tableModels } from '../../../shared/reports/format.js';
import type { Cell } from '../../../shared/reports/types.js';

type Language = 'en' | 'km';

function models(result: ReportResult, language: Language) {
  const definition = reportDefinition(result.name);
  if (!definition) throw new Error(`unknown report ${result.name}`);
  const { t } = createI18n(language);
  return { t, definition, tables: tableModels(t, definition, result, language), title: reportTitle(t, result.name), scope: reportScope(t, result, language, (c) => nationalityName(c, language)) };
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const plain = (cell: Cell) => (cell === null ? '' : String(cell));

/** CSV for other programs: plain digits and dot decimals, labels in the language; tables one after another. */
export function reportCsv(result: ReportResult, language: Language): string {
  const { t, tables, title, scope } = models(result, language);
  const lines: string[] = [csvField(title), csvField(scope)];
  for (const table of tables) {
    lines.push('', csvField(table.title), table.headings.map(csvField).join(','));
    for (const row of table.rows) lines.push([row.label, ...row.cells.map(plain)].map(csvField).join(','));
    if (table.total) lines.push([t('reports.total' as never) as unknown as string, ...table.total.map(plain)].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Sheet names: at most 31 characters, none of `[]:*?/\`, unique in the book. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28).trim() || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} ${i}`;
  taken.add(name);
  return name;
}

/**
 * A real spreadsheet: one sheet per table, title and scope above it, bold headings, numbers as
 * numbers (grouped), shares as percentages, the total row bold, columns wide enough for Khmer.
 */
export async function reportXlsx(result: ReportResult, language: Language): Promise<Buffer> {
  const { t, tables, title, scope } = models(result, language);
  const book = new ExcelJS.Workbook();
  book.creator = 'Banhchi';
  book.title = title;
  const taken = new Set<string>();
  const font = language === 'km' ? 'Khmer OS Siemreap' : 'Calibri';
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 4 }] });
    sheet.addRow([title]).font = { name: font, bold: true, size: 14 };
    sheet.addRow([scope]).font = { name: font, italic: true };
    sheet.addRow([tables.length > 1 ? table.title : '']).font = { name: font, bold: true };
    const head = sheet.addRow(table.headings);
    head.font = { name: font, bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE5E7EB' } };
      c.border = { bottom: { style: 'thin' } };
      c.alignment = { wrapText: true, vertical: 'middle' };
    });
    const kinds = table.definition.columns.map((c) => c.kind);
    for (const row of table.rows) sheet.addRow([row.label, ...row.cells]).font = { name: font };
    if (table.total) {
      const total = sheet.addRow([t('reports.total' as never) as unknown as string, ...table.total]);
      total.font = { name: font, bold: true };
      total.eachCell((c) => (c.border = { top: { style: 'thin' } }));
    }
    sheet.getColumn(1).width = Math.min(50, Math.max(18, ...table.rows.map((r) => r.label.length + 2)));
    kinds.forEach((kind, i) => {
      const column = sheet.getColumn(i + 2);
      column.width = Math.max(14, Math.min(30, (table.headings[i + 1]?.length ?? 10) + 2));
      column.numFmt = kind === 'share' ? '0.0%' : kind === 'count' ? '#,##0' : '@';
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
