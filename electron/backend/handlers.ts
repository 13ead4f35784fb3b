import { foundationHandlers } from '../services/foundation.js';
import { personsOpsHandlers } from '../services/persons/index.js';
import { printHandlers } from '../services/print.js';
import { registrationHandlers } from '../services/registration/index.js';
import { staysHandlers } from '../services/registration/stays.js';
import { casesHandlers } from '../services/cases/index.js';
import { syncHandlers } from '../services/sync.js';
import { spreadsheetHandlers } from '../services/spreadsheet/index.js';
import { bundledGazetteerHandlers } from '../services/bundled-gazetteer.js';
import { campaignsHandlers } from '../services/campaigns/index.js';
import { reportsHandlers } from '../services/reports/index.js';
import { accountsHandlers } from '../services/accounts.js';
import { keysHandlers } from '../services/keys.js';
import { auditHandlers } from '../services/audit.js';
import { chainHandlers } from '../services/chain.js';
import type { HandlerTable } from './context.js';

/** The one handler table, used by IPC, the web transport and the CLI alike. */
export const handlers: HandlerTable = {
  ...foundationHandlers,
  ...personsOpsHandlers,
  ...printHandlers,
  ...registrationHandlers,
  ...syncHandlers,
  ...spreadsheetHandlers,
  ...bundledGazetteerHandlers,
  ...staysHandlers,
  ...campaignsHandlers,
  ...casesHandlers,
  ...reportsHandlers,
  ...accountsHandlers,
  ...keysHandlers,
  ...auditHandlers,
  ...chainHandlers,
};
