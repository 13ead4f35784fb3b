import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Composer } from '../../../electron/print/compose.js';
import { renderCard } from '../../../electron/print/documents/card.js';
import { specimenCard } from '../../../electron/print/documents/specimens.js';
import { loadShaper } from '../../../electron/print/shaper.js';
import { PRINT_LANGS } from '../../../electron/print/strings.js';
import { tempDir } from '../../helpers/db.js';

beforeAll(loadShaper);

async function cardText(mode: (typeof PRINT_LANGS)[number], blank: boolean): Promise<string> {
  const c = new Composer(mode, { landscape: true });
  const data = specimenCard(3);
  renderCard(c, blank ? { ...data, employer: null } : data);
  const file = path.join(tempDir(), 'card.pdf');
  writeFileSync(file, await c.finish());
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

describe('declaration card place and date', () => {
  for (const mode of PRINT_LANGS) {
    it(`a blank card leaves place and date to the employer, on dotted lines (${mode})`, async () => {
      const text = await cardText(mode, true);
      // The office's place and the print date belong to a filled card only.
      expect(text).not.toContain('Chamkar Mon');
      expect(text).not.toContain('ចំការមន');
      expect(text).not.toMatch(/2026|២០២៦/);
      if (mode !== 'en') expect(text).toContain('ធ្វើនៅ………');
      if (mode !== 'km') expect(text).toContain('Done at ………');
    });
  }

  it('a filled card is placed and dated by the office', async () => {
    const text = await cardText('km+en', false);
    expect(text).toContain('Chamkar Mon');
    expect(text).toMatch(/2026/);
  });
});
