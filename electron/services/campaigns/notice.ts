import { finish } from '../print.js';
import { PROOF_DAYS, type CampaignsOp } from '../../../shared/contract/campaigns.js';
import type { PrintResult } from '../../../shared/contract/print.js';
import { CODE_LISTS } from '../../../shared/reference/codelists.js';
import type { HandlerTable } from '../../backend/context.js';
import { getCampaignRow, SECTOR_SEPARATOR } from '../../db/campaigns.js';
import { officeInfo, placeOf } from '../../db/print.js';
import { Composer } from '../../print/compose.js';
import { renderCampaignNotice, type CampaignNoticeData } from '../../print/documents/campaign-notice.js';
import { loadShaper } from '../../print/shaper.js';
import { notFound, today } from '../registration/common.js';

/** The notice's data: the campaign as this office holds it (its own, or one sent from above), issued by this office. */
export function loadCampaignNotice(db: Parameters<typeof officeInfo>[0], office: Parameters<typeof officeInfo>[1], campaignId: string): CampaignNoticeData {
  const row = getCampaignRow(db, campaignId) ?? notFound('campaign', campaignId);
  const types = row.target_types.split(' ').filter(Boolean).map((code) => {
    const type = CODE_LISTS.premisesType?.find((t) => t.code === code);
    return { km: type?.km ?? code, en: type?.en ?? code };
  });
  const sectors = row.target_sectors.split(SECTOR_SEPARATOR).filter(Boolean).map((s) => ({ km: s, en: s }));
  return {
    office: officeInfo(db, office), issuedOn: today(db), kind: row.kind, title: row.title, legalReference: row.legal_reference,
    scope: row.scope_units.split(' ').filter(Boolean).map((code) => placeOf(db, code)), startDate: row.start_date, deadline: row.deadline,
    targets: row.kind === 'employer_declaration' ? sectors : types, proofDays: PROOF_DAYS,
  };
}

export const noticeHandlers: Pick<HandlerTable, Extract<CampaignsOp, 'print.campaignNotice'>> = {
  'print.campaignNotice': async (ctx, request): Promise<PrintResult> => {
    await loadShaper();
    const data = loadCampaignNotice(ctx.db, ctx.office(), request.campaignId);
    const c = new Composer(request.lang);
    renderCampaignNotice(c, data);
    return finish(c, 1, request.out);
  },
};
