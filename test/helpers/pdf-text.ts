import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Text extraction through the PDF engines people read Banhchi's documents with: poppler
 * (pdftotext, most Linux viewers), MuPDF (mutool), pdf.js (Firefox's viewer) and PDFium
 * (Chromium's and Electron's viewer, through pypdfium2). Each returns the page text as lines.
 */
export type PdfEngine = 'poppler' | 'mupdf' | 'pdfjs' | 'pdfium';

function withFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'banhchi-pdf-text-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (text: string) => text.split(/\r?\n|\f/).map((l) => l.trim()).filter((l) => l.length > 0);

const PDFIUM_SCRIPT = `
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
out = []
for page in pdf:
    out.append(page.get_textpage().get_text_range())
sys.stdout.write("\\n".join(out))
`;

/** Engines installed on this machine (pdf.js always: it is an npm dev dependency). */
export function availableEngines(): PdfEngine[] {
  const engines: PdfEngine[] = ['pdfjs'];
  if (spawnSync('pdftotext', ['-v']).status === 0) engines.push('poppler');
  if (spawnSync('mutool', ['-v']).status === 0) engines.push('mupdf');
  if (spawnSync('python3', ['-c', 'import pypdfium2']).status === 0) engines.push('pdfium');
  return engines;
}

export async function extractLines(engine: PdfEngine, pdf: Uint8Array): Promise<string[]> {
  switch (engine) {
    case 'poppler':
      return withFile(pdf, (file) => lines(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 })));
    case 'mupdf':
      return withFile(pdf, (file) => lines(execFileSync('mutool', ['draw', '-q', '-F', 'txt', '-o', '-', file], { encoding: 'utf8', maxBuffer: 1 << 28 })));
    case 'pdfium':
      return withFile(pdf, (file) => lines(execFileSync('python3', ['-c', PDFIUM_SCRIPT, file], { encoding: 'utf8', maxBuffer: 1 << 28 })));
    case 'pdfjs':
      return pdfjsLines(pdf);
  }
}

async function pdfjsLines(pdf: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    // pdf.js gives text items, not lines: a new line starts where the baseline moves.
    let line = '';
    let baseline: number | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      if (baseline !== undefined && Math.abs(y - baseline) > 8 && line) {
        out.push(line);
        line = '';
      }
      baseline = y;
      line += item.str;
      if (item.hasEOL) {
        out.push(line);
        line = '';
      }
    }
    if (line) out.push(line);
  }
  await doc.destroy();
  return lines(out.join('\n'));
}
