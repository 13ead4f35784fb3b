import type { Composer } from '../compose.js';
import { digits, languagesOf, tr } from '../strings.js';
import { authority, dots, field, placeDateLine, section, title } from './parts.js';
import { dates, words } from './pledge.js';
import type { OfficeInfo } from './types.js';

/** What the recovery sheet prints: the recovery key itself is on this page and nowhere else. */
export interface RecoverySheetData {
  office: OfficeInfo;
  /** The office's local date and time the key was made (YYYY-MM-DDTHH:MM…). */
  made: string;
  /** Crockford base32 in groups of four, `XXXX-XXXX-…`. */
  recoveryKey: string;
  /** The key's fingerprint (not secret): tells which register the sheet belongs to. */
  fingerprint: string;
}

const MM = 72 / 25.4;

/** The recovery key, large, four groups a line, each group in its own box, so it can be copied by hand. */
function keyBlock(c: Composer, recoveryKey: string): void {
  const groups = recoveryKey.split('-');
  const perLine = 4;
  const boxW = 30 * MM;
  const boxH = 13 * MM;
  const gap = 5 * MM;
  const lineWidth = perLine * boxW + (perLine - 1) * gap;
  const x0 = c.left + (c.width - lineWidth) / 2;
  const lines = Math.ceil(groups.length / perLine);
  c.ensure(lines * (boxH + gap) + 20);
  c.y += 4;
  for (let line = 0; line < lines; line++) {
    const top = c.y;
    groups.slice(line * perLine, line * perLine + perLine).forEach((group, i) => {
      const n = line * perLine + i + 1;
      const x = x0 + i * (boxW + gap);
      c.box(x, top, boxW, boxH, 0.9);
      c.textAt(String(n), top + 1, { x: x + 2, width: 10, size: 6, color: '#777777' });
      // Latin letters and digits only (Crockford base32): set large in the bold Latin face.
      c.textAt(group, top + (boxH - 24) / 2, { face: 'latinBold', size: 20, x, width: boxW, align: 'center' });
    });
    c.y = top + boxH + gap;
  }
}

/**
 * The recovery sheet (issue 11 item 4): Kingdom heading, the office, the title, when it was made
 * and the key's fingerprint, the recovery key in numbered groups, what the key is for and how to
 * keep it, the place-and-date line and two signatures (the administrator who made it, a witness).
 */
export function renderRecoverySheet(c: Composer, data: RecoverySheetData): void {
  c.beginDocument();
  const top = c.y;
  c.kingdomHeading();
  const headingEnd = c.y;
  c.y = top;
  authority(c, data.office, undefined, top + (c.mode === 'en' ? 18 : 22));
  c.y = Math.max(headingEnd, c.y) + 4;
  title(c, 'recovery');

  const main = languagesOf(c.mode)[0]!;
  const officeName = [...new Set(languagesOf(c.mode).map((l) => (l === 'km' ? data.office.nameKm || data.office.name : data.office.name || data.office.nameKm)))].join(' / ');
  field(c, 'recovery.office', officeName);
  const time = /T(\d{2}:\d{2})/.exec(data.made)?.[1] ?? '';
  field(c, 'recovery.made', `${dates(c, data.made.slice(0, 10))}${time ? `  ${digits(main, time)}` : ''}`);
  field(c, 'recovery.fingerprint', data.fingerprint.toUpperCase().match(/.{1,4}/g)!.join(' '));

  section(c, 'recovery.keyHeading');
  keyBlock(c, data.recoveryKey);
  c.pair(tr('km', 'recovery.keyNote'), tr('en', 'recovery.keyNote'), { size: 8.5, x: c.left + 6, width: c.width - 6 });

  const bullets = (prefix: string, count: number) => {
    for (let i = 1; i <= count; i++) {
      const number = `${digits(main, i)}.`;
      c.ensure(c.pairHeight(tr('km', `${prefix}${i}`), tr('en', `${prefix}${i}`), { size: 9, x: c.left + 20 }));
      c.textAt(number, c.y, { size: 9, x: c.left + 6, width: 14 });
      c.pair(tr('km', `${prefix}${i}`), tr('en', `${prefix}${i}`), { size: 9, x: c.left + 20, width: c.width - 20 });
    }
  };
  section(c, 'recovery.useHeading');
  bullets('recovery.use', 3);
  section(c, 'recovery.keepHeading');
  bullets('recovery.keep', 4);

  // Place and date, then the administrator's and a witness's signatures side by side.
  const colWidth = c.width / 2 - 8;
  const signHeight = 34 * MM;
  c.ensure(signHeight + 40);
  c.y += 6;
  for (const [i, language] of languagesOf(c.mode).entries()) {
    c.y += c.textAt(placeDateLine(language, data.office.place, data.made.slice(0, 10)), c.y, {
      x: c.left + c.width / 2, width: c.width / 2, align: 'center', size: i === 0 ? 9 : 7.5, color: i === 0 ? 'black' : '#555555',
    });
  }
  c.y += 3;
  const signTop = c.y;
  for (const [i, key] of (['recovery.witness', 'recovery.madeBy'] as const).entries()) {
    const x = c.left + i * (colWidth + 16);
    c.textAt(words(c, key), signTop, { x, width: colWidth, align: 'center', face: 'kmBold', size: 8.5 });
    dots(c, x + 20, signTop + signHeight - 6, x + colWidth - 20);
  }
  c.y = signTop + signHeight + 4;
  const envelope = `${languagesOf(c.mode).map((l) => `${tr(l, 'recovery.envelope')}${l === 'km' ? '៖' : ':'}`).join(' / ')}`;
  c.ensure(20);
  const labelWidth = c.layout(envelope, { size: 8 }).lines[0]?.width ?? 120;
  c.textAt(envelope, c.y, { size: 8, color: '#333333' });
  dots(c, c.left + labelWidth + 6, c.y + 10, c.left + labelWidth + 180);
  c.y += 16;
}
