import type { AuditOp, AuditRowDto } from '../../shared/contract/audit.js';
import { normaliseDateTime, officeToday } from '../../shared/local-time.js';
import type { HandlerContext, HandlerTable } from '../backend/context.js';
import { now } from '../backend/clock.js';
import { userNames } from '../db/accounts.js';
import { verifyChains } from '../db/audit.js';
import { auditedOperations, auditPage, auditRows, type AuditFilter, type AuditLogRow } from '../db/audit-log.js';
import { officeZone } from '../db/settings.js';
import { officeLabels } from '../sync/office-label.js';

type OfficeNames = { get(id: string): { name: string; nameKm: string | null } | undefined };

/** Offices by name (this one, and those of the key directory with their place in Khmer: sync/office-label.ts), never by id. */
function officeNames(ctx: HandlerContext): OfficeNames {
  const label = officeLabels(ctx.db);
  return {
    get: (id) => {
      const known = label(id);
      return known ? { name: known.en, nameKm: known.km } : undefined;
    },
  };
}

/** Rows as the screen shows them: times in the office's zone, user, office and person names where known here. */
function shown(ctx: HandlerContext, zone: string, rows: AuditLogRow[], offices: OfficeNames): AuditRowDto[] {
  const names = userNames(ctx.db, rows.map((r) => r.actor));
  const person = ctx.db.prepare(`SELECT trim(surname || ' ' || given_names) FROM person WHERE id = ?`).pluck();
  return rows.map((r) => ({
    kind: r.kind, office: r.office, officeName: offices.get(r.office)?.name ?? null, officeNameKm: offices.get(r.office)?.nameKm ?? null, seq: r.seq, at: normaliseDateTime(r.at, zone) ?? r.at,
    actor: r.actor, actorName: names.get(r.actor) ?? null, operation: r.operation, entity: r.entity, recordId: r.recordId,
    recordName: r.entity === 'person' ? ((person.get(r.recordId) as string | undefined) ?? null) : null,
  }));
}

const CSV_COLUMNS = ['kind', 'office', 'seq', 'at', 'actor', 'actor_name', 'operation', 'entity', 'record_id'] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  // A cell that looks like a formula gets a leading apostrophe, so a spreadsheet never runs it.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const auditHandlers: Pick<HandlerTable, AuditOp> = {
  'audit.list': (ctx, request) => {
    const { limit, offset, ...filter } = request;
    const zone = officeZone(ctx.db);
    const { total, rows } = auditPage(ctx.db, filter as AuditFilter, zone, limit, offset);
    return { total, entries: shown(ctx, zone, rows, officeNames(ctx)), operations: auditedOperations(ctx.db) };
  },

  'audit.verify': (ctx) => {
    const names = officeNames(ctx);
    return verifyChains(ctx.db).map((report) => ({ ...report, officeName: names.get(report.office)?.name ?? null, officeNameKm: names.get(report.office)?.nameKm ?? null }));
  },

  'audit.export': (ctx, request) => {
    const zone = officeZone(ctx.db);
    const offices = officeNames(ctx);
    const lines = [CSV_COLUMNS.join(',')];
    const rows = auditRows(ctx.db, request as AuditFilter, zone);
    for (const r of shown(ctx, zone, rows, offices)) {
      lines.push([r.kind, r.officeName ?? r.office, r.seq, r.at, r.actor, r.actorName?.en ?? '', r.operation, r.entity, r.recordId].map(csvCell).join(','));
    }
    const csv = `\ufeff${lines.join('\r\n')}\r\n`;
    const name = `banhchi-audit-${request.from ?? 'start'}-${request.to ?? officeToday(zone, now())}.csv`;
    return { file: { name, base64: Buffer.from(csv, 'utf8').toString('base64') }, rows: rows.length };
  },
};
