import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as hb from 'harfbuzzjs';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontPath, type FaceName } from '../../../electron/print/fonts.js';
import { drawLine, embeddedFont } from '../../../electron/print/glyphs.js';
import { loadShaper } from '../../../electron/print/shaper.js';
import { shapeLine } from '../../../electron/print/text.js';
import { GAZETTEER_CSV } from '../../helpers/db.js';
import { readRuns } from './pdf-reader.js';

/** Hard clusters: coeng stacks, ្រ, ៊/់, robat, vowels over subscripts, Khmer digits and signs. */
const HARD = [
  'ព្រះរាជាណាចក្រកម្ពុជា', 'ជាតិ សាសនា ព្រះមហាក្សត្រ', 'ស្ត្រី', 'ស្ត្រ', 'ក្រ', 'គ្រូ', 'ប្រៀប', 'ទ្រព្យ', 'ក្សត្រ', 'ក្ស', 'ន្ត្រ', 'ង្ក្រ',
  'ប៊ី', 'ស៊ុំ', 'ប៉ុន្តែ', 'ប៉ះ', 'ម៉ោង', 'ស៊ើប', 'ប៉ៃលិន', 'ធម៌', 'កម៌', 'ពណ៌', 'សួស្ដី', 'ក្ដី', 'ញ្ញុំ', 'ខ្ញុំ', 'ស្កឹម',
  'ក្បៀស', 'ស្នេហ៍', 'ព្រឹក្ស', 'កញ្ញា', 'ពាណិជ្ជកម្ម', 'វិច្ឆិកា', 'កុម្ភៈ', 'ឥឡូវ', 'ឦសាន', 'ឧសភា', 'ឬ', 'ឭ', 'ឮ', 'ឯ', 'ឱ្យ', 'ឲ្យ',
  '០១២៣៤៥៦៧៨៩', '៛', 'ៗ', 'ឆ្នាំ២០២៦។', '៕', 'ា', '្ក', 'ក់់', 'ក៏', 'ហ្វ៊ីលីពីន', 'ក្ល៊ុប', 'ស្រ្តី', 'ឝ', 'ឞ', 'ក\u200Bខ',
  'អ៊ីនធឺណិត', 'ទិដ្ឋាការ', 'ឡាន', 'ល្អ', 'ង៉ែត', 'ដ្ឋ', 'ណ្ណ', 'ន្ធ', 'ម្ល', 'ស្វ', 'ហ្គ', 'ញ៉ាំ', 'យ៉ាង', 'ស្រុកស្អាង',
];

const FACES: FaceName[] = ['km', 'kmBold', 'moul'];

function corpus(): string[] {
  const rows = parse(readFileSync(GAZETTEER_CSV, 'utf8'), { columns: true }) as Record<string, string>[];
  const strings = new Set<string>();
  for (const row of rows) {
    strings.add(row.name_km!);
    strings.add(row.type_km!);
  }
  const kmDir = path.resolve(__dirname, '../../../shared/i18n/km');
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.add(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const file of readdirSync(kmDir).filter((f) => f.endsWith('.json'))) walk(JSON.parse(readFileSync(path.join(kmDir, file), 'utf8')));
  for (const hard of HARD) strings.add(hard);
  return [...strings].filter((s) => /[\u1780-\u17FF]/.test(s));
}

/** HarfBuzz, called directly, as the reference. */
const reference = new Map<FaceName, hb.Font>();
function referenceShape(face: FaceName, text: string) {
  let font = reference.get(face);
  if (!font) {
    font = new hb.Font(new hb.Face(new hb.Blob(readFileSync(fontPath(face)))));
    reference.set(face, font);
  }
  const buffer = new hb.Buffer();
  buffer.addText(text);
  buffer.guessSegmentProperties();
  hb.shape(font, buffer);
  return buffer.getGlyphInfos().map((info, i) => ({ gid: info.codepoint, ...buffer.getGlyphPositions()[i]! }));
}

beforeAll(loadShaper);

describe('Khmer text path against HarfBuzz', () => {
  const strings = corpus();

  it('has a real corpus', () => {
    expect(strings.length).toBeGreaterThan(1500);
  });

  for (const face of FACES) {
    it(`draws exactly HarfBuzz's glyphs and positions in ${face}`, async () => {
      const doc = new PDFDocument({ size: 'A4', compress: false, margin: 0 });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const size = 12;
      const lines = strings.map((text) => shapeLine(text, face, size));
      lines.forEach((line, i) => {
        if (i % 40 === 0 && i > 0) doc.addPage();
        drawLine(doc, line, 20, 30 + (i % 40) * 20, size);
      });
      const ended = new Promise((resolve) => doc.on('end', resolve));
      doc.end();
      await ended;
      const pdf = Buffer.concat(chunks);

      const fonts = new Map<string, { face: FaceName; glyphs: number[]; widths: number[] }>();
      for (const name of new Set(lines.flatMap((l) => l.runs.map((r) => r.face)))) {
        const f = embeddedFont(doc, name);
        fonts.set(f.id, { face: name, glyphs: f.subset.glyphs, widths: f.widths });
      }
      const drawn = readRuns(pdf, (id, cid) => fonts.get(id)!.widths[cid]!);
      let d = 0;
      let glyphCount = 0;
      for (const line of lines) {
        let text = '';
        for (const run of line.runs) {
          const got = drawn[d++]!;
          const font = fonts.get(got.fontId)!;
          expect(font.face).toBe(run.face);
          text += got.actualText;
          // 1. the shaped run is HarfBuzz's output, field by field
          const ref = referenceShape(run.face, got.actualText);
          expect(run.glyphs.map(({ cluster: _c, ...g }) => g)).toEqual(ref);
          // 2. the PDF carries the same glyph ids at the same positions
          const upem = run.upem;
          let penX = 0;
          let penY = 0;
          expect(got.glyphs.map((g) => font.glyphs[g.cid])).toEqual(ref.map((g) => g.gid));
          ref.forEach((g, i) => {
            const pdfGlyph = got.glyphs[i]!;
            expect(Math.round((pdfGlyph.x * upem) / 1000)).toBe(penX + g.xOffset);
            expect(Math.abs(pdfGlyph.x * upem / 1000 - (penX + g.xOffset))).toBeLessThan(1e-3);
            expect(Math.abs((pdfGlyph.rise * upem) / size - (penY + g.yOffset))).toBeLessThan(1e-3);
            penX += g.xAdvance;
            penY += g.yAdvance;
          });
          glyphCount += ref.length;
          const next = drawn[d];
          if (run !== line.runs[line.runs.length - 1] && next) {
            expect(Math.abs(((next.tmX - got.tmX) * upem) / size - penX)).toBeLessThan(1e-2);
          }
        }
        expect(text).toBe(line.text);
      }
      expect(d).toBe(drawn.length);
      expect(glyphCount).toBeGreaterThan(10_000);
    });
  }
});
