import { GREY, type Composer } from '../compose.js';
import { codeName, nationalityName } from '../../../shared/display.js';
import { dateIn, digits, languagesOf, tr } from '../strings.js';
import { authority, fieldRow, placeDateLine, section, table, tableHeight, title, type Column } from './parts.js';
import type { ForeignerRow, PledgeData, VisaInfo } from './types.js';

/** Foreigners listed on the pledge itself; more go to an annex. */
export const INLINE_FOREIGNERS = 5;

const FOREIGNER_COLUMNS: Column[] = [
  { key: 'field.no', width: 5 },
  { key: 'field.name', width: 31 },
  { key: 'field.sex', width: 8 },
  { key: 'field.nationality', width: 16 },
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

/** A nationality by name in each of the document's languages, one per line (`ចិន` / `China`). */
export function nationalityIn(c: Composer, code: string): string {
  if (!code) return '';
  const named = languagesOf(c.mode).map((l) => nationalityName(code, l));
  return [...new Set(named)].join('\n');
}

/** A visa in one language: type by name, number, expiry date (`ទិដ្ឋាការការងារ EB 20000 រហូតដល់ ៣១ មករា ២០២៧`). */
export function visaIn(language: 'km' | 'en', visa: VisaInfo): string {
  if (!visa.type && !visa.number) return '';
  const type = visa.type ? codeName('visaType', visa.type, language) : '';
  const until = visa.expiry ? tr(language, 'visaUntil', { date: dateIn(language, visa.expiry) }) : '';
  return [type, visa.number, until].filter(Boolean).join(' ');
}

/** The number a document carries, or the dotted line of one not numbered yet (a preview). */
export function docNumber(language: 'km' | 'en', docNo: string | null): string {
  return docNo ? digits(language, docNo) : tr(language, 'notNumbered');
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
    nationalityIn(c, f.nationality),
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
  // The list goes to an annex when it is long, or when listing it here would push the promises
  // and signatures off this page: the pledge itself stays on one page wherever it can.
  const rows = foreignerRows(c, data.foreigners);
  const inlineHeight = count === 0 ? 0 : tableHeight(c, FOREIGNER_COLUMNS, rows, { size: 8, pad: 2 });
  const annex = count > INLINE_FOREIGNERS || (count > 0 && c.y + inlineHeight + promisesHeight(c, data) > c.bottom && c.y + promisesHeight(c, data) + 30 <= c.bottom);
  if (count === 0) c.pair(tr('km', 'pledge.noForeigners'), tr('en', 'pledge.noForeigners'), { x: c.left + 6, size: 9 });
  else if (annex) c.pair(tr('km', 'pledge.seeAnnex', { count }), tr('en', 'pledge.seeAnnex', { count }), { x: c.left + 6, size: 9 });
  else table(c, FOREIGNER_COLUMNS, rows, { size: 8, pad: 2 });

  c.y += 3;
  c.pair(tr('km', 'pledge.intro'), tr('en', 'pledge.intro'), { face: 'kmBold', size: 9.5 });
  const clause = { ...CLAUSE, x: c.left + 20 };
  const closing = CLOSING;
  for (let i = 1; i <= CLAUSES; i++) {
    const number = `${digits(main, i)}. `;
    const height = c.pairHeight(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), clause);
    // The signatures never stand alone on a page: the last clause and the closing go with them.
    const keep = i === CLAUSES ? 1 + c.pairHeight(tr('km', 'pledge.closing'), tr('en', 'pledge.closing'), closing) + signaturesHeight(c, data) : 0;
    c.ensure(height + keep);
    c.textAt(number, c.y, { size: 9, x: c.left + 6, width: 14 });
    c.pair(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), clause);
  }
  c.y += 1;
  c.pair(tr('km', 'pledge.closing'), tr('en', 'pledge.closing'), closing);

  signatures(c, data);
  if (annex) {
    c.newPage();
    // An annex page names the document it belongs to and is signed like it.
    authority(c, data.office, data.docNo, c.y);
    c.y += 4;
    c.pair(tr('km', 'pledge.annexTitle', { number: docNumber('km', data.docNo) }), tr('en', 'pledge.annexTitle', { number: docNumber('en', data.docNo) }), {
      face: 'kmBold',
      size: 11,
      align: 'center',
    });
    c.pair(names(data.premises.nameKm, data.premises.nameLatin), names(data.premises.nameKm, data.premises.nameLatin), { size: 9, align: 'center' });
    c.y += 4;
    table(c, FOREIGNER_COLUMNS, rows, { keepLastRowWith: signaturesHeight(c, data) });
    signatures(c, data);
  }
}

const CLAUSES = 5;
const CLAUSE = { size: 9, x: 0 };
const CLOSING = { face: 'kmBold' as const, size: 9.5 };

