/**
 * Renders every document from the specimens in all three language modes to docs/samples/
 * (PDF → PNG at 150 dpi with pdftoppm, grey). `npx tsx scripts/print-samples.ts`
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Composer } from '../electron/print/compose.js';
import { renderCard } from '../electron/print/documents/card.js';
import { renderPledge } from '../electron/print/documents/pledge.js';
import { renderReceipt } from '../electron/print/documents/receipt.js';
import { specimenCard, specimenPledge, specimenReceipt } from '../electron/print/documents/specimens.js';
import { loadShaper } from '../electron/print/shaper.js';
import { PRINT_LANGS } from '../electron/print/strings.js';

const OUT = path.resolve(import.meta.dirname, '../docs/samples');

const DOCUMENTS: Record<string, { landscape?: boolean; render: (c: Composer) => void }> = {
  pledge: { render: (c) => renderPledge(c, specimenPledge(4)) },
  'pledge-annex': { render: (c) => renderPledge(c, specimenPledge(40)) },
  card: { landscape: true, render: (c) => renderCard(c, specimenCard(12)) },
  'card-blank': { landscape: true, render: (c) => renderCard(c, { ...specimenCard(0), employer: null }) },
  receipt: { render: (c) => renderReceipt(c, specimenReceipt(5)) },
};

await loadShaper();
mkdirSync(OUT, { recursive: true });
const tmp = mkdtempSync(path.join(os.tmpdir(), 'banhchi-samples-'));
for (const [name, spec] of Object.entries(DOCUMENTS)) {
  for (const mode of PRINT_LANGS) {
    const c = new Composer(mode, { landscape: spec.landscape ?? false });
    spec.render(c);
    const pdf = path.join(tmp, `${name}.pdf`);
    writeFileSync(pdf, await c.finish());
    const stem = `${name}-${mode.replace('+', '')}`;
    execFileSync('pdftoppm', ['-r', '150', '-png', '-gray', pdf, path.join(tmp, stem)]);
    for (const file of readdirSync(tmp).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'))) {
      renameSync(path.join(tmp, file), path.join(OUT, file.replace(/-0*(\d+)\.png$/, '-p$1.png')));
    }
    console.log(`${stem}: ${c.pages} page(s)`);
  }
}
rmSync(tmp, { recursive: true, force: true });
