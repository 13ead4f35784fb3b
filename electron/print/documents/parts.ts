import { khmerPlaceDateLine } from '../../../shared/khmer.js';
import { GREY, type Composer, type TextOptions } from '../compose.js';
import { dateIn, languagesOf, tr, type Params } from '../strings.js';
import type { OfficeInfo, Place } from './types.js';

/** Pieces every document uses: authority block, title, field rows, tables, place-and-date line. */

/** Issuing authority at top left with the document number beneath; the cursor moves below it. */
/** `docNo`: the number, null for a document not numbered yet (dotted), undefined for one without a number line. */
export function authority(c: Composer, office: OfficeInfo, docNo: string | null | undefined, top: number, share = 0.3): void {
  let y = top;
  const width = c.width * share;
  for (const [i, name] of officeNames(office, c.mode).entries()) {
    y += c.textAt(name, y, { face: 'kmBold', size: i === 0 ? 8.5 : 7.5, width, align: 'center' });
  }
  if (docNo !== undefined) {
    const number = (l: 'km' | 'en') => (docNo === null ? tr(l, 'notNumbered') : l === 'km' ? toKm(docNo) : docNo);
    const labels = languagesOf(c.mode).map((l) => tr(l, 'docNo', { number: number(l) }));
    const style = { size: 8.5, width, align: 'center' } as const;
    // Both languages on one line when it fits; a longer number (`INS/12/2026/00001`) gets a line per language, never broken.
    const oneLine = labels.join('   ');
    const lines = c.layout(oneLine, style).lines.length === 1 ? [oneLine] : labels;
    for (const line of lines) y += c.textAt(line, y, style);
  }
  c.y = Math.max(c.y, y);
}

/** The office's name in each language the document prints, Khmer first; one name when both are the same or one is missing. */
export function officeNames(office: OfficeInfo, mode: Composer['mode']): string[] {
  const names = languagesOf(mode).map((language) => (language === 'km' ? office.nameKm || office.name : office.name || office.nameKm));
  return [...new Set(names.filter(Boolean))];
}

function toKm(value: string): string {
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
}

/** Centred title in Moul (Khmer) and bold (English), with a subtitle. */
export function title(c: Composer, key: string, params: Params = {}): void {
  const centre: TextOptions = { align: 'center', x: c.left, width: c.width };
  c.y += 2;
  for (const [i, language] of languagesOf(c.mode).entries()) {
    const face = language === 'km' ? 'moul' : 'kmBold';
    c.text(tr(language, `${key}.title`, params), { ...centre, face, size: i === 0 ? 14 : 10.5 });
  }
  for (const [i, language] of languagesOf(c.mode).entries()) {
    c.text(tr(language, `${key}.subtitle`, params), { ...centre, size: i === 0 ? 9.5 : 8, color: i === 0 ? 'black' : GREY });
  }
  c.y += 2;
}

/** A section heading: bold Khmer / English on one line. */
export function section(c: Composer, key: string, params: Params = {}): void {
  const text = languagesOf(c.mode).map((l) => tr(l, key, params)).join(' / ');
  c.ensure(60);
  c.y += 2;
  c.text(text, { face: 'kmBold', size: 10 });
}

export interface Cell {
  labelKey: string;
  value: string;
}

/** A row of label-and-value cells side by side (particulars in two columns); the cursor moves below the tallest. */
export function fieldRow(c: Composer, cells: Cell[], options: { labelWidth?: number; gap?: number } = {}): void {
  const x0 = c.left + 6;
  const gap = options.gap ?? 12;
  const width = (c.right - x0 - gap * (cells.length - 1)) / cells.length;
  const labelWidth = options.labelWidth ?? (cells.length > 1 ? (c.mode === 'km+en' ? 104 : 72) : c.mode === 'km+en' ? 104 : 72);
  const heights = cells.map((cell) => fieldHeight(c, cell, width, labelWidth));
  const height = Math.max(...heights);
  c.ensure(height);
  const top = c.y;
  cells.forEach((cell, i) => {
    c.y = top;
    field(c, cell.labelKey, cell.value, { x: x0 + i * (width + gap), width, labelWidth });
  });
  c.y = top + height;
}

const LABEL_SIZE = 7.5;
const VALUE_SIZE = 9.5;

/** A field's label in the document's languages, each ending as that language writes labels: `ឈ្មោះ៖ / Name:`. */
export function labelOf(c: Composer, key: string): string {
  return languagesOf(c.mode).map((l) => `${tr(l, key)}${l === 'km' ? '៖' : ':'}`).join(' / ');
}

function fieldHeight(c: Composer, cell: Cell, width: number, labelWidth: number): number {
  const label = labelOf(c, cell.labelKey);
  const labelHeight = c.layout(label, { size: LABEL_SIZE, width: labelWidth - 4 }).height;
  const valueHeight = cell.value ? c.layout(cell.value, { size: VALUE_SIZE, width: width - labelWidth }).height : 14;
  return Math.max(labelHeight, valueHeight);
}

