import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Composer } from '../../../electron/print/compose.js';
import { renderCard } from '../../../electron/print/documents/card.js';
import { INLINE_FOREIGNERS, renderPledge } from '../../../electron/print/documents/pledge.js';
import { specimenCard, specimenPledge } from '../../../electron/print/documents/specimens.js';
import { loadShaper } from '../../../electron/print/shaper.js';
import { PRINT_LANGS, type PrintLang } from '../../../electron/print/strings.js';
import { tempDir } from '../../helpers/db.js';

beforeAll(loadShaper);

/** Pages of the finished PDF as poppler counts them, and its text. */
async function render(mode: PrintLang, draw: (c: Composer) => void, landscape = false): Promise<{ pages: number; text: string[] }> {
  const c = new Composer(mode, { landscape });
  draw(c);
  const file = path.join(tempDir(), 'doc.pdf');
  writeFileSync(file, await c.finish());
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  expect(pages).toBe(c.pages);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages);
  return { pages, text };
}

describe('document layout', () => {
  for (const mode of PRINT_LANGS) {
    it(`the pledge itself is one A4 page, the list inline or on a signed annex (${mode})`, async () => {
      expect(INLINE_FOREIGNERS).toBeGreaterThanOrEqual(5);
      const { pages, text } = await render(mode, (c) => renderPledge(c, specimenPledge(INLINE_FOREIGNERS)));
      const thumb = mode === 'km' ? 'ស្នាមមេដៃ' : 'Thumbprint';
      // The promises and the signatures are on the first page, whether the list fits beside them or not.
      expect(text[0]).toContain(thumb);
      expect(text[0]).toContain(mode === 'en' ? 'responsible before the law' : 'ទទួលខុសត្រូវចំពោះមុខច្បាប់');
      if (mode === 'km+en') {
        // Bilingual text leaves no room for five rows: they go to an annex that carries the number and signatures.
        expect(pages).toBe(2);
        expect(text[1]).toContain('C04031676');
        expect(text[1]).toContain('0042/26');
        expect(text[1]).toContain(thumb);
        expect(text[1]).toContain('Page 2 of 2');
      } else {
        expect(pages).toBe(1);
        expect(text[0]).toContain('C04031676');
      }
    });

    it(`pledge with a long list puts the list on an annex page (${mode})`, async () => {
      const count = INLINE_FOREIGNERS + 1;
      const { pages, text } = await render(mode, (c) => renderPledge(c, specimenPledge(count)));
      expect(pages).toBe(2);
      const passports = specimenPledge(count).foreigners.map((f) => f.passportNo);
      for (const passport of passports) {
        expect(text[0]).not.toContain(passport);
        expect(text[1]).toContain(passport);
      }
      if (mode !== 'km') expect(text[1]).toContain('Annex to pledge');
    });

    it(`blank declaration card is one page (${mode})`, async () => {
      const { pages } = await render(mode, (c) => renderCard(c, { ...specimenCard(0), employer: null }), true);
      expect(pages).toBe(1);
    });
  }

  it('a 40-foreigner annex flows onto further pages with the header repeated', async () => {
    const { pages, text } = await render('km+en', (c) => renderPledge(c, specimenPledge(40)));
    expect(pages).toBeGreaterThanOrEqual(3);
    // The table header repeats on every annex page that carries rows; the signatures follow the last row.
    for (const page of text.slice(1, -1)) expect(page).toContain('Passport');
    expect(text.at(-1)).toContain('Thumbprint');
  });

  it('has a thumbprint box of at least 30 × 40 mm and Khmer labels ending in ៖', async () => {
    const MM = 72 / 25.4;
    for (const mode of PRINT_LANGS) {
      const boxes: { w: number; h: number }[] = [];
      const { text } = await render(mode, (c) => {
        const box = c.box.bind(c);
        c.box = (x, y, w, h, width) => {
          boxes.push({ w, h });
          box(x, y, w, h, width);
        };
        renderPledge(c, specimenPledge(1));
      });
      expect(boxes.some((b) => b.w >= 30 * MM - 0.01 && b.h >= 40 * MM - 0.01), mode).toBe(true);
      if (mode !== 'en') {
        expect(text[0]).toContain('ឈ្មោះ៖');
        expect(text[0]).toContain('សញ្ជាតិ៖');
      }
      if (mode !== 'km') expect(text[0]).toContain('Nationality:');
    }
  });
});
