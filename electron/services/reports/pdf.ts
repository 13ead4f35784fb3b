import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ReportResult } from '../../../shared/contract/reports.js';
import type { Office } from '../../../shared/contract/foundation.js';
import { nationalityName } from '../../../shared/display.js';
import { createI18n } from '../../../shared/i18n/index.js';
import { chartLayout, seriesStyle } from '../../../shared/reports/chart.js';
import { formatCell, reportScope, reportTitle, tableModels, type TableModel } from '../../../shared/reports/format.js';
import { reportDefinition } from '../../../shared/reports/index.js';
import { officeInfo } from '../../db/print.js';
import { Composer } from '../../print/compose.js';
import { loadShaper } from '../../print/shaper.js';
import { authority, placeDate } from '../../print/documents/parts.js';

type Language = 'en' | 'km';

/** The chart drawn with the geometry the screen uses; series patterned (hatch, dots) so grey prints read. */
function drawChart(c: Composer, table: TableModel, language: Language): void {
  const { chart, columns } = table.definition;
  const index = chart.series.map((key) => columns.findIndex((col) => col.key === key));
  const layout = chartLayout({
    spec: chart,
    series: chart.series.map((key, i) => ({ key, label: table.headings[index[i]! + 1] ?? key, kind: columns[index[i]!]?.kind === 'share' ? 'share' : 'count' })),
    categories: table.rows.map((r) => ({ label: r.label, values: index.map((i) => (typeof r.cells[i] === 'number' ? (r.cells[i] as number) : null)) })),
    width: c.width,
    format: (v, kind) => formatCell(v, kind, language),
  });
  c.ensure(layout.height + 10);
  const x0 = c.left;
  const y0 = c.y;
  const doc = c.doc;
  const fillBar = (x: number, y: number, w: number, h: number, s: number) => {
    const style = seriesStyle(s);
    if (w <= 0 || h <= 0) return;
    doc.save();
    if (style.pattern === 'solid') doc.rect(x, y, w, h).fill(style.colour);
    else {
      doc.rect(x, y, w, h).clip();
      doc.lineWidth(0.7).strokeColor(style.colour);
      if (style.pattern === 'dots') for (let px = x + 2; px < x + w; px += 4) for (let py = y + 2; py < y + h; py += 4) doc.circle(px, py, 0.8).fill(style.colour);
      else for (let d = -h; d < w; d += 4) doc.moveTo(x + d, y + h).lineTo(x + d + h, y).stroke();
    }
    doc.restore();
    doc.save().lineWidth(0.5).strokeColor(style.colour).rect(x, y, w, h).stroke().restore();
  };
  for (const l of layout.legend) {
    if (layout.kind === 'line') doc.save().lineWidth(1.5).strokeColor(seriesStyle(l.series).colour).dash(3, { space: seriesStyle(l.series).dash ? 2 : 0.01 }).moveTo(x0 + l.x, y0 + l.y - 4).lineTo(x0 + l.x + 20, y0 + l.y - 4).stroke().restore();
    else fillBar(x0 + l.x, y0 + l.y - 10, 12, 10, l.series);
    c.textAt(l.label, y0 + l.y - 11, { x: x0 + l.x + 26, width: 200, size: 7.5 });
  }
  const { plot } = layout;
  doc.save().lineWidth(0.4).strokeColor('#bbbbbb');
  for (const tick of layout.ticks) {
    if (layout.kind === 'line') doc.moveTo(x0 + plot.x, y0 + tick.at).lineTo(x0 + plot.x + plot.w, y0 + tick.at).stroke();
    else doc.moveTo(x0 + tick.at, y0 + plot.y).lineTo(x0 + tick.at, y0 + plot.y + plot.h).stroke();
  }
  doc.restore();
  for (const tick of layout.ticks) {
    if (layout.kind === 'line') c.textAt(tick.label, y0 + tick.at - 6, { x: x0, width: plot.x - 6, align: 'right', size: 7 });
    else c.textAt(tick.label, y0 + plot.y + plot.h + 3, { x: x0 + tick.at - 30, width: 60, align: 'center', size: 7 });
  }
  for (const cat of layout.categories) {
    if (layout.kind === 'line') c.textAt(cat.label, y0 + plot.y + plot.h + 4, { x: x0 + cat.at - 40, width: 80, align: 'center', size: 7 });
    else c.textAt(cat.label, y0 + cat.at - 6, { x: x0, width: plot.x - 8, align: 'right', size: 7.5 });
  }
  for (const b of layout.bars) fillBar(x0 + b.x, y0 + b.y, b.w, b.h, b.series);
  for (const l of layout.lines) {
    const style = seriesStyle(l.series);
    doc.save().translate(x0, y0).lineWidth(1.5).strokeColor(style.colour);
    if (style.dash) doc.dash(4, { space: 2 });
    doc.path(l.path).stroke().undash();
    for (const p of l.points) doc.rect(p.x - 2, p.y - 2, 4, 4).fill(style.colour);
    doc.restore();
  }
  doc.save().lineWidth(0.8).strokeColor('#000000').moveTo(x0 + plot.x, y0 + plot.y).lineTo(x0 + plot.x, y0 + plot.y + plot.h).lineTo(x0 + plot.x + plot.w, y0 + plot.y + plot.h).stroke().restore();
  c.y = y0 + layout.height + 6;
}

