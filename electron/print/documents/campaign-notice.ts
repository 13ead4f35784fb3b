import type { Composer } from '../compose.js';
import { dateIn, languagesOf, tr } from '../strings.js';
import { authority, field, placeDate, section, title } from './parts.js';
import type { OfficeInfo, Place } from './types.js';

/** What the campaign notice prints: the campaign as the office that hands the notice out has it. */
export interface CampaignNoticeData {
  office: OfficeInfo;
  /** The day the notice is printed (place-and-date line). */
  issuedOn: string;
  kind: 'employer_declaration' | 'premises_pledge';
  title: string;
  legalReference: string;
  /** The units in scope, each in Khmer and in Latin letters. */
  scope: Place[];
  startDate: string;
  deadline: string;
  /** Sectors (employers) or premises types (km/en) the campaign targets; empty: all of them. */
  targets: { km: string; en: string }[];
  proofDays: number;
}

/**
 * The notice an office hands to owners and employers when a campaign starts (seeds 000 and 004):
 * Kingdom heading, the issuing office, the title by kind, the campaign and its legal basis, what must be
 * done and where, the deadline in a box, what follows a late or missing return, place and date, and the
 * head of the office's signature and stamp. Khmer first, English beneath.
 */
export function renderCampaignNotice(c: Composer, data: CampaignNoticeData): void {
  c.beginDocument();
  const top = c.y;
  c.kingdomHeading();
  const headingEnd = c.y;
  c.y = top;
  authority(c, data.office, undefined, top + (c.mode === 'en' ? 18 : 22));
  c.y = Math.max(headingEnd, c.y);
  title(c, `campaignNotice.${data.kind}`);
  const languages = languagesOf(c.mode);
  // One line per language; once when both say the same (a sector written in one script).
  const joined = (pick: (l: 'km' | 'en') => string) => [...new Set(languages.map(pick))].join('\n');

  section(c, 'campaignNotice.campaignSection');
  field(c, 'campaignNotice.campaign', data.title);
  if (data.legalReference) field(c, 'campaignNotice.legal', data.legalReference);
  field(c, 'campaignNotice.area', joined((l) => data.scope.map((p) => (l === 'km' ? p.km || p.latin : p.latin)).join('; ')));
  field(c, 'campaignNotice.period', joined((l) => tr(l, 'campaignNotice.from', { start: dateIn(l, data.startDate), deadline: dateIn(l, data.deadline) })));
  const all = data.kind === 'employer_declaration' ? 'campaignNotice.allSectors' : 'campaignNotice.allTypes';
  field(c, `campaignNotice.targets.${data.kind}`, joined((l) => (data.targets.length === 0 ? tr(l, all) : data.targets.map((x) => x[l] || x.en).join(', '))));

  const office = (l: 'km' | 'en') => (l === 'km' ? data.office.nameKm || data.office.name : data.office.name || data.office.nameKm);
  const body = { size: 10, x: c.left + 6, width: c.width - 6 };
  section(c, `campaignNotice.whatSection.${data.kind}`);
  const params = (l: 'km' | 'en') => ({ office: office(l), deadline: dateIn(l, data.deadline), days: data.proofDays });
  c.pair(tr('km', `campaignNotice.what.${data.kind}`, params('km')), tr('en', `campaignNotice.what.${data.kind}`, params('en')), body);
  c.y += 6;

  // The deadline, boxed and large: what the reader must not miss.
  const lines = languages.map((l, i) => ({ text: tr(l, 'campaignNotice.deadline', { date: dateIn(l, data.deadline) }), size: i === 0 ? 13 : 10.5 }));
  const height = lines.reduce((sum, line) => sum + c.layout(line.text, { face: 'kmBold', size: line.size, width: c.width - 40 }).height, 0) + 12;
  c.ensure(height + 8);
  c.box(c.left + 20, c.y, c.width - 40, height, 1.2);
  let y = c.y + 6;
  for (const line of lines) y += c.textAt(line.text, y, { face: 'kmBold', size: line.size, x: c.left + 20, width: c.width - 40, align: 'center' });
  c.y += height + 8;

  section(c, 'campaignNotice.afterSection');
  c.pair(tr('km', `campaignNotice.after.${data.kind}`, params('km')), tr('en', `campaignNotice.after.${data.kind}`, params('en')), body);
  c.y += 4;
  c.pair(tr('km', 'campaignNotice.questions', params('km')), tr('en', 'campaignNotice.questions', params('en')), body);

  // Place and date, then the head of the office's signature and stamp, at the right.
  const x = c.left + c.width * 0.45;
  const width = c.right - x;
  c.ensure(170);
  c.y += 14;
  placeDate(c, data.office.place, data.issuedOn, x, width);
  c.y += 4;
  c.y += c.textAt(languages.map((l) => tr(l, 'campaignNotice.head')).join(' / '), c.y, { x, width, align: 'center', face: 'kmBold', size: 9 }) + 3;
  c.box(x + 20, c.y, width - 40, 90);
  c.y += 91;
  c.y += c.textAt(languages.map((l) => tr(l, 'inspection.signatureStamp')).join(' / '), c.y, { x, width, align: 'center', size: 7.5, color: '#333333' });
}
