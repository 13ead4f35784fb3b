import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FaceName } from '../../../electron/print/fonts.js';
import { drawLine } from '../../../electron/print/glyphs.js';
import { loadShaper } from '../../../electron/print/shaper.js';
import { shapeLine } from '../../../electron/print/text.js';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { availableEngines, extractLines, type PdfEngine } from '../../helpers/pdf-text.js';

/** Khmer names of every unit in the gazetteer, and every one-line Khmer UI string. */
function corpus(): { names: string[]; ui: string[] } {
  const rows = parse(readFileSync(GAZETTEER_CSV, 'utf8'), { columns: true }) as Record<string, string>[];
  const names = [...new Set(rows.map((r) => r.name_km!).filter(Boolean))];
  const ui = new Set<string>();
  const kmDir = path.resolve(__dirname, '../../../shared/i18n/km');
  const walk = (value: unknown): void => {
    if (typeof value === 'string') ui.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of readdirSync(kmDir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(kmDir, file), 'utf8')));
  // One line each, as a document would set them (long sentences wrap; wrapping is tested elsewhere).
  return { names, ui: [...ui].filter((s) => /[\u1780-\u17FF]/.test(s) && !s.includes('\n') && s.length <= 60) };
}

async function render(strings: string[], face: FaceName): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const perPage = 35;
  strings.forEach((text, i) => {
    if (i > 0 && i % perPage === 0) doc.addPage();
    drawLine(doc, shapeLine(text, face, 11), 20, 30 + (i % perPage) * 22, 11);
  });
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Lines that did not come back as written, as [written, extracted] pairs. */
function differences(written: string[], extracted: string[], normalise: (s: string) => string = (s) => s): [string, string][] {
  expect(extracted.length).toBe(written.length);
  return written.map((s, i) => [s, extracted[i] ?? ''] as [string, string]).filter(([s, got]) => normalise(got) !== normalise(s));
}

/** Viewers give a run of spaces back as one (two gazetteer names have a double space). */
const oneSpace = (s: string) => s.replace(/ {2,}/g, ' ');
/** MuPDF reads only ToUnicode: a split vowel's extra glyph (e.g. the second part of ើ) stands for U+200B there. */
const withoutZeroWidthSpace = (s: string) => s.replaceAll('\u200B', '');
/** pdf.js and PDFium put a space of their own where a Khmer run meets a Latin one ("(CSV)" → "( CSV)"). */
const spacesCollapsed = (s: string) => s.replace(/\s+/g, '');

beforeAll(loadShaper);

describe('Khmer text copied out of Banhchi PDFs', () => {
  const { names, ui } = corpus();
  const engines = availableEngines();

  it('has the gazetteer and the UI strings to check, and poppler, MuPDF and pdf.js to read them', () => {
    expect(names.length).toBeGreaterThan(1500);
    expect(ui.length).toBeGreaterThan(300);
    expect(engines).toEqual(expect.arrayContaining<PdfEngine>(['poppler', 'mupdf', 'pdfjs']));
  });

  for (const face of ['km', 'moul'] as FaceName[]) {
    it.each(engines)(`gives back every gazetteer name set in ${face} through %s`, async (engine) => {
      const pdf = await render(names, face);
      const lines = await extractLines(engine, pdf);
      const normalise = engine === 'mupdf' ? (s: string) => oneSpace(withoutZeroWidthSpace(s)) : oneSpace;
      expect(differences(names, lines, normalise)).toEqual([]);
    }, 240_000);
  }

  it.each(engines)('gives back every one-line Khmer UI string through %s', async (engine) => {
    const pdf = await render(ui, 'km');
    const lines = await extractLines(engine, pdf);
    const normalise = engine === 'poppler' ? undefined : engine === 'mupdf' ? (s: string) => spacesCollapsed(withoutZeroWidthSpace(s)) : spacesCollapsed;
    expect(differences(ui, lines, normalise)).toEqual([]);
  }, 240_000);

  it('gives MuPDF the exact text of every name whose clusters have no more glyphs than characters', async () => {
    const pdf = await render(names, 'km');
    const lines = await extractLines('mupdf', pdf);
    const exact = names.filter((name, i) => lines[i] === name).length;
    // Split vowels (ើ ឿ ៀ ោ ៅ) are drawn with two glyphs; the rest must be exact.
    const splitVowel = /[\u17BE-\u17C0\u17C4\u17C5]/;
    expect(names.filter((name, i) => !splitVowel.test(name) && lines[i] !== name)).toEqual([]);
    expect(exact).toBeGreaterThan(names.length * 0.85);
  }, 240_000);
});
