import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { drawLine } from '../print/glyphs.js';
import { loadShaper } from '../print/shaper.js';
import { shapeLine, verticalMetrics } from '../print/text.js';
import type { KeyCard } from './format/index.js';

const LEVEL_KM = { commune: 'ឃុំ/សង្កាត់', province: 'ខេត្ត/រាជធានី', national: 'ថ្នាក់ជាតិ' } as const;
const MM = 72 / 25.4;

/** One A4 page: office, fingerprints to read out by phone, and the QR code the office above scans. */
export async function keyCardPdf(card: KeyCard, aboveName: string | null = null): Promise<Buffer> {
  await loadShaper();
  const doc = new PDFDocument({ size: 'A4', margin: 0, info: { Producer: 'Banhchi', Creator: 'Banhchi', Title: 'Office public key card' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const x = 20 * MM;
  let y = 20 * MM;
  const line = (text: string, size: number, gap = 4) => {
    const { ascent, descent } = verticalMetrics('km', size);
    drawLine(doc, shapeLine(text, 'km', size), x, y + ascent, size);
    y += ascent + descent + gap;
  };
  line('កាតកូនសោសាធារណៈរបស់ការិយាល័យ', 16, 0);
  line('Office public key card', 12, 10);
  line(card.name, 14);
  line(`${LEVEL_KM[card.level]} · ${card.level} ${card.unitCode}`, 11);
  line(`Office id: ${card.officeId}`, 9);
  if (card.parentOfficeId) line(`ការិយាល័យថ្នាក់លើ · Office above: ${aboveName ?? card.parentOfficeId}`, 9);
  y += 8;
  line('ស្នាមម្រាមដៃកូនសោចុះហត្ថលេខា · Signing key fingerprint', 10, 0);
  line(card.signingKeyId, 16, 8);
  line('ស្នាមម្រាមដៃកូនសោអ៊ិនគ្រីប · Encryption key fingerprint', 10, 0);
  line(card.ageKeyId, 16, 8);
  line(`Created: ${card.createdAt}`, 9, 10);
  const qr = QRCode.create(card.qrPayload, { errorCorrectionLevel: 'M' });
  const cells = qr.modules.size;
  const cell = Math.min(4, 220 / cells);
  for (let row = 0; row < cells; row += 1) {
    for (let col = 0; col < cells; col += 1) {
      if (qr.modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell).fill('black');
    }
  }
  y += cells * cell + 12;
  line('ផ្ទៀងផ្ទាត់ស្នាមម្រាមដៃតាមទូរស័ព្ទ ឬផ្ទាល់ មុនពេលចុះបញ្ជីកូនសោនេះ។', 10, 0);
  line('Check the fingerprints by phone or in person before registering this key.', 10);
  doc.end();
  return done;
}
