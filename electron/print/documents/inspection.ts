import { nationalityName } from '../../../shared/display.js';
import type { Composer } from '../compose.js';
import { dateIn, digits, languagesOf, tr } from '../strings.js';
import { authority, both, field, placeDate, placeDateLine, section, table, tableHeight, title, type Column } from './parts.js';
import { dates, names, words } from './pledge.js';
import type { InspectionReportData } from './types.js';

/**
 * The inspection report (the fourth document of DOMAIN.md): Kingdom heading, issuing office and number,
 * the inspection, its team, the site, the persons found with the finding for each, the premises findings,
 * differences from the declaration, referrals, the 20-day notice to the employer, and signature blocks.
 */

const PERSON_COLUMNS: Column[] = [
  { key: 'field.no', width: 5 },
  { key: 'field.name', width: 28 },
  { key: 'field.nationality', width: 14 },
  { key: 'field.passport', width: 14 },
  { key: 'inspection.finding', width: 22 },
  { key: 'inspection.permitOrReceipt', width: 17 },
];

const NOTICE_COLUMNS: Column[] = [
  { key: 'field.no', width: 6 },
  { key: 'field.name', width: 44 },
  { key: 'field.nationality', width: 22 },
  { key: 'field.passport', width: 28 },
];

function bullet(c: Composer, kmText: string, enText: string): void {
  c.pair(kmText, enText, { size: 9, x: c.left + 12, width: c.width - 12 });
}

export function renderInspectionReport(c: Composer, data: InspectionReportData): void {
  c.beginDocument();
  const main = languagesOf(c.mode)[0]!;
  const top = c.y;
  c.kingdomHeading();
  const headingEnd = c.y;
  c.y = top;
  authority(c, data.office, data.docNo || null, top + (c.mode === 'en' ? 18 : 22));
  c.y = Math.max(headingEnd, c.y);
  title(c, 'inspection');

  section(c, 'inspection.inspectionSection');
  field(c, 'inspection.date', dates(c, data.inspectedOn));
  if (data.campaign) {
    field(c, 'inspection.campaign', data.campaign.title);
    if (data.campaign.legalReference) field(c, 'inspection.legal', data.campaign.legalReference);
  }
  field(c, 'inspection.reason', words(c, `inspection.reasonCode.${data.reason}`));

  section(c, 'inspection.teamSection');
  data.team.forEach((member, i) => c.text(`${digits(main, i + 1)}. ${member}`, { size: 9.5, x: c.left + 12 }));

  section(c, 'inspection.siteSection');
  field(c, 'inspection.site', names(data.site.nameKm, data.site.nameLatin));
  field(c, 'inspection.kind', both(c, data.site.kindKm, data.site.kindEn));
  if (data.site.registrationNo) field(c, 'field.businessRegNo', data.site.registrationNo);
  field(c, 'field.address', both(c, data.site.address.km, data.site.address.latin));

  section(c, 'inspection.personsSection', { count: data.persons.length });
  if (data.persons.length === 0) c.pair(tr('km', 'inspection.noPersons'), tr('en', 'inspection.noPersons'), { size: 9, x: c.left + 6 });
  else {
    table(c, PERSON_COLUMNS, data.persons.map((p, i) => [
      digits(main, i + 1), p.name, nationalityName(p.nationality, main), p.passportNo,
      both(c, tr('km', `inspection.findingCode.${p.finding}`), tr('en', `inspection.findingCode.${p.finding}`)), [p.permitNo, p.receiptNo].filter(Boolean).join(' / '),
    ]), { size: 8, pad: 2 });
  }

  section(c, 'inspection.premisesSection');
  c.text(data.premisesFindings || words(c, 'inspection.none'), { size: 9.5, x: c.left + 6, width: c.width - 6 });
  if (data.outcome) field(c, 'inspection.outcomeLabel', words(c, `inspection.outcome.${data.outcome}`));
  if (data.outcomeNote) c.text(data.outcomeNote, { size: 9, x: c.left + 6, width: c.width - 6 });

  if (data.campaign) {
    section(c, 'inspection.differencesSection');
    if (!data.declared) bullet(c, tr('km', 'inspection.noDeclaration'), tr('en', 'inspection.noDeclaration'));
    else if (data.differences.length === 0) bullet(c, tr('km', 'inspection.noDifferences'), tr('en', 'inspection.noDifferences'));
    for (const d of data.differences) {
      const line = (l: 'km' | 'en') => `• ${tr(l, `inspection.difference.${d.kind}`)}${d.personName ? `: ${d.personName}` : ''}${d.kind === 'headcount_differs'
        ? ` (${tr(l, 'inspection.declaredFound', { declared: digits(l, d.declared), found: digits(l, d.found) })})` : ''}`;
      bullet(c, line('km'), line('en'));
    }
  }

  if (data.referrals.length > 0) {
    section(c, 'inspection.referralsSection');
    for (const r of data.referrals) {
      const line = (l: 'km' | 'en') => `• ${r.urgent ? `${tr(l, 'inspection.urgent')} — ` : ''}${tr(l, `inspection.authority.${r.authority}`)}: ${tr(l, `inspection.grounds.${r.grounds}`)}${r.note ? ` (${r.note})` : ''}`;
      bullet(c, line('km'), line('en'));
    }
  }

  // The notice and the signatures stay together on one page (they are what the employer signs).
  const noPermit = data.persons.filter((p) => p.finding === 'no_permit');
  const due = noPermit[0]?.proofDue ?? '';
  const noticeKm = noPermit.length === 0 ? tr('km', 'inspection.noNotice') : tr('km', 'inspection.notice', { days: data.proofDays, date: dateIn('km', due) });
  const noticeEn = noPermit.length === 0 ? tr('en', 'inspection.noNotice') : tr('en', 'inspection.notice', { days: data.proofDays, date: dateIn('en', due) });
  const noticeText = { size: 9.5, x: c.left + 6, width: c.width - 6 };
  const rows = noPermit.map((p, i) => [digits(main, i + 1), p.name, nationalityName(p.nationality, main), p.passportNo]);
  const tableOptions = { size: 8.5, pad: 2 };
  const together = 24 + c.pairHeight(noticeKm, noticeEn, noticeText) + (rows.length > 0 ? 3 + tableHeight(c, NOTICE_COLUMNS, rows, tableOptions) : 0) + signaturesHeight(c, data);
  if (together <= c.bottom - c.top) c.ensure(together);
  section(c, 'inspection.noticeSection');
  c.pair(noticeKm, noticeEn, noticeText);
  if (rows.length > 0) {
    c.y += 3;
    table(c, NOTICE_COLUMNS, rows, tableOptions);
  }
  signatures(c, data);
}

