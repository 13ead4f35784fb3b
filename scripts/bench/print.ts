/**
 * Printing benchmark: `npx tsx scripts/bench/print.ts [receipts]` (default 1,000).
 * One pledge warm (median of 20), N receipts in one PDF (pages/s, peak heap at N/4 and N),
 * and the floor: plain pdfkit drawing the receipts' text in Latin only with its own text API.
 * Targets: pledge < 300 ms warm; batch ≥ 50 pages/s; memory flat with batch size.
 */
import PDFDocument from 'pdfkit';
import { Composer } from '../../electron/print/compose.js';
import { renderPledge } from '../../electron/print/documents/pledge.js';
import { renderReceipt } from '../../electron/print/documents/receipt.js';
import { specimenPledge, specimenReceipt } from '../../electron/print/documents/specimens.js';
import { fontBytes } from '../../electron/print/fonts.js';
import { loadShaper } from '../../electron/print/shaper.js';
import { tr } from '../../electron/print/strings.js';

const receipts = Number(process.argv[2]) || 1000;
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

async function pledgeMs(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 23; i++) {
    const t0 = performance.now();
    const c = new Composer('km+en');
    renderPledge(c, specimenPledge(4));
    await c.finish();
    if (i >= 3) times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Renders n receipts into one PDF; returns ms, pages, bytes and the peak heap seen while rendering. */
async function batch(n: number, measureMemory = false): Promise<{ ms: number; pages: number; bytes: number; peakHeap: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  const t0 = performance.now();
  const c = new Composer('km+en');
  let bytes = 0;
  c.doc.on('data', (chunk: Buffer) => (bytes += chunk.length));
  for (let i = 0; i < n; i++) {
    renderReceipt(c, specimenReceipt(i % 50));
    if (measureMemory && i % 100 === 99) {
      global.gc?.();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    }
  }
  await new Promise<void>((resolve) => {
    c.doc.on('end', () => resolve());
    c.doc.end();
  });
  return { ms: performance.now() - t0, pages: c.pages, bytes, peakHeap: peak };
}

/** The floor: the same receipts' English text with pdfkit's own text() and a Latin font. */
async function floor(n: number): Promise<number> {
  const t0 = performance.now();
  const doc = new PDFDocument({ size: 'A4', margin: 56, autoFirstPage: false });
  doc.registerFont('latin', fontBytes('latin'));
  doc.on('data', () => undefined);
  for (let i = 0; i < n; i++) {
    const r = specimenReceipt(i % 50);
    doc.addPage().font('latin');
    for (const copy of [0, 1]) {
      doc.y = 42 + copy * 380;
      doc.fontSize(9).text(r.office.name.replace(/[\u1780-\u17FF]+/g, ''));
      doc.fontSize(13).text(tr('en', 'receipt.title'));
      doc.fontSize(10);
      for (const [k, v] of [
        ['field.receiptNo', r.stayId], ['field.name', r.person.name], ['field.nationality', r.person.nationality],
        ['field.passport', r.person.passportNo], ['field.premises', `${r.premises.nameLatin}\n${r.premises.address.latin}`],
        ['field.arrived', r.arrivedAt], ['field.reported', r.reportedAt],
      ] as const) doc.text(`${tr('en', k)}: ${v}`);
      doc.fontSize(7.5).text(tr('en', 'receipt.verify'));
    }
  }
  await new Promise<void>((resolve) => {
    doc.on('end', () => resolve());
    doc.end();
  });
  return performance.now() - t0;
}

await loadShaper();
const pledge = await pledgeMs();
console.log(`print: pledge (km+en, warm, median of 20) ${pledge.toFixed(1)} ms  target < 300 ms  ${pledge < 300 ? 'ok' : 'SLOW'}`);
await batch(50); // warm the shaping cache and the JIT
const quarter = await batch(Math.max(100, Math.floor(receipts / 4)), true);
const fullMemory = await batch(receipts, true);
const full = await batch(receipts);
const rate = (full.pages / full.ms) * 1000;
console.log(
  `print: ${receipts} receipts in one PDF: ${full.pages} pages in ${full.ms.toFixed(0)} ms = ${rate.toFixed(0)} pages/s  target >= 50  ${rate >= 50 ? 'ok' : 'SLOW'}  (${mib(full.bytes)})`,
);
console.log(`print: live heap growth (after GC) ${mib(quarter.peakHeap)} at ${quarter.pages} pages, ${mib(fullMemory.peakHeap)} at ${fullMemory.pages} pages${global.gc ? '' : ' (run with --expose-gc)'}`);
const floorMs = await floor(receipts);
console.log(`print: floor, plain pdfkit Latin-only text: ${floorMs.toFixed(0)} ms = ${((receipts / floorMs) * 1000).toFixed(0)} pages/s; ratio ours/floor ${(full.ms / floorMs).toFixed(2)}x`);
