import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { AppError, type ErrorDetail } from '../../shared/errors.js';
import { validateRecord, type Problem } from '../../shared/validation/records.js';
import type { StoredValue, ValidationContext } from '../../shared/validation/rules.js';

/**
 * The database side of the record validator (`shared/validation/records.ts`): the gazetteer
 * lookups it needs, and the error every write path throws. Local writes and changes from other
 * offices both come here through `electron/db/changes.ts`.
 */

const contexts = new WeakMap<Database, ValidationContext>();

export function validationContext(db: Database): ValidationContext {
  let ctx = contexts.get(db);
  if (!ctx) {
    let unitStmt: Statement | undefined;
    let levelStmt: Statement | undefined;
    ctx = {
      unitLevel(code) {
        unitStmt ??= db.prepare('SELECT level FROM admin_unit WHERE id = ?').pluck();
        // The provinces are always there (seeded by migration 2); the rest once a gazetteer is imported.
        return (unitStmt.get(code) as 'province' | 'district' | 'commune' | undefined) ?? null;
      },
      hasLevel(level) {
        levelStmt ??= db.prepare('SELECT EXISTS (SELECT 1 FROM admin_unit WHERE level = ?)').pluck();
        return levelStmt.get(level) === 1;
      },
    };
    contexts.set(db, ctx);
  }
  return ctx;
}

export function recordProblems(
  db: Database, entity: string, id: unknown, op: 'insert' | 'update', values: Record<string, StoredValue>,
  current?: Record<string, StoredValue>,
): Problem[] {
  return validateRecord(entity, id, op, values, validationContext(db), current);
}

/** One problem as an error detail: `errors.recordCheck.<reason>` with entity, id, field (and limit). */
export function problemDetail(problem: Problem, extra: Record<string, string | number> = {}): ErrorDetail {
  const params: Record<string, string | number> = { entity: problem.entity, id: problem.id, field: problem.field, ...extra };
  if (problem.limit !== undefined) params.limit = problem.limit;
  return { code: `recordCheck.${problem.reason}`, params };
}

/** Throws `recordCheck.<reason>` of the first problem, every problem in `details`; nothing when valid. */
export function assertValid(
  db: Database, entity: string, id: unknown, op: 'insert' | 'update', values: Record<string, StoredValue>,
  current?: Record<string, StoredValue>,
): void {
  const problems = recordProblems(db, entity, id, op, values, current);
  const first = problems[0];
  if (!first) return;
  const detail = problemDetail(first);
  throw new AppError(detail.code, detail.params, problems.map((p) => problemDetail(p)));
}