function placeHeight(c: Composer, data: InspectionReportData, width: number): number {
  return languagesOf(c.mode).reduce((sum, language, i) => {
    const text = placeDateLine(language, data.office.place, data.inspectedOn);
    return sum + c.layout(text, { size: i === 0 ? 9.5 : 8, width }).height;
  }, 0);
}

function signaturesHeight(c: Composer, data: InspectionReportData): number {
  return 6 + placeHeight(c, data, c.right - (c.left + c.width * 0.3)) + 30 + BOX_H + 30;
}

/** As on the pledge: a thumbprint box of 30 × 40 mm, room for a whole thumb, and signature boxes as tall. */
const MM = 72 / 25.4;
const BOX_H = 40 * MM;
const THUMB_W = 30 * MM;

/** Place and date at the right; beneath, the employer (signature and thumbprint) and the head of the team (signature and stamp). */
function signatures(c: Composer, data: InspectionReportData): void {
  const colWidth = c.width / 2 - 8;
  const rightX = c.left + c.width / 2 + 8;
  const dateX = c.left + c.width * 0.3;
  const dateWidth = c.right - dateX;
  c.ensure(signaturesHeight(c, data));
  c.y += 6;
  placeDate(c, data.office.place, data.inspectedOn, dateX, dateWidth);
  const top = c.y + 4;
  const signW = colWidth - THUMB_W - 8;

  c.y = top;
  c.y += c.textAt(words(c, 'inspection.employerSignature'), c.y, { x: c.left, width: colWidth, align: 'center', face: 'kmBold', size: 8.5 }) + 3;
  c.box(c.left, c.y, signW, BOX_H);
  c.box(c.left + signW + 8, c.y, THUMB_W, BOX_H);
  const thumb = languagesOf(c.mode).map((l) => tr(l, 'inspection.thumbprint')).join('\n');
  c.textAt(thumb, c.y + BOX_H + 1, { x: c.left + signW + 8, width: THUMB_W, align: 'center', size: 7.5, color: '#333333' });
  const leftEnd = c.y + BOX_H + 24;

  c.y = top;
  c.y += c.textAt(words(c, 'inspection.leaderSignature'), c.y, { x: rightX, width: colWidth, align: 'center', face: 'kmBold', size: 8.5 }) + 3;
  c.box(rightX, c.y, colWidth, BOX_H);
  c.y += BOX_H + 1;
  c.y += c.textAt(words(c, 'inspection.signatureStamp'), c.y, { x: rightX, width: colWidth, align: 'center', size: 7.5, color: '#333333' });
  if (data.team[0]) c.y += c.textAt(data.team[0], c.y, { x: rightX, width: colWidth, align: 'center', size: 8.5 });
  c.y = Math.max(c.y, leftEnd);
}
