import type { PersonsOp } from '../../../shared/contract/persons.js';
import type { HandlerTable } from '../../backend/context.js';
import { compareScanHandlers } from './compare-scan.js';
import { passportsHandlers } from './passports.js';

export const personsOpsHandlers: Pick<HandlerTable, PersonsOp> = {
  ...passportsHandlers,
  ...compareScanHandlers,
};