/** Height of the promises (intro, clauses, closing) and the signatures, as `renderPledge` sets them. */
function promisesHeight(c: Composer, data: PledgeData): number {
  let height = 3 + c.pairHeight(tr('km', 'pledge.intro'), tr('en', 'pledge.intro'), { face: 'kmBold', size: 9.5 });
  for (let i = 1; i <= CLAUSES; i++) height += c.pairHeight(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), { ...CLAUSE, x: c.left + 20 });
  return height + 1 + c.pairHeight(tr('km', 'pledge.closing'), tr('en', 'pledge.closing'), CLOSING) + signaturesHeight(c, data);
}
const MM = 72 / 25.4;
/** The thumbprint box: 30 × 40 mm, room for a whole thumb; the signature box beside it as tall. */
const BOX_H = 40 * MM;
const THUMB_W = 30 * MM;

function placeLines(c: Composer, data: PledgeData): string[] {
  return languagesOf(c.mode).map((language) => placeDateLine(language, data.office.place, data.date));
}

function ownerNameLines(data: PledgeData): string {
  return data.owner ? [data.owner.nameKm, data.owner.nameLatin].filter((n, i, all) => n && all.indexOf(n) === i).join('\n') : '';
}

/** Height of the signature blocks: the taller of the two columns. */
function signaturesHeight(c: Composer, data: PledgeData): number {
  const colWidth = c.width / 2 - 8;
  const signW = colWidth - THUMB_W - 8;
  const placeHeight = placeLines(c, data).reduce((sum, text, i) => sum + c.layout(text, { size: i === 0 ? 9 : 7.5, width: colWidth }).height, 0);
  const ackHeight = c.layout(words(c, 'pledge.acknowledged'), { face: 'kmBold', size: 8.5, width: colWidth }).height + c.layout(words(c, 'pledge.policePost'), { size: 8, width: colWidth }).height;
  const stampLabel = c.layout(words(c, 'pledge.policeSignature'), { size: 7.5, width: colWidth }).height;
  const left = placeHeight + 3 + ackHeight + 40 + stampLabel;
  const labelHeight = c.layout(words(c, 'pledge.signature'), { face: 'kmBold', size: 8, width: colWidth }).height;
  const nameHeight = Math.max(c.layout(ownerNameLines(data) || '-', { size: 8.5, width: signW }).height, c.mode === 'km+en' ? 22 : 12);
  const right = labelHeight + 3 + BOX_H + 1 + nameHeight;
  return 4 + Math.max(left, right);
}

/**
 * Left: place and date, then the commune police acknowledgement with room for signature and stamp.
 * Right: the owner's signature box and the thumbprint box, names beneath.
 */
function signatures(c: Composer, data: PledgeData): void {
  const colWidth = c.width / 2 - 8;
  const rightX = c.left + c.width / 2 + 8;
  const signW = colWidth - THUMB_W - 8;
  const ownerName = ownerNameLines(data);
  const nameHeight = Math.max(c.layout(ownerName || '-', { size: 8.5, width: signW }).height, c.mode === 'km+en' ? 22 : 12);
  c.ensure(signaturesHeight(c, data));
  c.y += 4;
  const top = c.y;

  // Right column
  c.y += c.textAt(words(c, 'pledge.signature'), c.y, { x: rightX, width: colWidth, align: 'center', face: 'kmBold', size: 8 }) + 3;
  c.box(rightX, c.y, signW, BOX_H);
  c.box(rightX + signW + 8, c.y, THUMB_W, BOX_H);
  const thumb = languagesOf(c.mode).map((l) => tr(l, 'pledge.thumbprint')).join('\n');
  c.textAt(thumb, c.y + BOX_H + 1, { x: rightX + signW + 8, width: THUMB_W, align: 'center', size: 7.5, color: '#333333' });
  c.textAt(ownerName, c.y + BOX_H + 1, { x: rightX, width: signW, align: 'center', size: 8.5 });
  const rightEnd = c.y + BOX_H + 1 + nameHeight;

  // Left column
  c.y = top;
  for (const [i, text] of placeLines(c, data).entries()) {
    c.y += c.textAt(text, c.y, { x: c.left, width: colWidth, align: 'center', size: i === 0 ? 9 : 7.5, color: i === 0 ? 'black' : GREY });
  }
  c.y += 3;
  c.y += c.textAt(words(c, 'pledge.acknowledged'), c.y, { x: c.left, width: colWidth, align: 'center', face: 'kmBold', size: 8.5 });
  c.y += c.textAt(words(c, 'pledge.policePost'), c.y, { x: c.left, width: colWidth, align: 'center', size: 8 });
  const stampY = Math.max(c.y + 40, rightEnd - 12);
  c.y = stampY + c.textAt(words(c, 'pledge.policeSignature'), stampY, { x: c.left, width: colWidth, align: 'center', size: 7.5, color: '#333333' });
  c.y = Math.max(c.y, rightEnd);
}
