import type { Composer } from '../compose.js';
import { dateIn, digits, languagesOf, tr } from '../strings.js';
import { authority, field, placeDate, section, table, title, type Column } from './parts.js';
import type { ForeignerRow, PledgeData } from './types.js';

/** Foreigners listed on the pledge itself; more go to an annex. */
export const INLINE_FOREIGNERS = 6;

const FOREIGNER_COLUMNS: Column[] = [
  { key: 'field.no', width: 5 },
  { key: 'field.name', width: 30 },
  { key: 'field.sex', width: 9 },
  { key: 'field.nationality', width: 11 },
  { key: 'field.passport', width: 16 },
  { key: 'field.arrived', width: 17 },
  { key: 'field.room', width: 10 },
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

/** The pledge (លិខិតសន្យា) of a premises owner or manager; an annex page lists many foreigners. */
export function renderPledge(c: Composer, data: PledgeData): void {
  c.beginDocument();
  const top = c.y;
  c.kingdomHeading();
  authority(c, data.office, data.docNo, top + 30, 0.34);
  title(c, 'pledge');

  const owner = data.owner;
  section(c, 'pledge.ownerSection');
  field(c, 'field.name', owner ? names(owner.nameKm, owner.nameLatin) : '');
  const half = (c.width - 10) / 2;
  const rowTop = c.y;
  field(c, 'field.sex', owner ? words(c, `sex.${owner.sex}`) : '', { width: half });
  const leftEnd = c.y;
  c.y = rowTop;
  field(c, 'field.nationality', owner?.nationality ?? '', { x: c.left + 10 + half, width: half, labelWidth: 110 });
  c.y = Math.max(c.y, leftEnd);
  field(c, 'field.birthDate', owner ? dates(c, owner.birthDate) : '');
  field(c, 'field.idNumber', owner ? `${words(c, `idKind.${owner.idKind}`)} ${owner.idNumber}`.trim() : '');
  field(c, 'field.role', owner ? words(c, `role.${owner.role}`) : '');
  field(c, 'field.phone', owner?.phone ?? '');

  const p = data.premises;
  section(c, 'pledge.premisesSection');
  field(c, 'field.premises', names(p.nameKm, p.nameLatin));
  field(c, 'field.premisesType', c.mode === 'en' ? p.typeEn : c.mode === 'km' ? p.typeKm : `${p.typeKm} / ${p.typeEn}`);
  field(c, 'field.address', c.mode === 'en' ? p.address.latin : c.mode === 'km' ? p.address.km : `${p.address.km}\n${p.address.latin}`);
  if (p.businessRegNo) field(c, 'field.businessRegNo', p.businessRegNo);

  const count = data.foreigners.length;
  const main = languagesOf(c.mode)[0]!;
  section(c, 'pledge.foreignersSection', { count });
  const annex = count > INLINE_FOREIGNERS;
  if (count === 0) c.pair(tr('km', 'pledge.noForeigners'), tr('en', 'pledge.noForeigners'), { x: c.left + 10, size: 10 });
  else if (annex) c.pair(tr('km', 'pledge.seeAnnex', { count }), tr('en', 'pledge.seeAnnex', { count }), { x: c.left + 10, size: 10 });
  else table(c, FOREIGNER_COLUMNS, foreignerRows(c, data.foreigners));

  c.y += 3;
  c.pair(tr('km', 'pledge.intro'), tr('en', 'pledge.intro'), { face: 'kmBold', size: 10.5 });
  for (let i = 1; i <= 5; i++) {
    const number = `${digits(main, i)}. `;
    c.ensure(c.pairHeight(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), { size: 10, x: c.left + 24 }));
    c.textAt(number, c.y, { size: 10, x: c.left + 8, width: 16 });
    c.pair(tr('km', `pledge.clause${i}`), tr('en', `pledge.clause${i}`), { size: 10, x: c.left + 24 });
  }
  c.y += 2;
  c.pair(tr('km', 'pledge.closing'), tr('en', 'pledge.closing'), { face: 'kmBold', size: 10.5 });

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

/** Left: commune police acknowledgement. Right: place and date, signature and thumbprint boxes. */
function signatures(c: Composer, data: PledgeData): void {
  const colWidth0 = c.width / 2 - 10;
  const dateHeight = c.layout(c.mode === 'en' ? data.office.place.latin + ' 21 November 2026' : `ធ្វើនៅ${data.office.place.km} ថ្ងៃទី២១ ខែវិច្ឆិកា ឆ្នាំ២០២៦`, { size: 10.5, width: colWidth0 }).height;
  const signW0 = colWidth0 - 84;
  const ownerHeight = c.layout(data.owner ? names(data.owner.nameKm, data.owner.nameLatin) : '-', { size: 9.5, width: signW0 }).height;
  const needed = 6 + dateHeight * (c.mode === 'km+en' ? 1.8 : 1) + 21 + 46 + 2 + ownerHeight;
  c.ensure(needed);
  c.y += 6;
  const top = c.y;
  const colWidth = c.width / 2 - 10;
  const rightX = c.left + c.width / 2 + 10;

  // Right column
  placeDate(c, data.office.place, data.date, rightX, colWidth);
  c.y += c.textAt(words(c, 'pledge.signature'), c.y + 2, { x: rightX, width: colWidth, align: 'center', face: 'kmBold', size: 9.5 }) + 6;
  const boxH = 46;
  const signW = colWidth - 84;
  c.box(rightX, c.y, signW, boxH);
  c.box(rightX + signW + 10, c.y, 74, boxH);
  const thumb = languagesOf(c.mode).map((l) => tr(l, 'pledge.thumbprint')).join('\n');
  c.textAt(thumb, c.y + boxH + 2, { x: rightX + signW + 10, width: 74, align: 'center', size: 8.5, color: '#333333' });
  const ownerName = data.owner ? names(data.owner.nameKm, data.owner.nameLatin) : '';
  const nameHeight = c.textAt(ownerName, c.y + boxH + 2, { x: rightX, width: signW, align: 'center', size: 9.5 });
  const rightEnd = c.y + boxH + Math.max(nameHeight, 26) + 2;

  // Left column
  c.y = top;
  c.y += c.textAt(words(c, 'pledge.acknowledged'), c.y, { x: c.left, width: colWidth, align: 'center', face: 'kmBold', size: 10 });
  c.y += c.textAt(words(c, 'pledge.policePost'), c.y, { x: c.left, width: colWidth, align: 'center', size: 9.5 });
  c.y += c.textAt(c.mode === 'en' ? data.office.place.latin : data.office.place.km, c.y, { x: c.left, width: colWidth, align: 'center', size: 9.5 });
  c.y += c.textAt(words(c, 'pledge.policeSignature'), c.y + 50, { x: c.left, width: colWidth, align: 'center', size: 9, color: '#333333' }) + 50;
  c.y = Math.max(c.y, rightEnd);
}
