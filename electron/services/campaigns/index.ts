import type { CampaignsOp } from '../../../shared/contract/campaigns.js';
import type { HandlerTable } from '../../backend/context.js';
import { campaignHandlers } from './campaigns.js';
import { inspectionHandlers } from './inspections.js';
import { noticeHandlers } from './notice.js';
import { reportHandlers } from './report.js';
import { sendDownHandlers } from './send-down.js';

export const campaignsHandlers: Pick<HandlerTable, CampaignsOp> = {
  ...campaignHandlers,
  ...inspectionHandlers,
  ...reportHandlers,
  ...noticeHandlers,
  ...sendDownHandlers,
};
