import type { Composer } from '../compose.js';
import { nationalityName } from '../../../shared/display.js';
import { khmerPlaceDateLine } from '../../../shared/khmer.js';
import { dateIn, digits, languagesOf, tr } from '../strings.js';
import { authority, fieldRow, placeDate, section, table, title, type Column } from './parts.js';
import type { ForeignerRow, PledgeData } from './types.js';

/** Foreigners listed on the pledge itself; more go to an annex. */
export const INLINE_FOREIGNERS = 5;

const FOREIGNER_COLUMNS: Column[] = [
  { key: 'field.no', width: 5 },
  { key: 'field.name', width: 36 },
  { key: 'field.sex', width: 8 },
  { key: 'field.nationality', width: 11 },
  { key: 'field.passport', width: 14 },
  { key: 'field.arrived', width: 16 },
  { key: 'field.room', width: 8 },
];

/** `key` in each of the document's languages, joined. */
export function words(c: Composer, key: string): string {
  return languagesOf(c.mode).map((l) => tr(l, key)).join(' / ');
}

/** A date in the document's languages: `១២ មករា ២០២៦ (12 January 2026)`. */
export function dates(c: Composer, iso: string | null): string {
  if (!iso) return '';
  const [first, second] = languagesOf(c.mode).map((l) => dateIn(l, iso));
  return second ? `${first} (${second})` : first!;
}

export function names(nameKm: string, nameLatin: string): string {
  return nameKm && nameKm !== nameLatin ? `${nameKm} (${nameLatin})` : nameLatin;
}

function foreignerRows(c: Composer, rows: ForeignerRow[]): string[][] {
  const main = languagesOf(c.mode)[0]!;
  return rows.map((f, i) => [
    digits(main, i + 1),
    names(f.nameKm, f.name),
    tr(languagesOf(c.mode)[0]!, `sex.${f.sex}`),
    f.nationality,
    f.passportNo,
    dateIn(main, f.arrivedAt),
    f.room,
  ]);
}

/** The pledge (លិខិតសន្យា) of a premises owner or manager, on one A4 page; an annex page lists many foreigners. */
export function renderPledge(c: Composer, data: PledgeData): void {
  c.beginDocument();
  const top = c.y;
  c.kingdomHeading();
  const headingEnd = c.y;
  // Authority top left, from the second heading line down (beside the ornament), as on official letters.
  c.y = top;
  authority(c, data.office, data.docNo, top + (c.mode === 'en' ? 18 : 22));
  c.y = Math.max(headingEnd, c.y);
  title(c, 'pledge');

  const owner = data.owner;
  section(c, 'pledge.ownerSection');
  fieldRow(c, [{ labelKey: 'field.name', value: owner ? names(owner.nameKm, owner.nameLatin) : '' }]);
  fieldRow(c, [
    { labelKey: 'field.sex', value: owner ? words(c, `sex.${owner.sex}`) : '' },
    { labelKey: 'field.nationality', value: owner?.nationality ? languagesOf(c.mode).map((l) => nationalityName(owner.nationality, l)).filter((n, i, all) => all.indexOf(n) === i).join(' / ') : '' },
  ]);
  fieldRow(c, [
    { labelKey: 'field.birthDate', value: owner ? dates(c, owner.birthDate) : '' },
    { labelKey: 'field.idNumber', value: owner ? `${words(c, `idKind.${owner.idKind}`)} ${owner.idNumber}`.trim() : '' },
  ]);
  fieldRow(c, [
    { labelKey: 'field.role', value: owner ? words(c, `role.${owner.role}`) : '' },
    { labelKey: 'field.phone', value: owner?.phone ?? '' },
  ]);

  const p = data.premises;
  section(c, 'pledge.premisesSection');
  fieldRow(c, [{ labelKey: 'field.premises', value: names(p.nameKm, p.nameLatin) }]);
  fieldRow(c, [
    { labelKey: 'field.premisesType', value: c.mode === 'en' ? p.typeEn : c.mode === 'km' ? p.typeKm : `${p.typeKm} / ${p.typeEn}` },
    { labelKey: 'field.businessRegNo', value: p.businessRegNo ?? '' },
  ]);
  fieldRow(c, [{ labelKey: 'field.address', value: c.mode === 'en' ? p.address.latin : c.mode === 'km' ? p.address.km : `${p.address.km}\n${p.address.latin}` }]);

  const count = data.foreigners.length;
  const main = languagesOf(c.mode)[0]!;
  section(c, 'pledge.foreignersSection', { count });
  const annex = count > INLINE_FOREIGNERS;
  if (count === 0) c.pair(tr('km', 'pledge.noForeigners'), tr('en', 'pledge.noForeigners'), { x: c.left + 6, size: 9 });
  else if (annex) c.pair(tr('km', 'pledge.seeAnnex', { count }), tr('en', 'pledge.seeAnnex', { count }), { x: c.left + 6, size: 9 });
  else table(c, FOREIGNER_COLUMNS, foreignerRows(c, data.foreigners), { size: 8, pad: 2 });

  c.y += 3;
  c.pair(tr('km', 'pledge.intro'), tr('en', 'pledge.intro'), { face: 'kmBold', size: 9.5 });
  for (let i = 1; i <= 5; i++) {
    const number = `${digits(main, i)}. `;
    const clause = { size: 9, x: c.left + 20 };
    c.ensure(c.pairHeight(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), clause));
    c.textAt(number, c.y, { size: 9, x: c.left + 6, width: 14 });
    c.pair(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), clause);
  }
  c.y += 1;
  c.pair(tr('km', 'pledge.closing'), tr('en', 'pledge.closing'), { face: 'kmBold', size: 9.5 });

  signatures(c, data);
  if (annex) {
    c.newPage();
    c.pair(tr('km', 'pledge.annexTitle', { number: digits('km', data.docNo) }), tr('en', 'pledge.annexTitle', { number: data.docNo }), {
      face: 'kmBold',
      size: 11,
    });
    c.y += 4;
    table(c, FOREIGNER_COLUMNS, foreignerRows(c, data.foreigners));
  }
}

