import type { Database } from 'better-sqlite3-multiple-ciphers';
import { addDays, instantOf } from '../../shared/local-time.js';

/**
 * The audit as the administrator reads it: reads from the audit chain (`audit_entry`) and writes
 * from the change log, one list ordered by time. Writes are not copied into the chain: the change log
 * already holds every write with its author and time and travels upward the same way (see
 * docs/audit.md for why).
 */

export const WRITE_OPERATIONS = ['insert', 'update', 'delete'] as const;

export interface AuditFilter {
  /** Office-local days, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** An actor id (a user's id, `cli:name`, `local-operator`) or a user name. */
  user?: string | undefined;
  /** A read operation (`persons.get`) or a write (`insert`, `update`, `delete`). */
  operation?: string | undefined;
  office?: string | undefined;
  kind?: 'read' | 'write' | undefined;
}

export interface AuditLogRow {
  kind: 'read' | 'write';
  office: string;
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  operation: string;
  entity: string;
  recordId: string;
}

export interface Part {
  sql: string;
  params: unknown[];
}

function add(where: string[], params: unknown[], sql: string, ...values: unknown[]): void {
  where.push(sql);
  params.push(...values);
}

function isWrite(operation: string): boolean {
  return (WRITE_OPERATIONS as readonly string[]).includes(operation);
}

/** Reads: `at` is stored office-local, so its first ten characters are the office's day. */
function readsPart(filter: AuditFilter): Part | null {
  if (filter.kind === 'write' || (filter.operation && isWrite(filter.operation))) return null;
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.from) add(where, params, 'substr(at, 1, 10) >= ?', filter.from);
  if (filter.to) add(where, params, 'substr(at, 1, 10) <= ?', filter.to);
  if (filter.operation) add(where, params, 'operation = ?', filter.operation);
  if (filter.office) add(where, params, 'origin_office = ?', filter.office);
  if (filter.user) add(where, params, '(actor = ? OR actor IN (SELECT id FROM user_account WHERE username = ?))', filter.user, filter.user);
  return {
    sql: `SELECT 'read' AS kind, origin_office AS office, seq, at, actor, actor_name AS actorName, operation, entity, record_id AS recordId
          FROM audit_entry ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  };
}

/**
 * The writes the audit lists. This text is also the WHERE of the partial index `change_log_time`
 * (migration 67): SQLite uses that index only while the query repeats it exactly.
 */
export const LISTED_WRITES = `entity NOT IN ('audit_entry', 'admin_unit', 'reference_version')`;

/**
 * Writes: the change log keeps instants (this office writes UTC, others may send an offset);
 * office days become instant bounds, compared as `julianday(at)` through the index `change_log_time`.
 */
function writesPart(filter: AuditFilter, zone: string): Part | null {
  if (filter.kind === 'read' || (filter.operation && !isWrite(filter.operation))) return null;
  // The audit chain's own entries are the reads above, not writes someone made; the gazetteer's
  // thousands of units are reference data, not anyone's record (their import is in the sync history).
  const where: string[] = [LISTED_WRITES];
  const params: unknown[] = [];
  const bound = (day: string) => new Date(instantOf(day, zone)).toISOString();
  if (filter.from) add(where, params, 'julianday(at) >= julianday(?)', bound(filter.from));
  if (filter.to) add(where, params, 'julianday(at) < julianday(?)', bound(addDays(filter.to, 1)));
  if (filter.operation) add(where, params, 'op = ?', filter.operation);
  if (filter.office) add(where, params, 'origin_office = ?', filter.office);
  if (filter.user) add(where, params, '(actor = ? OR actor IN (SELECT id FROM user_account WHERE username = ?))', filter.user, filter.user);
  return {
    sql: `SELECT 'write' AS kind, origin_office AS office, seq, at, actor, NULL AS actorName, op AS operation, entity, record_id AS recordId
          FROM change_log WHERE ${where.join(' AND ')}`,
    params,
  };
}

/** The audit's rows for a filter, reads and writes, as one query (exported for its query-plan test). */
export function auditQuery(filter: AuditFilter, zone: string): Part {
  const parts = [readsPart(filter), writesPart(filter, zone)].filter((p): p is Part => p !== null);
  if (parts.length === 0) return { sql: `SELECT 'read' AS kind, '' AS office, 0 AS seq, '' AS at, '' AS actor, NULL AS actorName, '' AS operation, '' AS entity, '' AS recordId WHERE 0`, params: [] };
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), params: parts.flatMap((p) => p.params) };
}

/** Newest first; `julianday` orders the chain's local times and the log's UTC instants together. */
export function auditPage(db: Database, filter: AuditFilter, zone: string, limit: number, offset: number): { total: number; rows: AuditLogRow[] } {
  const { sql, params } = auditQuery(filter, zone);
  const total = db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get(...params) as number;
  const rows = db.prepare(`SELECT * FROM (${sql}) ORDER BY julianday(at) DESC, kind, seq DESC LIMIT ? OFFSET ?`).all(...params, limit, offset) as AuditLogRow[];
  return { total, rows };
}

/** Every row of the filter, oldest first, for an export. */
export function auditRows(db: Database, filter: AuditFilter, zone: string): AuditLogRow[] {
  const { sql, params } = auditQuery(filter, zone);
  return db.prepare(`SELECT * FROM (${sql}) ORDER BY julianday(at), kind, seq`).all(...params) as AuditLogRow[];
}

/** The read operations found in the chain (for the screen's filter). */
export function auditedOperations(db: Database): string[] {
  return db.prepare('SELECT DISTINCT operation FROM audit_entry ORDER BY operation').pluck().all() as string[];
}
