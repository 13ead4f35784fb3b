/**
 * Renders every document from the specimens in all three language modes to docs/samples/ as one small
 * grey PNG each (PDF → PNG at 150 dpi with pdftoppm; the annex sample is the pledge's annex page, the
 * inspection report's last page is the notice to the employer with the signatures).
 * Replaces the samples it renders; a PNG there that it does not render is named, never deleted.
 * `npx tsx scripts/print-samples.ts`
 */
import { execFileSync } from 'node:child_process';
import { deflateSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Composer } from '../electron/print/compose.js';
import { renderCampaignNotice } from '../electron/print/documents/campaign-notice.js';
import { renderCard } from '../electron/print/documents/card.js';
import { renderInspectionReport } from '../electron/print/documents/inspection.js';
import { INLINE_FOREIGNERS, renderPledge } from '../electron/print/documents/pledge.js';
import { renderReceipt } from '../electron/print/documents/receipt.js';
import { specimenCampaignNotice, specimenCard, specimenInspectionReport, specimenPledge, specimenReceipt } from '../electron/print/documents/specimens.js';
import { loadShaper } from '../electron/print/shaper.js';
import { PRINT_LANGS } from '../electron/print/strings.js';

const OUT = path.resolve(import.meta.dirname, '../docs/samples');

/** A binary PGM (pdftoppm -gray) as a 4-bit grey PNG: 16 levels keep anti-aliased text smooth at a third of the size. */
function pgmToPng4(pgm: Buffer): Buffer {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const stride = Math.ceil(width / 2);
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const level = Math.round(pixels[y * width + x]! / 17);
      raw[y * (stride + 1) + 1 + (x >> 1)]! |= x & 1 ? level : level << 4;
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let crc = 0xffffffff;
    for (const byte of body) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([4, 0, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

/** Each sample: how to render it and which page to keep. */
const DOCUMENTS: Record<string, { landscape?: boolean; page?: number; render: (c: Composer) => void }> = {
  pledge: { render: (c) => renderPledge(c, specimenPledge(2)) },
  'pledge-annex-last': { page: -1, render: (c) => renderPledge(c, specimenPledge(INLINE_FOREIGNERS + 13)) },
  'pledge-annex-p2': { page: 2, render: (c) => renderPledge(c, specimenPledge(18)) },
  card: { landscape: true, render: (c) => renderCard(c, specimenCard(6)) },
  'card-blank': { landscape: true, render: (c) => renderCard(c, { ...specimenCard(0), employer: null }) },
  receipt: { render: (c) => renderReceipt(c, specimenReceipt(5)) },
  'inspection-report': { render: (c) => renderInspectionReport(c, specimenInspectionReport()) },
  'inspection-report-last': { page: -1, render: (c) => renderInspectionReport(c, specimenInspectionReport()) },
  'campaign-notice': { render: (c) => renderCampaignNotice(c, specimenCampaignNotice()) },
};

await loadShaper();
mkdirSync(OUT, { recursive: true });
const written = new Set<string>();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'banhchi-samples-'));
let total = 0;
for (const [name, spec] of Object.entries(DOCUMENTS)) {
  for (const mode of PRINT_LANGS) {
    const c = new Composer(mode, { landscape: spec.landscape ?? false });
    spec.render(c);
    const pdf = path.join(tmp, `${name}.pdf`);
    writeFileSync(pdf, await c.finish());
    const stem = `${name}-${mode.replace('+', '')}`;
    const page = String(spec.page === -1 ? c.pages : (spec.page ?? 1));
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', page, '-l', page, '-singlefile', pdf, path.join(tmp, stem)]);
    const out = path.join(OUT, `${stem}.png`);
    written.add(`${stem}.png`);
    writeFileSync(out, pgmToPng4(readFileSync(path.join(tmp, `${stem}.pgm`))));
    total += statSync(out).size;
    console.log(`${stem}.png: page ${page} of ${c.pages}, ${Math.round(statSync(out).size / 1024)} KB`);
  }
}
rmSync(tmp, { recursive: true, force: true });
console.log(`total ${(total / 1024 / 1024).toFixed(2)} MB`);
const others = readdirSync(OUT).filter((f) => f.endsWith('.png') && !written.has(f));
if (others.length > 0) console.log(`not rendered by this script, left as they are: ${others.join(', ')}`);
