import type PDFDocument from 'pdfkit';
import { fontBytes, type FaceName } from './fonts.js';
import { hbFace, type ShapedRun } from './shaper.js';
import type { Line } from './text.js';

/**
 * Writes HarfBuzz-shaped glyph runs into a pdfkit page as raw text operators. pdfkit keeps
 * doing what it does well (the embedded subset font, widths, ToUnicode CMap); its own shaping
 * (fontkit) is never used. Each run is wrapped in an ActualText span so text copied out of
 * the PDF is the original Unicode, whatever reordering or ligatures the shaper did.
 */

/** The part of pdfkit's EmbeddedFont this module uses (not in its public typings). */
export interface PdfkitEmbeddedFont {
  id: string;
  subset: {
    includeGlyph(gid: number): number;
    glyphs: number[];
    _addGlyph(gid: number): number;
    hmtx: { metrics: { advance: number }[] };
  };
  widths: number[];
  unicode: number[][];
  ref(): unknown;
}

type Doc = typeof PDFDocument.prototype & {
  _font: PdfkitEmbeddedFont;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string): unknown;
};

const bindings = new WeakMap<object, Map<FaceName, PdfkitEmbeddedFont>>();

/** The document's embedded (subset) font for a face; created once per document. */
export function embeddedFont(doc: PDFKit.PDFDocument, face: FaceName): PdfkitEmbeddedFont {
  let map = bindings.get(doc);
  if (!map) {
    map = new Map();
    bindings.set(doc, map);
  }
  const font = map.get(face);
  if (!font) {
    const d = doc as Doc;
    const previous = d._font;
    d.registerFont(`banhchi-${face}`, fontBytes(face));
    d.font(`banhchi-${face}`);
    const created = d._font;
    d._font = previous;
    keepAdvancesInSubset(created, hbFace(face).upem);
    map.set(face, created);
    return created;
  }
  return font;
}

/** Advance (font units) of each glyph copy in the subset font, by CID. */
const subsetAdvances = new WeakMap<PdfkitEmbeddedFont, Map<number, number>>();

/**
 * The subset font's own advances (hmtx) follow the PDF widths of each CID. Viewers position glyphs
 * by the PDF widths either way, but MuPDF's text extraction follows the font's advances and
 * inserts a space wherever the next glyph starts further on.
 */
function keepAdvancesInSubset(font: PdfkitEmbeddedFont, upem: number): void {
  const advances = new Map<number, number>();
  subsetAdvances.set(font, advances);
  const subset = font.subset;
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number) => {
    const cid = addGlyph(gid);
    const width = font.widths[cid];
    const metric = subset.hmtx.metrics[cid];
    if (metric && width !== undefined && advances.has(cid)) metric.advance = Math.round((width * upem) / 1000);
    return cid;
  };
}

/** Numbers for the content stream: exact enough to give back integer font units. */
export function num(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function utf16Hex(text: string): string {
  let out = 'FEFF';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i)).toUpperCase();
  return out;
}

/**
 * The subset glyph id (CID) that draws `gid`, stands for `text` in copied text and advances by
 * `width` (1/1000 em). ToUnicode maps one CID to one string, and engines that ignore ActualText
 * (MuPDF, pdf.js) read only that map, so a glyph drawn for different texts gets one CID per text.
 * The width is the distance to the next glyph as drawn (the TJ offsets keep HarfBuzz's positions
 * whatever it is): an engine that follows the pen sees the glyphs of a word touch, and does not
 * invent a space after a mark placed back over its base.
 */
function includeGlyph(font: PdfkitEmbeddedFont, gid: number, text: string, width: number): number {
  let cids = cidsByText.get(font);
  if (!cids) {
    cids = new Map();
    cidsByText.set(font, cids);
  }
  const key = `${gid}:${width}:${text}`;
  let cid = cids.get(key);
  if (cid === undefined) {
    // The first use of a glyph takes pdfkit's own CID; later texts or widths get a copy of the glyph.
    const own = font.subset.includeGlyph(gid);
    cid = font.unicode[own] === undefined ? own : font.subset.glyphs.push(gid) - 1;
    font.widths[cid] = width;
    font.unicode[cid] = [...text].map((c) => c.codePointAt(0)!);
    subsetAdvances.get(font)?.set(cid, width);
    cids.set(key, cid);
  }
  return cid;
}

