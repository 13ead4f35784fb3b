import type { PremisesAction } from '../../../shared/contract/cases.js';
import type { HandlerContext } from '../../backend/context.js';
import { getOperationRow, premisesActionEntity } from '../../db/cases.js';
import { insertRecord, nowIso } from '../../db/changes.js';
import { newId, notFound } from '../registration/common.js';

/**
 * Records a closure or reopening of a premises with its legal reason and the operation that caused
 * it. Called by `premises.close` and `premises.reopen` in the same transaction as the status change,
 * so every change of status has its action record (the statistics count these).
 */
export function recordPremisesAction(
  ctx: HandlerContext,
  input: { premisesId: string; action: PremisesAction['action']; onDate: string; legalReason: string; operationId?: string | undefined },
): void {
  if (input.operationId && !getOperationRow(ctx.db, input.operationId)) notFound('operation', input.operationId);
  insertRecord(ctx.writer(), premisesActionEntity, newId(), {
    premises_id: input.premisesId, action: input.action, on_date: input.onDate, legal_reason: input.legalReason,
    operation_id: input.operationId ?? null, created_at: nowIso(),
  });
}