const BOX_H = 36;
const THUMB_W = 62;

/** Place-and-date line on the right; under it, left: commune police acknowledgement; right: signature and thumbprint boxes. */
function signatures(c: Composer, data: PledgeData): void {
  const colWidth = c.width / 2 - 8;
  const rightX = c.left + c.width / 2 + 8;
  const dateX = c.left + c.width * 0.3;
  const dateWidth = c.right - dateX;
  const signW = colWidth - THUMB_W - 8;
  const ownerName = data.owner ? [data.owner.nameKm, data.owner.nameLatin].filter((n, i, all) => n && all.indexOf(n) === i).join('\n') : '';
  const placeHeight = languagesOf(c.mode).reduce((sum, language, i) => {
    const text = language === 'km' ? khmerPlaceDateLine(data.office.place.km, data.date) : tr('en', 'placeDate', { place: data.office.place.latin, date: dateIn('en', data.date) });
    return sum + c.layout(text, { size: i === 0 ? 9.5 : 8, width: dateWidth }).height;
  }, 0);
  const labelHeight = c.layout(words(c, 'pledge.signature'), { face: 'kmBold', size: 8, width: colWidth }).height;
  const nameHeight = Math.max(c.layout(ownerName || '-', { size: 8.5, width: signW }).height, c.mode === 'km+en' ? 22 : 12);
  c.ensure(3 + placeHeight + labelHeight + 3 + BOX_H + 1 + nameHeight);
  c.y += 3;
  placeDate(c, data.office.place, data.date, dateX, dateWidth);
  const top = c.y;

  // Right column
  c.y += c.textAt(words(c, 'pledge.signature'), c.y + 1, { x: rightX, width: colWidth, align: 'center', face: 'kmBold', size: 8 }) + 3;
  c.box(rightX, c.y, signW, BOX_H);
  c.box(rightX + signW + 8, c.y, THUMB_W, BOX_H);
  const thumb = languagesOf(c.mode).map((l) => tr(l, 'pledge.thumbprint')).join('\n');
  c.textAt(thumb, c.y + BOX_H + 1, { x: rightX + signW + 8, width: THUMB_W, align: 'center', size: 7.5, color: '#333333' });
  c.textAt(ownerName, c.y + BOX_H + 1, { x: rightX, width: signW, align: 'center', size: 8.5 });
  const rightEnd = c.y + BOX_H + 1 + nameHeight;

  // Left column
  c.y = top;
  c.y += c.textAt(words(c, 'pledge.acknowledged'), c.y + 1, { x: c.left, width: colWidth, align: 'center', face: 'kmBold', size: 8.5 });
  c.y += c.textAt(words(c, 'pledge.policePost'), c.y, { x: c.left, width: colWidth, align: 'center', size: 8 });
  const stampY = Math.max(c.y + 36, rightEnd - 12);
  c.y = stampY + c.textAt(words(c, 'pledge.policeSignature'), stampY, { x: c.left, width: colWidth, align: 'center', size: 7.5, color: '#333333' });
  c.y = Math.max(c.y, rightEnd);
}