/** A table on the page; with `english` (a Khmer and English PDF), headings and row labels carry their English beneath. */
function drawTable(c: Composer, table: TableModel, language: Language, totalLabel: string, english?: { table: TableModel; total: string }): void {
  const kinds = table.definition.columns.map((col) => col.kind);
  const first = Math.min(170, c.width * 0.34);
  const rest = (c.width - first) / Math.max(1, kinds.length);
  const widths = [first, ...kinds.map(() => rest)];
  const size = 8;
  const small = 6.5;
  const pad = 2.5;
  const row = (cells: string[], bold: boolean, shade: boolean, under: (string | undefined)[] = []) => {
    const face = bold ? 'kmBold' : 'km';
    const heights = cells.map((text, i) => {
      const main = c.layout(text, { size, width: widths[i]! - 2 * pad, face }).height;
      const second = under[i] && under[i] !== text ? c.layout(under[i]!, { size: small, width: widths[i]! - 2 * pad, face }).height : 0;
      return { main, second };
    });
    const h = Math.max(...heights.map((x) => x.main + x.second)) + 2 * pad;
    if (c.y + h > c.bottom) c.newPage();
    if (shade) c.doc.save().rect(c.left, c.y, c.width, h).fill('#e8e8e8').restore();
    let x = c.left;
    cells.forEach((text, i) => {
      c.box(x, c.y, widths[i]!, h, 0.4);
      const align = i > 0 && kinds[i - 1] !== 'text' ? 'right' : 'left';
      c.textAt(text, c.y + pad, { size, x: x + pad, width: widths[i]! - 2 * pad, face, align });
      if (heights[i]!.second > 0) c.textAt(under[i]!, c.y + pad + heights[i]!.main, { size: small, x: x + pad, width: widths[i]! - 2 * pad, face, align, color: '#555555' });
      x += widths[i]!;
    });
    c.y += h;
  };
  row(table.headings, true, true, english?.table.headings);
  table.rows.forEach((r, i) => row([r.label, ...r.cells.map((cell, j) => formatCell(cell, kinds[j] ?? 'count', language))], false, false, [english?.table.rows[i]?.label]));
  if (table.total && table.rows.length > 0) row([totalLabel, ...table.total.map((cell, i) => formatCell(cell, kinds[i] ?? 'count', language))], true, false, [english?.total]);
  c.y += 8;
}

/**
 * A report on A4 in the documents' layout: Kingdom heading and ornament, the issuing office at top
 * left, the title in Moul, what it covers, each table with its chart, and the place-and-date line.
 * `km+en` prints like the documents: Khmer first, its English beneath (title, scope, table titles,
 * headings and row labels), numbers in Khmer digits, the chart in Khmer.
 * Text goes through the HarfBuzz path of electron/print (Khmer shaped, words broken by dictionary).
 */
export async function reportPdf(db: Database, office: Office | null, result: ReportResult, mode: Language | 'km+en'): Promise<Buffer> {
  await loadShaper();
  const definition = reportDefinition(result.name);
  if (!definition) throw new Error(`unknown report ${result.name}`);
  const language: Language = mode === 'en' ? 'en' : 'km';
  const { t } = createI18n(language);
  const en = mode === 'km+en' ? createI18n('en').t : null;
  const c = new Composer(mode);
  c.beginDocument();
  const info = officeInfo(db, office);
  const top = c.y;
  c.kingdomHeading();
  const headingEnd = c.y;
  authority(c, info, undefined, top + 22);
  c.y = Math.max(headingEnd, c.y) + 6;
  const centre = { align: 'center' as const, x: c.left, width: c.width };
  const grey = { color: '#444444' };
  c.text(reportTitle(t, result.name), { ...centre, face: language === 'km' ? 'moul' : 'kmBold', size: language === 'km' ? 12 : 13 });
  if (en) c.text(reportTitle(en, result.name), { ...centre, face: 'kmBold', size: 10, ...grey });
  c.text(reportScope(t, result, language, (code) => nationalityName(code, language)), { ...centre, size: 9, ...grey });
  if (en) c.text(reportScope(en, result, 'en', (code) => nationalityName(code, 'en')), { ...centre, size: 8, ...grey });
  c.y += 8;
  const tables = tableModels(t, definition, result, language);
  const english = en ? tableModels(en, definition, result, 'en') : null;
  const totalLabel = t('reports.total' as never) as unknown as string;
  tables.forEach((table, i) => {
    if (tables.length > 1) {
      // A table's title stays with the start of its chart (no title alone at the foot of a page).
      c.ensure(table.rows.length > 0 ? 160 : 60);
      c.text(table.title, { face: 'kmBold', size: 10 });
      if (english) c.text(english[i]!.title, { face: 'kmBold', size: 8.5, ...grey });
    }
    if (table.rows.length > 0) drawChart(c, table, language);
    drawTable(c, table, language, totalLabel, english ? { table: english[i]!, total: en!('reports.total' as never) as unknown as string } : undefined);
  });
  c.ensure(50);
  placeDate(c, info.place, result.today, c.left + c.width / 2, c.width / 2);
  return c.finish();
}
