import type { Composer } from '../compose.js';
import { digits, languagesOf, tr } from '../strings.js';
import { authority, field, placeDate, placeDateLine, section, table, title, type Column } from './parts.js';
import { nationalityIn, names, visaIn, words } from './pledge.js';
import type { CardData } from './types.js';

const CAP = 0.1;
const BLANK_ROWS = 7;
/** Row height of the blank card: about 8 mm, room for handwriting. */
const BLANK_ROW_HEIGHT = 22;

const COLUMNS: Column[] = [
  { key: 'field.no', width: 4 },
  { key: 'field.name', width: 20 },
  { key: 'field.nationality', width: 8 },
  { key: 'field.passport', width: 11 },
  { key: 'field.visa', width: 13 },
  { key: 'field.permit', width: 13 },
  { key: 'field.job', width: 13 },
  { key: 'field.accommodation', width: 18 },
];

/** Declaration card on foreign workers' work status: blank (boxes to write in) or filled from the register. */
export function renderCard(c: Composer, data: CardData): void {
  c.beginDocument();
  const top0 = c.y;
  c.kingdomHeading();
  authority(c, data.office, undefined, top0 + 30, 0.3);
  title(c, 'card');
  const main = languagesOf(c.mode)[0]!;
  const e = data.employer;
  const halfWidth = c.width / 2 - 10;
  const rightX = c.left + c.width / 2 + 10;
  const labelWidth = c.mode === 'km+en' ? 210 : 150;

  section(c, 'card.employerSection');
  const top = c.y;
  field(c, 'field.employer', e ? names(e.nameKm, e.nameLatin) : '', { width: halfWidth, labelWidth });
  field(c, 'field.registrationNo', e?.registrationNo ?? '', { width: halfWidth, labelWidth });
  field(c, 'field.sector', e?.sector ?? '', { width: halfWidth, labelWidth });
  field(c, 'field.address', e ? (c.mode === 'en' ? e.address.latin : e.address.km) : '', { width: halfWidth, labelWidth });
  field(c, 'field.phone', e?.phone ?? '', { width: halfWidth, labelWidth });
  const leftEnd = c.y;

  c.y = top;
  const countOpts = { x: rightX, width: halfWidth, labelWidth };
  const n = (value: number | undefined) => (value === undefined ? '' : digits(main, value));
  field(c, 'card.total', n(e?.workforceTotal), countOpts);
  field(c, 'card.cambodian', n(e?.cambodianCount), countOpts);
  field(c, 'card.foreignDeclared', n(e?.declaredForeign), countOpts);
  field(c, 'card.foreignRegistered', n(e ? Math.max(e.registeredForeign, data.workers.length) : undefined), countOpts);
  if (e) {
    const foreign = Math.max(e.declaredForeign, e.registeredForeign, data.workers.length);
    const share = e.workforceTotal > 0 ? foreign / e.workforceTotal : 0;
    const max = Math.floor(e.workforceTotal * CAP);
    const over = share > CAP;
    const pct = `${(share * 100).toFixed(1)}%`;
    for (const [i, language] of languagesOf(c.mode).entries()) {
      const line = `${tr(language, 'card.cap', { max, total: e.workforceTotal })} ${tr(language, 'card.share', { share: digits(language, pct) })} — ${tr(language, over ? 'card.overCap' : 'card.withinCap')}`;
      c.y += c.textAt(line, c.y + 2, { x: rightX, width: halfWidth, size: i === 0 ? 9.5 : 8.5, face: over ? 'kmBold' : 'km', color: over ? '#a00000' : i ? '#555555' : 'black' });
    }
  } else {
    for (const [i, language] of languagesOf(c.mode).entries()) {
      const line = tr(language, 'card.cap', { max: '……', total: '……' });
      c.y += c.textAt(line, c.y + 2, { x: rightX, width: halfWidth, size: i === 0 ? 9.5 : 8.5, color: i ? '#555555' : 'black' });
    }
  }
  c.y = Math.max(c.y, leftEnd) + 4;

  section(c, 'card.workers');
  const rows = e
    ? data.workers.map((w, i) => [
        digits(main, i + 1),
        w.name,
        nationalityIn(c, w.nationality),
        w.passportNo,
        visaIn(main, w.visa),
        [w.permit, tr(main, `card.status.${w.workStatus}`)].filter(Boolean).join('\n'),
        w.job,
        w.accommodation,
      ])
    : Array.from({ length: BLANK_ROWS }, (_, i) => [digits(main, i + 1), '', '', '', '', '', '', '']);
  if (e && rows.length === 0) c.pair(tr('km', 'card.noWorkers'), tr('en', 'card.noWorkers'), { size: 10 });
  else table(c, COLUMNS, rows, { minRowHeight: e ? 0 : BLANK_ROW_HEIGHT, size: 8.5 });

  // Declaration on the left; place and date, then the employer's signature and stamp on the right.
  const place = data.office.place;
  // A blank card is dated and placed by the employer who fills and signs it: dotted lines, not today.
  const placeLine = (language: 'km' | 'en') =>
    !e ? tr(language, 'placeDateBlank')
    : placeDateLine(language, place, data.date);
  const declareHeight = c.pairHeight(tr('km', 'card.declare'), tr('en', 'card.declare'), { size: 9.5, width: halfWidth });
  const placeHeight = languagesOf(c.mode).reduce((sum, language, i) => {
    return sum + c.layout(placeLine(language), { size: i === 0 ? 9.5 : 8, width: halfWidth }).height;
  }, 0);
  const signHeight = c.layout(words(c, 'card.signature'), { face: 'kmBold', size: 9, width: halfWidth }).height + 2 + 34;
  c.ensure(6 + Math.max(declareHeight, placeHeight + signHeight));
  c.y += 6;
  const top2 = c.y;
  c.pair(tr('km', 'card.declare'), tr('en', 'card.declare'), { size: 9.5, width: halfWidth });
  const leftEnd2 = c.y;
  c.y = top2;
  if (e) placeDate(c, place, data.date, rightX, halfWidth);
  else {
    for (const [i, language] of languagesOf(c.mode).entries()) {
      c.y += c.textAt(placeLine(language), c.y, { x: rightX, width: halfWidth, align: 'center', size: i === 0 ? 9.5 : 8, color: i ? '#555555' : 'black' });
    }
  }
  c.y += c.textAt(words(c, 'card.signature'), c.y + 2, { x: rightX, width: halfWidth, align: 'center', face: 'kmBold', size: 9 }) + 34;
  c.y = Math.max(c.y, leftEnd2);
}
