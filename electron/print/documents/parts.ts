import { khmerPlaceDateLine } from '../../../shared/khmer.js';
import { GREY, type Composer, type TextOptions } from '../compose.js';
import { dateIn, languagesOf, tr, type Params } from '../strings.js';
import type { OfficeInfo, Place } from './types.js';

/** Pieces every document uses: authority block, title, field rows, tables, place-and-date line. */

/** Issuing authority at top left with the document number beneath; the cursor moves below it. */
export function authority(c: Composer, office: OfficeInfo, docNo: string | null, top: number, share = 0.42): void {
  let y = top;
  const width = c.width * share;
  y += c.textAt(office.name, y, { face: 'kmBold', size: 9.5, width, align: 'center' });
  if (docNo) {
    const label = languagesOf(c.mode).map((l) => tr(l, 'docNo', { number: l === 'km' ? toKm(docNo) : docNo })).join('   ');
    y += c.textAt(label, y, { size: 9.5, width, align: 'center' });
  }
  c.y = Math.max(c.y, y);
}

function toKm(value: string): string {
  return value.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d)));
}

/** Centred title in Moul (Khmer) and bold (English), with a subtitle. */
export function title(c: Composer, key: string, params: Params = {}): void {
  const centre: TextOptions = { align: 'center', x: c.left, width: c.width };
  c.y += 4;
  for (const [i, language] of languagesOf(c.mode).entries()) {
    const face = language === 'km' ? 'moul' : 'kmBold';
    c.text(tr(language, `${key}.title`, params), { ...centre, face, size: i === 0 ? 15 : 11 });
  }
  for (const [i, language] of languagesOf(c.mode).entries()) {
    c.text(tr(language, `${key}.subtitle`, params), { ...centre, size: i === 0 ? 10.5 : 9, color: i === 0 ? 'black' : GREY });
  }
  c.y += 3;
}

/** A section heading: bold Khmer / English on one line. */
export function section(c: Composer, key: string, params: Params = {}): void {
  const text = languagesOf(c.mode).map((l) => tr(l, key, params)).join(' / ');
  c.ensure(60);
  c.y += 3;
  c.text(text, { face: 'kmBold', size: 11 });
  c.y += 1;
}

/** A label (both languages, stacked) and a value beside it. */
export function field(c: Composer, labelKey: string, value: string, options: { x?: number; width?: number; labelWidth?: number } = {}): void {
  const x = options.x ?? c.left + 10;
  const width = options.width ?? c.right - x;
  const labelWidth = options.labelWidth ?? (c.mode === 'km+en' ? 185 : 130);
  const languages = languagesOf(c.mode);
  const label = languages.map((l) => tr(l, labelKey)).join(' / ');
  const labelHeight = c.layout(label, { size: 9.5, width: labelWidth - 6 }).height;
  const valueHeight = value ? c.layout(value, { size: 10.5, width: width - labelWidth }).height : 14;
  c.ensure(Math.max(labelHeight, valueHeight));
  const top = c.y;
  c.textAt(label, top + 1, { size: 9.5, x, width: labelWidth - 6, color: '#333333' });
  if (value) c.textAt(value, top, { size: 10.5, x: x + labelWidth, width: width - labelWidth });
  else dots(c, x + labelWidth, top + 14, x + width);
  c.y = top + Math.max(labelHeight, valueHeight) + 1;
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

/** The place-and-date line: `ធ្វើនៅ… ថ្ងៃទី… ខែ… ឆ្នាំ…` and/or its English, right-aligned block. */
export function placeDate(c: Composer, place: Place, isoDate: string, x: number, width: number): void {
  for (const [i, language] of languagesOf(c.mode).entries()) {
    const text = language === 'km' ? khmerPlaceDateLine(place.km, isoDate) : tr('en', 'placeDate', { place: place.latin, date: dateIn('en', isoDate) });
    c.y += c.textAt(text, c.y, { x, width, align: 'center', size: i === 0 ? 10.5 : 9, color: i === 0 ? 'black' : GREY });
  }
}

export interface Column {
  key: string;
  width: number;
}

/** A table with a header row in both languages, wrapped cells and the header again on each new page. */
export function table(c: Composer, columns: Column[], rows: string[][], options: { minRowHeight?: number; size?: number } = {}): void {
  const size = options.size ?? 9;
  const total = columns.reduce((sum, col) => sum + col.width, 0);
  const scale = c.width / total;
  const widths = columns.map((col) => col.width * scale);
  const pad = 3;
  const header = columns.map((col) => languagesOf(c.mode).map((l) => tr(l, col.key)).join('\n'));
  const heightOf = (cells: string[], s: number, bold = false) =>
    Math.max(bold ? 0 : (options.minRowHeight ?? 0), ...cells.map((cell, i) => c.layout(cell, { size: s, width: widths[i]! - 2 * pad, face: bold ? 'kmBold' : 'km' }).height + 2 * pad));
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
  for (const row of rows) {
    if (c.y + heightOf(row, size) > c.bottom) {
      c.newPage();
      drawRow(header, size - 0.5, true);
    }
    drawRow(row, size, false);
  }
}
