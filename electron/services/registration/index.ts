import type { RegistrationOp } from '../../../shared/contract/registration.js';
import { registrationOps } from '../../../shared/contract/registration.js';
import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';

/** Registration handlers, one module per area. Operations not yet built answer `registration.notReady`. */
const pending = Object.fromEntries(
  Object.keys(registrationOps).map((op) => [op, () => { throw new AppError('registration.notReady', { op }); }]),
) as unknown as Pick<HandlerTable, RegistrationOp>;

export const registrationHandlers: Pick<HandlerTable, RegistrationOp> = {
  ...pending,
};