const cidsByText = new WeakMap<PdfkitEmbeddedFont, Map<string, number>>();

/** Drops out of the text pdf.js extracts; stands for "no text of its own" (see glyphTexts). */
const NO_TEXT = '\u200B';

/**
 * Per glyph, the text it alone stands for, so the glyphs' texts in drawing order spell the run.
 * A cluster's code points are shared out over its glyphs in drawing order (the last glyph takes
 * the rest), so an engine that reads only ToUnicode gets every character once and in order; a
 * cluster with more glyphs than code points (split vowels) leaves the extra glyphs NO_TEXT.
 */
export function glyphTexts(run: ShapedRun): string[] {
  const starts = [...new Set(run.glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  const texts: string[] = new Array<string>(run.glyphs.length).fill(NO_TEXT);
  const byCluster = new Map<number, number[]>();
  run.glyphs.forEach((g, i) => byCluster.set(g.cluster, [...(byCluster.get(g.cluster) ?? []), i]));
  for (const [cluster, indexes] of byCluster) {
    const next = starts.find((s) => s > cluster) ?? run.text.length;
    const codePoints = [...run.text.slice(cluster, next)];
    indexes.forEach((glyphIndex, k) => {
      const last = k === indexes.length - 1 || k === codePoints.length - 1;
      if (k < codePoints.length) texts[glyphIndex] = last ? codePoints.slice(k).join('') : codePoints[k]!;
    });
  }
  return texts;
}

/** Content-stream operators that draw one run with its pen at (x, y) in PDF space (y up). */
export function runOperators(doc: PDFKit.PDFDocument, run: ShapedRun, x: number, y: number, size: number): string {
  if (run.glyphs.length === 0) return '';
  const font = embeddedFont(doc, run.face);
  (doc as Doc).page.fonts[font.id] ??= font.ref();
  const k = 1000 / run.upem;
  const texts = glyphTexts(run);
  const out = [`/Span <</ActualText <${utf16Hex(run.text)}>>> BDC`, `/${font.id} ${num(size)} Tf`, `1 0 0 1 ${num(x)} ${num(y)} Tm`];
  let items: string[] = [];
  let current = 0; // text position after the last glyph, 1/1000 em
  let rise = 0;
  let penY = 0;
  const flush = () => {
    if (items.length > 0) out.push(`[${items.join(' ')}] TJ`);
    items = [];
  };
  // Where each glyph is drawn (1/1000 em from the run's start) and where the run's pen ends.
  const drawnAt: number[] = [];
  let advance = 0;
  for (const g of run.glyphs) {
    drawnAt.push((advance + g.xOffset) * k);
    advance += g.xAdvance;
  }
  drawnAt.push(advance * k);
  run.glyphs.forEach((g, i) => {
    const width = Math.max(0, Math.round(drawnAt[i + 1]! - drawnAt[i]!));
    const cid = includeGlyph(font, g.gid, texts[i]!, width);
    const wantRise = penY + g.yOffset;
    if (wantRise !== rise) {
      flush();
      out.push(`${num((wantRise * size) / run.upem)} Ts`);
      rise = wantRise;
    }
    const target = drawnAt[i]!;
    if (target !== current) items.push(num(current - target));
    items.push(`<${hex4(cid)}>`);
    current = target + font.widths[cid]!;
    penY += g.yAdvance;
  });
  flush();
  if (rise !== 0) out.push('0 Ts');
  out.push('EMC');
  return out.join('\n');
}

/** Draws a shaped line with its baseline at `baseline` (top-left page coordinates, points). */
export function drawLine(doc: PDFKit.PDFDocument, line: Line, x: number, baseline: number, size: number): void {
  const d = doc as Doc;
  const y = d.page.height - baseline;
  const parts: string[] = [];
  let pen = x;
  for (const run of line.runs) {
    parts.push(runOperators(doc, run, pen, y, size));
    pen += (run.advance * size) / run.upem;
  }
  d.save();
  d.addContent(`1 0 0 -1 0 ${num(d.page.height)} cm`);
  d.addContent(`BT\n${parts.filter(Boolean).join('\n')}\nET`);
  d.restore();
}
