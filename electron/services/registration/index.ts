import type { RegistrationOp } from '../../../shared/contract/registration.js';
import type { HandlerTable } from '../../backend/context.js';
import { alertsHandlers } from './alerts.js';
import { demoHandlers } from './demo.js';
import { duplicatesHandlers } from './duplicates.js';
import { employersHandlers } from './employers.js';
import { ownersHandlers } from './owners.js';
import { personsHandlers } from './persons.js';
import { premisesHandlers } from './premises.js';
import { searchHandlers } from './search.js';

export const registrationHandlers: Pick<HandlerTable, RegistrationOp> = {
  ...premisesHandlers,
  ...ownersHandlers,
  ...personsHandlers,
  ...searchHandlers,
  ...employersHandlers,
  ...duplicatesHandlers,
  ...alertsHandlers,
  ...demoHandlers,
};
