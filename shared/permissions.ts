import type { Actor } from './actor.js';
import type { OpName } from './contract/index.js';

/**
 * Who may run which operation. One local operator may do everything for now; roles
 * (clerk, officer, analyst) will narrow this table without touching the handlers.
 */
export function canPerform(actor: Actor, _op: OpName): boolean {
  return actor.kind === 'local-operator' || actor.kind === 'cli' || actor.kind === 'system';
}
