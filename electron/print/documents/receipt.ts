import { nationalityName } from '../../../shared/display.js';
import type { Composer } from '../compose.js';
import { drawQr } from '../qr.js';
import { dateIn, languagesOf, tr } from '../strings.js';
import { field, fieldRow, officeNames } from './parts.js';
import { docNumber, names, visaIn, words } from './pledge.js';
import type { ReceiptData } from './types.js';

function dateTime(c: Composer, iso: string): string {
  const language = languagesOf(c.mode)[0]!;
  const time = /T(\d{2}:\d{2})/.exec(iso)?.[1];
  const date = dateIn(language, iso);
  if (!time) return date;
  return `${date} ${language === 'km' ? time.replace(/[0-9]/g, (d) => String.fromCharCode(0x17e0 + Number(d))) : time}`;
}

/** The registration receipt: two copies on one A4 page (owner, foreigner), each with the QR code. */
export function renderReceipt(c: Composer, data: ReceiptData): void {
  c.beginDocument();
  const half = (c.bottom - c.top) / 2;
  copy(c, data, 'receipt.copyOwner', c.top, half - 12);
  const cutY = c.top + half;
  c.rule(cutY, true);
  const cut = languagesOf(c.mode).map((l) => tr(l, 'receipt.cut')).join(' / ');
  c.textAt(cut, cutY - 12, { size: 7, color: '#777777', x: c.left, width: c.width, align: 'center' });
  copy(c, data, 'receipt.copyForeigner', cutY + 12, half - 12);
}

function copy(c: Composer, data: ReceiptData, copyKey: string, top: number, height: number): void {
  const qrSize = 104;
  const textWidth = c.width - qrSize - 12;
  c.y = top;
  for (const name of officeNames(data.office, c.mode)) c.y += c.textAt(name, c.y, { face: 'kmBold', size: 9, width: textWidth });
  for (const [i, language] of languagesOf(c.mode).entries()) {
    const face = language === 'km' ? 'moul' : 'kmBold';
    c.y += c.textAt(tr(language, 'receipt.title'), c.y, { face, size: i === 0 ? 13 : 10, width: textWidth });
  }
  c.y += c.textAt(words(c, copyKey), c.y, { size: 8.5, color: '#555555', width: textWidth });
  drawQr(c.doc, data.code, c.right - qrSize, top, qrSize);
  c.textAt(data.code.split(':').pop() ?? '', top + qrSize, { size: 7, x: c.right - qrSize, width: qrSize, align: 'center', color: '#555555' });

  const p = data.person;
  const opts = { width: c.width - 10, labelWidth: c.mode === 'km+en' ? 175 : 120 };
  c.y = Math.max(c.y + 4, top + qrSize + 14);
  const main = languagesOf(c.mode)[0]!;
  field(c, 'field.receiptNo', docNumber(main, data.number), opts);
  field(c, 'field.name', names(p.nameKm, p.name), opts);
  const pair = { labelWidth: c.mode === 'km+en' ? 100 : 70 };
  fieldRow(c, [
    { labelKey: 'field.nationality', value: languagesOf(c.mode).map((l) => nationalityName(p.nationality, l)).filter((n, i, all) => all.indexOf(n) === i).join(' / ') },
    { labelKey: 'field.sex', value: words(c, `sex.${p.sex}`) },
  ], pair);
  fieldRow(c, [
    { labelKey: 'field.birthDate', value: dateIn(main, p.birthDate) },
    { labelKey: 'field.passport', value: p.passportNo },
  ], pair);
  const visa = visaIn(main, p.visa);
  if (visa) field(c, 'field.visa', visa, opts);
  const prem = data.premises;
  const address = c.mode === 'en' ? prem.address.latin : prem.address.km;
  field(c, 'field.premises', `${names(prem.nameKm, prem.nameLatin)}${data.room ? `, ${tr(languagesOf(c.mode)[0]!, 'field.room')} ${data.room}` : ''}\n${address}`, opts);
  field(c, 'field.arrived', dateTime(c, data.arrivedAt), opts);
  field(c, 'field.reported', dateTime(c, data.reportedAt), opts);
  if (data.late) c.text(words(c, 'receipt.late'), { face: 'kmBold', size: 9, color: '#a00000', x: c.left + 10 });
  const verify = languagesOf(c.mode).map((l) => tr(l, 'receipt.verify')).join(' ');
  const bottom = top + height;
  const h = c.layout(verify, { size: 7.5 }).height;
  c.textAt(verify, Math.max(c.y + 2, bottom - h), { size: 7.5, color: '#555555' });
}
