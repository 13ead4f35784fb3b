import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Composer } from '../../../electron/print/compose.js';
import { renderCard } from '../../../electron/print/documents/card.js';
import { renderPledge } from '../../../electron/print/documents/pledge.js';
import { renderReceipt } from '../../../electron/print/documents/receipt.js';
import { specimenCard, specimenPledge, specimenReceipt } from '../../../electron/print/documents/specimens.js';
import type { FaceName } from '../../../electron/print/fonts.js';
import { embeddedFont } from '../../../electron/print/glyphs.js';
import { loadShaper, shapeRun } from '../../../electron/print/shaper.js';
import { PRINT_LANGS, type PrintLang } from '../../../electron/print/strings.js';
import { tempDir } from '../../helpers/db.js';

/**
 * The document checker: every document type, in every language mode, with short and with long
 * data, is read back from the PDF (poppler's word boxes, the glyph runs) and checked for what a
 * clerk would reject on paper: text past the margins, lines printed over each other, missing
 * glyphs (.notdef) or dotted circles from broken clusters, an unexpected page count.
 */

interface Box { xMin: number; yMin: number; xMax: number; yMax: number; text: string; page: number; line: number }

const LONG_LATIN = 'CHANTHAVONGSA PHOUTHASACK WORAWUT INTHAVONG SOUVANNARATH';
const LONG_KHMER = 'ព្រះរាជាណាចក្រកម្ពុជា សុខ សុភ័ក្ត្រ ចាន់រស្មី សិរីវឌ្ឍនា ប៉ុន្តែ ស្ត្រី';

function longPledge(foreigners: number) {
  const data = specimenPledge(foreigners);
  return {
    ...data,
    owner: { ...data.owner!, nameLatin: LONG_LATIN, nameKm: LONG_KHMER },
    premises: { ...data.premises, nameLatin: `${LONG_LATIN} Guesthouse and Apartments`, nameKm: LONG_KHMER },
    foreigners: data.foreigners.map((f) => ({ ...f, name: LONG_LATIN, nameKm: LONG_KHMER })),
  };
}
function longCard(workers: number) {
  const data = specimenCard(workers);
  return { ...data, employer: { ...data.employer!, nameLatin: `${LONG_LATIN} Construction Co., Ltd.`, nameKm: LONG_KHMER }, workers: data.workers.map((w) => ({ ...w, name: LONG_LATIN })) };
}
function longReceipt() {
  const data = specimenReceipt(0);
  return { ...data, person: { ...data.person, name: LONG_LATIN, nameKm: LONG_KHMER }, premises: { ...data.premises, nameLatin: `${LONG_LATIN} Guesthouse`, nameKm: LONG_KHMER } };
}

const DOCUMENTS: { name: string; landscape?: boolean; pages: number | [number, number]; draw: (c: Composer) => void }[] = [
  { name: 'pledge, short', pages: 1, draw: (c) => renderPledge(c, specimenPledge(1)) },
  { name: 'pledge, list moved to an annex when it does not fit', pages: [1, 2], draw: (c) => renderPledge(c, specimenPledge(3)) },
  { name: 'pledge, long names', pages: [1, 2], draw: (c) => renderPledge(c, longPledge(5)) },
  { name: 'pledge with an annex', pages: [2, 3], draw: (c) => renderPledge(c, longPledge(12)) },
  { name: 'blank declaration card', landscape: true, pages: 1, draw: (c) => renderCard(c, { ...specimenCard(0), employer: null }) },
  { name: 'declaration card, long', landscape: true, pages: [1, 4], draw: (c) => renderCard(c, longCard(25)) },
  { name: 'receipt, short', pages: 1, draw: (c) => renderReceipt(c, specimenReceipt(0)) },
  { name: 'receipt, long names', pages: 1, draw: (c) => renderReceipt(c, longReceipt()) },
];

