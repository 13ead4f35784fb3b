import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { drawLine } from '../../../electron/print/glyphs.js';
import { loadShaper } from '../../../electron/print/shaper.js';
import { breakOpportunities, clusterSafe, itemize, shapeLine, wrap } from '../../../electron/print/text.js';
import { tempDir } from '../../helpers/db.js';

const PARAGRAPH =
  'ខ្ញុំបាទ/នាងខ្ញុំ សូមសន្យាថា នឹងមិនទទួលជនបរទេសដែលគ្មានលិខិតឆ្លងដែន ឬទិដ្ឋាការត្រឹមត្រូវ ឱ្យស្នាក់នៅ ឬធ្វើការនៅក្នុងទីតាំងរបស់ខ្ញុំឡើយ។ ' +
  'I will not accept foreigners without valid passports (ID 12345) ព្រះរាជាណាចក្រកម្ពុជា ស្ត្រី ពាណិជ្ជកម្ម ០១២៣៤៥៦៧៨៩';

beforeAll(loadShaper);

async function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function pdftotext(pdf: Buffer): string {
  const file = path.join(tempDir(), 'out.pdf');
  writeFileSync(file, pdf);
  return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('itemize', () => {
  it('puts Khmer in the Khmer face and Latin in the Latin face, spaces with their neighbours', () => {
    const runs = itemize('ឈ្មោះ Name: សុខ', 'km');
    expect(runs.map((r) => r.face)).toEqual(['km', 'latin', 'km']);
    expect(runs.map((r) => r.text).join('')).toBe('ឈ្មោះ Name: សុខ');
  });
});

describe('line breaking', () => {
  it('breaks between words, never inside a cluster, and keeps every character', () => {
    for (const width of [60, 90, 150, 240, 400]) {
      const lines = wrap(PARAGRAPH, 'km', 11, width);
      const opportunities = new Set(breakOpportunities(PARAGRAPH));
      let offset = 0;
      for (const [i, line] of lines.entries()) {
        expect(line.width).toBeLessThanOrEqual(width + 0.01);
        while (PARAGRAPH[offset] === ' ') offset++;
        expect(PARAGRAPH.startsWith(line.text, offset)).toBe(true);
        if (i > 0) expect(opportunities.has(offset) || clusterSafe(PARAGRAPH, offset)).toBe(true);
        expect(clusterSafe(PARAGRAPH, offset)).toBe(true);
        offset += line.text.length;
      }
      expect(PARAGRAPH.slice(offset).trim()).toBe('');
    }
  });

  it('finds Khmer word boundaries with Intl.Segmenter', () => {
    const text = 'ព្រះរាជាណាចក្រកម្ពុជា';
    const cuts = breakOpportunities(text);
    expect(cuts.length).toBeGreaterThan(0);
    for (const cut of cuts) expect(clusterSafe(text, cut)).toBe(true);
    expect(clusterSafe('ស្ត្រី', 2)).toBe(false);
  });
});

describe('pdftotext round trip', () => {
  it('gives back the original Unicode text, line by line', async () => {
    const samples = ['ព្រះរាជាណាចក្រកម្ពុជា', 'ជាតិ សាសនា ព្រះមហាក្សត្រ', 'ស្ត្រី ប៉ុន្តែ ធម៌ សួស្ដី ខ្ញុំ', 'ថ្ងៃទី២១ ខែវិច្ឆិកា ឆ្នាំ២០២៦', 'Name ឈ្មោះ: សុខ សុភា (Sok Sophea)'];
    const pdf = await pdfOf((doc) => samples.forEach((s, i) => drawLine(doc, shapeLine(s, i < 2 ? 'moul' : 'km', 14), 40, 60 + i * 40, 14)));
    const lines = pdftotext(pdf).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(samples);
  });

  it('gives back a wrapped paragraph', async () => {
    const lines = wrap(PARAGRAPH, 'km', 11, 200);
    const pdf = await pdfOf((doc) => lines.forEach((line, i) => drawLine(doc, line, 40, 60 + i * 22, 11)));
    const out = pdftotext(pdf).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(out).toEqual(lines.map((l) => l.text));
    expect(out.join('').replace(/\s/g, '')).toBe(PARAGRAPH.replace(/\s/g, ''));
  });
});