/** A label (both languages, stacked) and a value beside it. */
export function field(c: Composer, labelKey: string, value: string, options: { x?: number; width?: number; labelWidth?: number } = {}): void {
  const x = options.x ?? c.left + 10;
  const width = options.width ?? c.right - x;
  const labelWidth = options.labelWidth ?? (c.mode === 'km+en' ? 150 : 110);
  const height = fieldHeight(c, { labelKey, value }, width, labelWidth);
  c.ensure(height);
  const top = c.y;
  const label = labelOf(c, labelKey);
  c.textAt(label, top + 1.5, { size: LABEL_SIZE, x, width: labelWidth - 4, color: '#333333' });
  if (value) c.textAt(value, top, { size: VALUE_SIZE, x: x + labelWidth, width: width - labelWidth });
  else dots(c, x + labelWidth, top + 12, x + width);
  c.y = top + height;
}

/** A dotted line to write on by hand. */
export function dots(c: Composer, x1: number, y: number, x2: number): void {
  c.doc.save().lineWidth(0.5).strokeColor('#777777').dash(1, { space: 2 }).moveTo(x1, y).lineTo(x2, y).stroke().restore();
}

/** Khmer text and its English, joined for one cell: `ខ្មែរ / English` or just one by mode. */
export function both(c: Composer, km: string, en: string): string {
  if (c.mode === 'km') return km || en;
  if (c.mode === 'en') return en || km;
  return km && en && km !== en ? `${km}\n${en}` : km || en;
}

/** The place-and-date line in one language: `ធ្វើនៅ… ថ្ងៃទី… ខែ… ឆ្នាំ…` or `Done at …, on …`. */
export function placeDateLine(language: 'km' | 'en', place: Place, isoDate: string): string {
  return language === 'km' ? khmerPlaceDateLine(place.km, isoDate) : tr('en', 'placeDate', { place: place.latin, date: dateIn('en', isoDate) });
}

/** The place-and-date line: `ធ្វើនៅ… ថ្ងៃទី… ខែ… ឆ្នាំ…` and/or its English, right-aligned block. */
export function placeDate(c: Composer, place: Place, isoDate: string, x: number, width: number): void {
  for (const [i, language] of languagesOf(c.mode).entries()) {
    const text = placeDateLine(language, place, isoDate);
    c.y += c.textAt(text, c.y, { x, width, align: 'center', size: i === 0 ? 9.5 : 8, color: i === 0 ? 'black' : GREY });
  }
}

export interface Column {
  key: string;
  width: number;
}

interface TableLayout {
  widths: number[];
  pad: number;
  size: number;
  header: string[];
  heightOf: (cells: string[], size: number, bold?: boolean) => number;
}

function tableLayout(c: Composer, columns: Column[], options: { minRowHeight?: number; size?: number; pad?: number }): TableLayout {
  const size = options.size ?? 8.5;
  const total = columns.reduce((sum, col) => sum + col.width, 0);
  const scale = c.width / total;
  const widths = columns.map((col) => col.width * scale);
  const pad = options.pad ?? 2.5;
  const header = columns.map((col) => languagesOf(c.mode).map((l) => tr(l, col.key)).join('\n'));
  const heightOf = (cells: string[], s: number, bold = false) =>
    Math.max(bold ? 0 : (options.minRowHeight ?? 0), ...cells.map((cell, i) => c.layout(cell, { size: s, width: widths[i]! - 2 * pad, face: bold ? 'kmBold' : 'km' }).height + 2 * pad));
  return { widths, pad, size, header, heightOf };
}

/** Height a table takes when it fits on the page (header and every row). */
export function tableHeight(c: Composer, columns: Column[], rows: string[][], options: { minRowHeight?: number; size?: number; pad?: number } = {}): number {
  const t = tableLayout(c, columns, options);
  return t.heightOf(t.header, t.size - 0.5, true) + rows.reduce((sum, row) => sum + t.heightOf(row, t.size), 0);
}

/** A table with a header row in both languages, wrapped cells and the header again on each new page. */
export function table(
  c: Composer,
  columns: Column[],
  rows: string[][],
  options: { minRowHeight?: number; size?: number; pad?: number; keepLastRowWith?: number } = {},
): void {
  const { widths, pad, size, header, heightOf } = tableLayout(c, columns, options);
  const drawRow = (cells: string[], s: number, shade: boolean) => {
    const h = heightOf(cells, s, shade);
    let x = c.left;
    if (shade) c.doc.save().rect(c.left, c.y, c.width, h).fill('#eeeeee').restore();
    cells.forEach((cell, i) => {
      c.box(x, c.y, widths[i]!, h, 0.5);
      c.textAt(cell, c.y + pad, { size: s, x: x + pad, width: widths[i]! - 2 * pad, face: shade ? 'kmBold' : 'km' });
      x += widths[i]!;
    });
    c.y += h;
  };
  const headerHeight = heightOf(header, size - 0.5, true);
  c.ensure(headerHeight + heightOf(rows[0] ?? [], size));
  drawRow(header, size - 0.5, true);
  for (const [i, row] of rows.entries()) {
    // What follows the table (signatures) is never alone on a page: the last row goes with it.
    const keep = i === rows.length - 1 ? (options.keepLastRowWith ?? 0) : 0;
    if (c.y + heightOf(row, size) + keep > c.bottom) {
      c.newPage();
      drawRow(header, size - 0.5, true);
    }
    drawRow(row, size, false);
  }
}