function wordBoxes(file: string): Box[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const boxes: Box[] = [];
  let page = -1;
  let line = 0;
  for (const match of xml.matchAll(/<page |<line |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (match[0] === '<page ') page++;
    else if (match[0] === '<line ') line++;
    else boxes.push({ xMin: +match[1]!, yMin: +match[2]!, xMax: +match[3]!, yMax: +match[4]!, text: match[5]!, page, line });
  }
  return boxes;
}

/** Glyph ids drawn with each face (from the composer's embedded subset fonts). */
function drawnGlyphIds(c: Composer): Map<FaceName, number[]> {
  const result = new Map<FaceName, number[]>();
  for (const face of ['km', 'kmBold', 'moul', 'latin', 'latinBold'] as FaceName[]) {
    try {
      result.set(face, [...embeddedFont(c.doc, face).subset.glyphs.slice(1)]);
    } catch {
      // a face the document does not use
    }
  }
  return result;
}

/** What the checker rejects in a finished document, in words. */
async function problems(c: Composer, glyphs: Map<FaceName, number[]>, file: string): Promise<string[]> {
  const found: string[] = [];
  const boxes = wordBoxes(file);
  if (boxes.length === 0) found.push('no text');
  const tolerance = 1;
  for (const b of boxes) {
    if (b.xMin < c.left - tolerance || b.xMax > c.right + tolerance) found.push(`outside the margins: "${b.text}" [${b.xMin.toFixed(0)}–${b.xMax.toFixed(0)}]`);
  }
  // Word boxes come from font ascent/descent; the middle of each box is where the ink is.
  const core = (b: Box) => ({ ...b, yMin: b.yMin + (b.yMax - b.yMin) * 0.3, yMax: b.yMax - (b.yMax - b.yMin) * 0.3 });
  for (let page = 0; page < c.pages; page++) {
    const onPage = boxes.filter((b) => b.page === page).map(core);
    for (let i = 0; i < onPage.length; i++) {
      for (let j = i + 1; j < onPage.length; j++) {
        const a = onPage[i]!;
        const b = onPage[j]!;
        if (a.line === b.line) continue;
        const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (w > 1 && h > 1) found.push(`"${a.text}" over "${b.text}" on page ${page + 1}`);
      }
    }
  }
  for (const [face, ids] of glyphs) {
    if (ids.includes(0)) found.push(`${face}: .notdef glyph`);
    const dottedCircle = shapeRun(face, '\u25CC').glyphs[0]?.gid;
    if (dottedCircle !== undefined && dottedCircle !== 0 && ids.includes(dottedCircle)) found.push(`${face}: dotted circle (broken cluster)`);
  }
  return found;
}

let wrappedParagraphs = 0;
const wordSegmenter = new Intl.Segmenter('km', { granularity: 'word' });

/**
 * Line breaks that fall inside a word: for each wrapped paragraph the composer set, the place each
 * line ends must be a word boundary (dictionary segmentation for Khmer) or a space, a slash or a hyphen.
 */
function breaksInsideWords(laidOut: { text: string; lines: string[] }[]): string[] {
  const found: string[] = [];
  for (const { text, lines } of laidOut) {
    const paragraphs = text.split('\n');
    let line = 0;
    for (const paragraph of paragraphs) {
      const boundaries = new Set([...wordSegmenter.segment(paragraph)].map((s) => s.index));
      let at = 0;
      while (line < lines.length) {
        const piece = lines[line]!;
        const start = paragraph.indexOf(piece, at);
        if (start < 0 || piece === '') break;
        const end = start + piece.length;
        line++;
        if (end >= paragraph.trimEnd().length) break;
        const before = paragraph[end - 1]!;
        const after = paragraph[end]!;
        if (!boundaries.has(end) && !/[\s/-]/.test(before) && !/\s/.test(after)) found.push(`"${piece}" | "${paragraph.slice(end, end + 12)}"`);
        at = end;
      }
    }
  }
  return found;
}

async function finished(c: Composer): Promise<{ glyphs: Map<FaceName, number[]>; file: string }> {
  const glyphs = drawnGlyphIds(c);
  const file = path.join(tempDir(), 'doc.pdf');
  writeFileSync(file, await c.finish());
  return { glyphs, file };
}

beforeAll(loadShaper);

describe('document checker', () => {
  for (const mode of PRINT_LANGS as readonly PrintLang[]) {
    for (const doc of DOCUMENTS) {
      it(`${doc.name} (${mode}): inside the margins, no lines over each other, no missing glyphs, expected pages`, async () => {
        const c = new Composer(mode, { landscape: doc.landscape ?? false });
        const laidOut: { text: string; lines: string[] }[] = [];
        const layout = c.layout.bind(c);
        c.layout = (text, options) => {
          const result = layout(text, options);
          if (result.lines.length > 1) laidOut.push({ text, lines: result.lines.map((l) => l.text) });
          return result;
        };
        doc.draw(c);
        const { glyphs, file } = await finished(c);
        expect(breaksInsideWords(laidOut)).toEqual([]);
        wrappedParagraphs += laidOut.length;

        const [minPages, maxPages] = typeof doc.pages === 'number' ? [doc.pages, doc.pages] : doc.pages;
        expect(c.pages).toBeGreaterThanOrEqual(minPages);
        expect(c.pages).toBeLessThanOrEqual(maxPages);

        expect(await problems(c, glyphs, file)).toEqual([]);
      }, 60_000);
    }
  }

  it('rejects a line broken inside a word', () => {
    expect(breaksInsideWords([{ text: 'សុខ សុភ័ក្ត្រ', lines: ['សុខ សុភ័', 'ក្ត្រ'] }])).toHaveLength(1);
    expect(breaksInsideWords([{ text: 'សុខ សុភ័ក្ត្រ', lines: ['សុខ', 'សុភ័ក្ត្រ'] }])).toEqual([]);
    expect(breaksInsideWords([{ text: 'GOLDEN LOTUS', lines: ['GOLD', 'EN LOTUS'] }])).toHaveLength(1);
  });

  it('rejects text past the margin, lines over each other and broken clusters', async () => {
    const c = new Composer('km+en');
    c.textAt('Signature of the owner', 100, { x: c.right - 20, width: 200 });
    c.textAt('ព្រះរាជាណាចក្រកម្ពុជា', 200);
    c.textAt('KINGDOM OF CAMBODIA', 201);
    c.textAt('\u17D2\u17B6\u17C6', 300);
    const { glyphs, file } = await finished(c);
    const found = await problems(c, glyphs, file);
    expect(found.some((p) => p.startsWith('outside the margins: "Signature'))).toBe(true);
    expect(found.some((p) => p.includes(' over '))).toBe(true);
    expect(found.some((p) => p.includes('dotted circle'))).toBe(true);
  });

  it('checked the line breaks of many wrapped paragraphs (the check above saw real text)', () => {
    expect(wrappedParagraphs).toBeGreaterThan(50);
  });
});
