import { createHash } from 'node:crypto';
import QRCode from 'qrcode';

/** What a receipt's QR code carries: record id and a short hash of the facts it proves. */
export function receiptCode(stayId: string, facts: string[]): string {
  return `BANHCHI:STAY:${stayId}:${shortHash([stayId, ...facts])}`;
}

export function shortHash(parts: string[]): string {
  return createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 10);
}

export function parseReceiptCode(code: string): { stayId: string; hash: string } | null {
  const match = /^BANHCHI:STAY:([^:\s]{1,64}):([0-9a-f]{10})$/.exec(code.trim());
  return match ? { stayId: match[1]!, hash: match[2]! } : null;
}

/** Draws the QR code as vector squares, `size` points wide, top-left at (x, y). */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 2;
  const cell = size / (n + 2 * quiet);
  doc.save();
  for (let row = 0; row < n; row++) {
    let start = -1;
    for (let col = 0; col <= n; col++) {
      const dark = col < n && qr.modules.get(row, col);
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
        start = -1;
      }
    }
  }
  doc.fill('black').restore();
}
