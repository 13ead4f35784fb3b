import PDFDocument from 'pdfkit';
import type { FaceName } from './fonts.js';
import { drawLine } from './glyphs.js';
import { toKhmerDigits } from '../../shared/khmer.js';
import { languagesOf, tr, type Params, type PrintLang } from './strings.js';
import { shapeLine, verticalMetrics, wrap, type Line } from './text.js';

export interface TextOptions {
  /** Khmer face; Latin text in the same string goes to its Latin partner. */
  face?: FaceName;
  size?: number;
  x?: number;
  width?: number;
  align?: 'left' | 'center' | 'right';
  color?: string;
}

const MM = 72 / 25.4;
export const GREY = '#555555';
const KHMER = /[\u1780-\u17FF]/;
/** Wrapped lines by face, size, width and text: documents repeat their labels page after page. */
const layoutCache = new Map<string, Line[]>();

/** A4 pages with margins, a cursor, and text set through the HarfBuzz path. */
export class Composer {
  readonly doc: PDFKit.PDFDocument;
  readonly mode: PrintLang;
  readonly left = 20 * MM;
  readonly top = 12 * MM;
  readonly marginRight = 15 * MM;
  readonly marginBottom = 12 * MM;
  y: number;
  private fresh = true;
  /** Pages so far (finished documents are flushed, so memory stays flat in long batches). */
  pages = 1;
  /** Index of the first page of the document being composed. */
  private documentStart = 0;

  constructor(mode: PrintLang, options: { landscape?: boolean; doc?: PDFKit.PDFDocument } = {}) {
    this.mode = mode;
    const layout = options.landscape ? 'landscape' : 'portrait';
    this.doc = options.doc ?? new PDFDocument({ size: 'A4', layout, margin: 0, autoFirstPage: false, bufferPages: true, info: { Producer: 'Banhchi', Creator: 'Banhchi' } });
    this.doc.addPage({ size: 'A4', layout, margin: 0 });
    this.y = this.top;
  }

  get right(): number {
    return this.doc.page.width - this.marginRight;
  }
  get bottom(): number {
    return this.doc.page.height - this.marginBottom;
  }
  get width(): number {
    return this.right - this.left;
  }

  /** Each document of a batch starts on a page of its own. */
  beginDocument(): void {
    if (!this.fresh) {
      this.endDocument();
      this.newPage();
      this.documentStart = this.pages - 1;
    }
    this.fresh = false;
  }

