import { finish } from '../print.js';
import { AppError } from '../../../shared/errors.js';
import { PROOF_DAYS, type CampaignsOp } from '../../../shared/contract/campaigns.js';
import type { PrintResult } from '../../../shared/contract/print.js';
import type { HandlerTable } from '../../backend/context.js';
import { getCampaignRow } from '../../db/campaigns.js';
import { employerInfo, officeInfo, premisesInfo } from '../../db/print.js';
import { Composer } from '../../print/compose.js';
import { renderInspectionReport } from '../../print/documents/inspection.js';
import type { InspectionReportData } from '../../print/documents/types.js';
import { loadShaper } from '../../print/shaper.js';
import { tr } from '../../print/strings.js';
import { today } from '../registration/common.js';
import { inspectionDetail } from './inspections.js';

/** The inspection report's data from the register: the inspection, its site, the persons found, referrals. */
export function loadInspectionReport(db: Parameters<typeof inspectionDetail>[0], office: Parameters<typeof officeInfo>[1], id: string): InspectionReportData {
  const detail = inspectionDetail(db, id, today(db));
  const i = detail.inspection;
  if (i.status !== 'done' || !i.inspectedOn) throw new AppError('inspections.notRecorded');
  const campaign = i.campaignId ? getCampaignRow(db, i.campaignId) : undefined;
  let site: InspectionReportData['site'];
  if (i.targetKind === 'employer') {
    const e = employerInfo(db, i.targetId);
    site = { nameLatin: e.nameLatin, nameKm: e.nameKm, kindKm: tr('km', 'inspection.kindEmployer', { sector: e.sector }), kindEn: tr('en', 'inspection.kindEmployer', { sector: e.sector }), registrationNo: e.registrationNo, address: e.address };
  } else {
    const p = premisesInfo(db, i.targetId);
    site = { nameLatin: p.nameLatin, nameKm: p.nameKm, kindKm: p.typeKm, kindEn: p.typeEn, registrationNo: p.businessRegNo, address: p.address };
  }
  return {
    docNo: i.docNo, office: officeInfo(db, office), inspectedOn: i.inspectedOn, reason: i.reason,
    campaign: campaign ? { title: campaign.title, legalReference: campaign.legal_reference } : null,
    team: i.team, site,
    persons: detail.persons.map((p) => ({
      name: p.personName, nationality: p.nationality, passportNo: p.passportNo, finding: p.finding, permitNo: p.permitNo, receiptNo: p.receiptNo, proofDue: p.proofDue,
    })),
    premisesFindings: i.premisesFindings, outcome: i.outcome, outcomeNote: i.outcomeNote, declared: detail.declarationId !== null,
    differences: detail.differences, referrals: detail.referrals, proofDays: PROOF_DAYS,
  };
}

export const reportHandlers: Pick<HandlerTable, Extract<CampaignsOp, 'print.inspectionReport'>> = {
  'print.inspectionReport': async (ctx, request): Promise<PrintResult> => {
    await loadShaper();
    const data = loadInspectionReport(ctx.db, ctx.office(), request.inspectionId);
    const c = new Composer(request.lang);
    renderInspectionReport(c, data);
    return finish(c, 1, request.out, data.docNo);
  },
};
