import { randomFillSync } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import type { OpParsedRequest, OpResponse } from '../../../shared/contract/index.js';
import { AppError, type ErrorDetail } from '../../../shared/errors.js';
import type { HandlerContext } from '../../backend/context.js';
import { insertRecord, nowIso, recordInserter, type EntitySpec, type Row, type WriteContext } from '../../db/changes.js';
import { duplicateReviewEntity } from '../../db/duplicates.js';
import { employmentEntity, getEmployerRow } from '../../db/employers.js';
import { personEntity } from '../../db/persons.js';
import { getPremisesRow } from '../../db/premises.js';
import { officeZone } from '../../db/settings.js';
import { isLate, stayEntity, stored } from '../../db/stays.js';
import { columns, notFound } from '../registration/common.js';
import { personColumns } from '../registration/identity.js';
import type { RowPlan } from './rows.js';

type ImportRequest = OpParsedRequest<'spreadsheet.import'>;
type ImportResult = OpResponse<'spreadsheet.import'>;

/** Cancel and progress are checked this often while saving. */
const PROGRESS_EVERY = 500;
/** Enough to act on; the rest are counted. */
const MAX_REPORTED = 200;
/** As `possibleDuplicates` (electron/db/persons.ts): at most this many candidates per person and reason. */
const DUPLICATE_CAP = 50;

/** Employment request fields → columns, as `employment.record` writes them. */
const EMPLOYMENT_COLUMNS = {
  jobTitle: 'job_title', startDate: 'start_date', endDate: 'end_date', workPermitNo: 'work_permit_no', workPermitExpiry: 'work_permit_expiry',
  employmentCardNo: 'employment_card_no', workStatus: 'work_status', receiptNo: 'receipt_no',
};

/**
 * The import target must exist (and a premises must not be closed for good): checked once, before
 * reading the sheet and again inside the commit, with the codes `stays.arrive` / `employment.record` use.
 */
export function checkTarget(db: Database, target: ImportRequest['target']): void {
  if (target.kind === 'stays') {
    const premises = getPremisesRow(db, target.premisesId) ?? notFound('premises', target.premisesId);
    if (premises.status === 'permanently_closed') throw new AppError('registration.premises.closed', { name: premises.name_latin });
  } else if (target.kind === 'employment') {
    if (!getEmployerRow(db, target.employerId)) notFound('employer', target.employerId);
  }
}

/** One `recordInserter` per entity and set of columns (a row leaves out the optional fields it has no value for, as `insertRecord` would). */
function inserters(writer: WriteContext) {
  const made = new Map<string, (id: string, values: Row) => void>();
  return (spec: EntitySpec, id: string, values: Row) => {
    const columns = Object.keys(values);
    const key = `${spec.entity}:${columns.join(',')}`;
    let insert = made.get(key);
    if (!insert) made.set(key, (insert = recordInserter(writer, spec, columns)));
    insert(id, values);
  };
}