  /**
   * Numbers the pages of the document just composed ("ទំព័រ ១ នៃ ២ / Page 1 of 2") when it has
   * more than one, in the bottom margin, then lets pdfkit write them out.
   */
  private endDocument(): void {
    const count = this.pages - this.documentStart;
    const buffered = (this.doc as unknown as { options: { bufferPages?: boolean } }).options.bufferPages === true;
    if (!buffered) return;
    if (count > 1) {
      const savedY = this.y;
      for (let i = 0; i < count; i++) {
        this.doc.switchToPage(this.documentStart + i);
        const line = languagesOf(this.mode)
          .map((l) => tr(l, 'page', { page: l === 'km' ? toKhmerDigits(i + 1) : i + 1, pages: l === 'km' ? toKhmerDigits(count) : count }))
          .join(' / ');
        this.textAt(line, this.doc.page.height - this.marginBottom + 12, { size: 7.5, x: this.left, width: this.width, align: 'center', color: GREY });
      }
      this.y = savedY;
    }
    this.doc.flushPages();
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', layout: this.doc.page.width > this.doc.page.height ? 'landscape' : 'portrait', margin: 0 });
    this.pages++;
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** Line box for text in this face: Khmer needs room for stacked subscripts and vowels above. */
  lineHeight(text: string, face: FaceName, size: number): { ascent: number; height: number } {
    if (!KHMER.test(text)) {
      const m = verticalMetrics('latin', size);
      return { ascent: m.ascent, height: (m.ascent + m.descent) * 1.05 };
    }
    if (face === 'moul') {
      const m = verticalMetrics('moul', size);
      return { ascent: m.ascent * 0.85, height: (m.ascent + m.descent) * 0.85 };
    }
    return { ascent: 1.04 * size, height: 1.5 * size };
  }

  layout(text: string, options: TextOptions = {}): { lines: Line[]; height: number; ascent: number; step: number } {
    const face = options.face ?? 'km';
    const size = options.size ?? 11;
    const width = options.width ?? this.right - (options.x ?? this.left);
    const key = `${face}|${size}|${width}|${text}`;
    let lines = layoutCache.get(key);
    if (!lines) {
      lines = width > 0 ? wrap(text, face, size, width) : [shapeLine(text, face, size)];
      if (layoutCache.size > 5000) layoutCache.clear();
      layoutCache.set(key, lines);
    }
    const { ascent, height } = this.lineHeight(text, face, size);
    return { lines, height: lines.length * height, ascent, step: height };
  }

  /** Draws text with its top at `y`; returns the height used. */
  textAt(text: string, y: number, options: TextOptions = {}): number {
    if (!text) return 0;
    const size = options.size ?? 11;
    const x = options.x ?? this.left;
    const width = options.width ?? this.right - x;
    const { lines, height, ascent, step } = this.layout(text, { ...options, x, width });
    this.doc.fillColor(options.color ?? 'black');
    lines.forEach((line, i) => {
      const dx = options.align === 'center' ? (width - line.width) / 2 : options.align === 'right' ? width - line.width : 0;
      drawLine(this.doc, line, x + dx, y + ascent + i * step, size);
    });
    this.doc.fillColor('black');
    return height;
  }

  /** Draws text at the cursor (new page first when it does not fit) and moves the cursor down. */
  text(text: string, options: TextOptions = {}): number {
    const { height } = this.layout(text, options);
    this.ensure(Math.min(height, this.bottom - this.top));
    const used = this.textAt(text, this.y, options);
    this.y += used;
    return used;
  }

  /** A string from print.json in this document's languages: Khmer, then English beneath, smaller and grey. */
  bi(key: string, params: Params = {}, options: TextOptions = {}): number {
    return this.pair(tr('km', key, params), tr('en', key, params), options);
  }

  /** Khmer and English texts set by mode. */
  pair(kmText: string, enText: string, options: TextOptions = {}): number {
    const start = this.y;
    for (const [i, language] of languagesOf(this.mode).entries()) {
      const second = i > 0;
      const text = language === 'km' ? kmText : enText;
      this.text(text, second ? { ...options, size: (options.size ?? 11) * 0.82, color: options.color ?? GREY } : options);
    }
    return this.y - start;
  }

  /** Height `pair` would take. */
  pairHeight(kmText: string, enText: string, options: TextOptions = {}): number {
    return languagesOf(this.mode).reduce((sum, language, i) => {
      const size = (options.size ?? 11) * (i > 0 ? 0.82 : 1);
      return sum + this.layout(language === 'km' ? kmText : enText, { ...options, size }).height;
    }, 0);
  }

  /** The two Kingdom lines in Moul, centred, with the ornament beneath. */
  kingdomHeading(): void {
    const centre = { align: 'center' as const, x: this.left, width: this.width };
    if (this.mode !== 'en') {
      this.text(tr('km', 'kingdom'), { ...centre, face: 'moul', size: 13 });
      if (this.mode === 'km+en') this.text(tr('en', 'kingdom'), { ...centre, face: 'kmBold', size: 8, color: GREY });
      this.text(tr('km', 'nationReligionKing'), { ...centre, face: 'moul', size: 11.5 });
      if (this.mode === 'km+en') this.text(tr('en', 'nationReligionKing'), { ...centre, face: 'kmBold', size: 8, color: GREY });
    } else {
      this.text(tr('en', 'kingdom'), { ...centre, face: 'kmBold', size: 12.5 });
      this.text(tr('en', 'nationReligionKing'), { ...centre, face: 'kmBold', size: 11 });
    }
    this.ornament(this.left + this.width / 2, this.y + 5);
    this.y += 10;
  }

  /** The small flourish under the heading lines: a rule broken by three diamonds. */
  ornament(cx: number, cy: number): void {
    const doc = this.doc;
    doc.save().lineWidth(0.8);
    doc.moveTo(cx - 48, cy).lineTo(cx - 14, cy).stroke();
    doc.moveTo(cx + 14, cy).lineTo(cx + 48, cy).stroke();
    for (const [dx, r] of [[-8, 2.2], [0, 3.6], [8, 2.2]] as const) {
      doc.moveTo(cx + dx - r, cy).lineTo(cx + dx, cy - r).lineTo(cx + dx + r, cy).lineTo(cx + dx, cy + r).closePath().fill();
    }
    doc.restore();
  }

  rule(y = this.y, dash = false): void {
    this.doc.save().lineWidth(0.5).strokeColor('#888888');
    if (dash) this.doc.dash(3, { space: 3 });
    this.doc.moveTo(this.left, y).lineTo(this.right, y).stroke();
    this.doc.restore();
  }

  box(x: number, y: number, w: number, h: number, width = 0.6): void {
    this.doc.save().lineWidth(width).strokeColor('#333333').rect(x, y, w, h).stroke().restore();
  }

  /** Writes the finished PDF into a buffer. */
  finish(): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
      this.endDocument();
      this.doc.end();
    });
  }
}
