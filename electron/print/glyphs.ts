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
  subset: { includeGlyph(gid: number): number; glyphs: number[] };
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
    map.set(face, created);
    return created;
  }
  return font;
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

/** Subset glyph id for a shaped glyph; records its width and a Unicode mapping the first time. */
function includeGlyph(font: PdfkitEmbeddedFont, face: FaceName, gid: number, clusterText: string): number {
  const cid = font.subset.includeGlyph(gid);
  if (font.widths[cid] == null) {
    const hb = hbFace(face);
    font.widths[cid] = Math.round((hb.font.glyphHAdvance(gid) * 1000) / hb.upem);
    font.unicode[cid] = [...clusterText].map((c) => c.codePointAt(0)!);
  }
  return cid;
}

function clusterTexts(run: ShapedRun): string[] {
  const starts = [...new Set(run.glyphs.map((g) => g.cluster))].sort((a, b) => a - b);
  return run.glyphs.map((g) => {
    const next = starts.find((s) => s > g.cluster) ?? run.text.length;
    return run.text.slice(g.cluster, next);
  });
}

/** Content-stream operators that draw one run with its pen at (x, y) in PDF space (y up). */
export function runOperators(doc: PDFKit.PDFDocument, run: ShapedRun, x: number, y: number, size: number): string {
  if (run.glyphs.length === 0) return '';
  const font = embeddedFont(doc, run.face);
  (doc as Doc).page.fonts[font.id] ??= font.ref();
  const k = 1000 / run.upem;
  const texts = clusterTexts(run);
  const out = [`/Span <</ActualText <${utf16Hex(run.text)}>>> BDC`, `/${font.id} ${num(size)} Tf`, `1 0 0 1 ${num(x)} ${num(y)} Tm`];
  let items: string[] = [];
  let current = 0; // text position after the last glyph, 1/1000 em
  let rise = 0;
  let penX = 0;
  let penY = 0;
  const flush = () => {
    if (items.length > 0) out.push(`[${items.join(' ')}] TJ`);
    items = [];
  };
  run.glyphs.forEach((g, i) => {
    const cid = includeGlyph(font, run.face, g.gid, texts[i]!);
    const wantRise = penY + g.yOffset;
    if (wantRise !== rise) {
      flush();
      out.push(`${num((wantRise * size) / run.upem)} Ts`);
      rise = wantRise;
    }
    const target = (penX + g.xOffset) * k;
    if (target !== current) items.push(num(current - target));
    items.push(`<${hex4(cid)}>`);
    current = target + font.widths[cid]!;
    penX += g.xAdvance;
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