/** uuid v7 ids with their random part taken from one pooled `randomFillSync` call per 4,096 ids. */
function idSource(): () => string {
  const pool = new Uint8Array(16 * 4096);
  let at = pool.length;
  return () => {
    if (at === pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const random = pool.subarray(at, (at += 16));
    return uuidv7({ random });
  };
}

interface Statements {
  identity: Statement;
  byId: Statement;
  openStay: Statement;
  lastSeq: Statement;
  duplicates: Statement;
}

const cache = new WeakMap<Database, Statements>();

function statements(db: Database): Statements {
  let s = cache.get(db);
  if (s) return s;
  s = {
    identity: db.prepare('SELECT id, merged_into FROM person WHERE nationality = ? AND passport_no = ? AND birth_date = ?'),
    byId: db.prepare('SELECT id, merged_into FROM person WHERE id = ?'),
    openStay: db.prepare(`SELECT s.arrived_at, coalesce(pr.name_latin, '') AS premises FROM stay s LEFT JOIN premises pr ON pr.id = s.premises_id
      WHERE s.person_id = ? AND s.departed_on IS NULL ORDER BY s.arrived_at DESC LIMIT 1`),
    lastSeq: db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck(),
    // Possible duplicates of the persons this import created (their change-log inserts after `seq`), the same
    // two rules as `possibleDuplicates`: one set-based pass after the inserts instead of two lookups per row.
    // A pair found by both rules is reported once, as `similar_passport`; pairs already queued are left alone.
    duplicates: db.prepare(`
      WITH created AS (
        SELECT p.id, p.passport_key, p.name_key, p.birth_date FROM change_log c JOIN person p ON p.id = c.record_id
        WHERE c.seq > ? AND c.entity = 'person' AND c.op = 'insert'
      ), found AS (
        SELECT n.id AS a, o.id AS b, 0 AS rank, row_number() OVER (PARTITION BY n.id ORDER BY o.id) AS k
          FROM created n JOIN person o ON o.passport_key = n.passport_key AND o.id <> n.id AND o.merged_into IS NULL
        UNION ALL
        SELECT n.id, o.id, 1, row_number() OVER (PARTITION BY n.id ORDER BY o.id)
          FROM created n JOIN person o ON o.name_key = n.name_key AND o.birth_date = n.birth_date AND o.id <> n.id AND o.merged_into IS NULL
      ), pairs AS (
        SELECT min(a, b) AS a, max(a, b) AS b, min(rank) AS rank FROM found WHERE k <= ${DUPLICATE_CAP} GROUP BY min(a, b), max(a, b)
      )
      SELECT a, b, CASE rank WHEN 0 THEN 'similar_passport' ELSE 'same_name_birth' END AS reason FROM pairs
      WHERE NOT EXISTS (SELECT 1 FROM duplicate_review r WHERE r.person_a = pairs.a AND r.person_b = pairs.b)
      ORDER BY a, b`),
  };
  cache.set(db, s);
  return s;
}

/**
 * Saves staged rows in one synchronous transaction. Same rules and records as `persons.register`,
 * `stays.arrive` and `employment.record` (the row checks that need no database ran while reading), but
 * written in bulk: statements prepared once, the identity key looked up through its unique index, no
 * record read back after it is written, and possible duplicates found by one query once every row is in.
 * Every record goes through the change-log write path and the search index. Any refused row, a cancel or
 * an error rolls everything back.
 */
export function commitPlans(ctx: HandlerContext, request: ImportRequest, plans: () => Iterable<RowPlan>, total: number): ImportResult {
  const result: ImportResult = { status: 'imported', rows: total, personsCreated: 0, personsExisting: 0, stays: 0, employments: 0 };
  const db = ctx.db;
  const s = statements(db);
  const now = nowIso();
  const zone = officeZone(db);
  const writer: WriteContext = { ...ctx.writer(), now: () => now };
  const newId = idSource();
  const insert = inserters(writer);
  const target = request.target;
  const problems: ErrorDetail[] = [];
  let badRows = 0;
  const reject = (row: number, code: string, params: Record<string, string | number>) => {
    badRows += 1;
    if (problems.length < MAX_REPORTED) problems.push({ code: 'spreadsheet.row.rejected', params: { row, reason: code, ...params } });
  };

  db.transaction(() => {
    checkTarget(db, target);
    const firstSeq = s.lastSeq.get() as number;
    let done = 0;
    for (const plan of plans()) {
      if (done % PROGRESS_EVERY === 0) {
        if (ctx.cancelled()) throw new AppError('job.cancelled');
        ctx.progress(done, total, 'progress.saving');
      }
      done += 1;
      const fields = plan.person;
      let person = s.identity.get(fields.nationality, fields.passportNo, fields.birthDate) as { id: string; merged_into: string | null } | undefined;
      let personId: string;
      if (person) {
        // A merged record leads to the person it was merged into (as `persons.register`).
        for (let hops = 0; person.merged_into && hops < 20; hops++) person = (s.byId.get(person.merged_into) as typeof person | undefined) ?? person;
        personId = person.id;
        result.personsExisting += 1;
      } else {
        personId = newId();
        // name_key and passport_key are derived by the inserter (recordInserter), as for every write.
        const values: Row = { ...personColumns(fields), source: 'import', merged_into: null, created_at: now };
        insert(personEntity, personId, values);
        result.personsCreated += 1;
      }
      if (target.kind === 'stays' && plan.stay) {
        if (person) {
          // Only a person registered before can already be staying somewhere: one row per person in a sheet.
          const open = s.openStay.get(personId) as { arrived_at: string; premises: string } | undefined;
          if (open) {
            reject(plan.row, 'registration.stay.alreadyStaying', { premises: open.premises, since: open.arrived_at.slice(0, 10) });
            continue;
          }
        }
        // Stored as the office's local date-time with offset, like every stay.
        const arrivedAt = stored(plan.stay.arrivedAt, zone);
        const reportedAt = stored(plan.stay.reportedAt ?? now, zone);
        insert(stayEntity, newId(), {
          person_id: personId, premises_id: target.premisesId, room: plan.stay.room, arrived_at: arrivedAt,
          reported_at: reportedAt, departed_on: null, late: isLate(arrivedAt, reportedAt, zone) ? 1 : 0,
        });
        result.stays += 1;
      } else if (target.kind === 'employment' && plan.employment) {
        insert(employmentEntity, newId(), {
          person_id: personId, employer_id: target.employerId, end_date: null, work_permit_expiry: null, ...columns(plan.employment, EMPLOYMENT_COLUMNS),
        });
        result.employments += 1;
      }
    }
    // Rows refused on what is already stored: roll everything back and say which.
    if (badRows > 0) throw new AppError('spreadsheet.invalidRows', { count: badRows, rows: total }, problems);
    if (ctx.cancelled()) throw new AppError('job.cancelled');
    // .all(): better-sqlite3 runs no other statement while one is being iterated.
    for (const pair of s.duplicates.all(firstSeq) as { a: string; b: string; reason: string }[]) {
      insertRecord(writer, duplicateReviewEntity, newId(), {
        person_a: pair.a, person_b: pair.b, reason: pair.reason, status: 'open', note: '', created_at: now, decided_by: null, decided_at: null,
      });
    }
    ctx.progress(total, total, 'progress.saving');
  }).immediate();
  return result;
}
