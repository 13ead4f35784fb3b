import { personFieldName } from '../../../shared/contract/registration.js';
import { AppError } from '../../../shared/errors.js';
import type { HandlerTable } from '../../backend/context.js';
import { insertRecord, nowIso, updateRecord } from '../../db/changes.js';
import { duplicateReviewEntity, getReview, personMergeEntity, toReviews, type ReviewRow } from '../../db/duplicates.js';
import { employmentEntity } from '../../db/employers.js';
import { decodeCursor, pageOf } from '../../db/paging.js';
import { getPersonRow, personEntity, toPerson, type PersonRow } from '../../db/persons.js';
import { stayEntity } from '../../db/stays.js';
import { newId, notFound } from './common.js';
import { derivedKeys, PERSON_FIELDS } from './identity.js';

type Op = 'duplicates.list' | 'duplicates.compare' | 'duplicates.merge' | 'duplicates.dismiss';
/** The identity key stays with each record: the merged one keeps its old passport so a re-registration finds it. */
const KEY_FIELDS = new Set(['nationality', 'passportNo', 'birthDate']);

function load(db: Parameters<typeof getPersonRow>[0], id: string): PersonRow {
  return getPersonRow(db, id) ?? notFound('person', id);
}

function fieldValue(row: PersonRow, field: keyof typeof PERSON_FIELDS): string | boolean | null {
  const value = row[PERSON_FIELDS[field]];
  return field === 'diplomatic' ? value === 1 : (value as string | null);
}

export const duplicatesHandlers: Pick<HandlerTable, Op> = {
  'duplicates.list': (ctx, request) => {
    const after = decodeCursor(request.cursor);
    const where = ['status = ?'];
    const params: string[] = [request.status];
    if (request.personId) { where.push('(person_a = ? OR person_b = ?)'); params.push(request.personId, request.personId); }
    if (after) { where.push('id > ?'); params.push(String(after[0])); }
    const rows = ctx.db.prepare(`SELECT * FROM duplicate_review WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`).all(...params, request.limit + 1) as ReviewRow[];
    const page = pageOf(rows, request.limit, (r) => r, (r) => [r.id]);
    return { items: toReviews(ctx.db, page.items), nextCursor: page.nextCursor };
  },

  'duplicates.compare': (ctx, request) => {
    const a = load(ctx.db, request.aId);
    const b = load(ctx.db, request.bId);
    const count = (table: string, id: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE person_id = ?`).get(id) as { n: number }).n;
    return {
      a: toPerson(a),
      b: toPerson(b),
      fields: personFieldName.options.map((field) => {
        const va = fieldValue(a, field);
        const vb = fieldValue(b, field);
        return { field, a: va, b: vb, same: va === vb };
      }),
      staysA: count('stay', a.id), staysB: count('stay', b.id),
      employmentsA: count('employment', a.id), employmentsB: count('employment', b.id),
    };
  },

  'duplicates.merge': (ctx, request) =>
    ctx.db.transaction(() => {
      const keep = load(ctx.db, request.keepId);
      const merge = load(ctx.db, request.mergeId);
      if (keep.id === merge.id) throw new AppError('registration.duplicates.samePerson');
      for (const row of [keep, merge]) if (row.merged_into) throw new AppError('registration.person.merged', { id: row.id, into: row.merged_into });
      const writer = ctx.writer();
      const patch: Record<string, string | number | null> = {};
      const taken: Record<string, { from: string; before: unknown; after: unknown }> = {};
      for (const [field, side] of Object.entries(request.take) as [keyof typeof PERSON_FIELDS, 'keep' | 'merge'][]) {
        if (side !== 'merge' || merge[PERSON_FIELDS[field]] === keep[PERSON_FIELDS[field]]) continue;
        if (KEY_FIELDS.has(field)) throw new AppError('registration.duplicates.keyField', { field });
        patch[PERSON_FIELDS[field]] = merge[PERSON_FIELDS[field]] as string | number | null;
        taken[field] = { from: merge.id, before: keep[PERSON_FIELDS[field]], after: merge[PERSON_FIELDS[field]] };
      }
      const next = { ...keep, ...patch } as PersonRow;
      updateRecord(writer, personEntity, keep.id, { ...patch, ...derivedKeys(next) });
      updateRecord(writer, personEntity, merge.id, { merged_into: keep.id });
      const stays = ctx.db.prepare('SELECT id FROM stay WHERE person_id = ?').all(merge.id) as { id: string }[];
      for (const { id } of stays) updateRecord(writer, stayEntity, id, { person_id: keep.id });
      const jobs = ctx.db.prepare('SELECT id FROM employment WHERE person_id = ?').all(merge.id) as { id: string }[];
      for (const { id } of jobs) updateRecord(writer, employmentEntity, id, { person_id: keep.id });
      const [a, b] = keep.id < merge.id ? [keep.id, merge.id] : [merge.id, keep.id];
      const review = request.reviewId ? getReview(ctx.db, request.reviewId) : (ctx.db.prepare('SELECT * FROM duplicate_review WHERE person_a = ? AND person_b = ?').get(a, b) as ReviewRow | undefined);
      const decided = { decided_by: ctx.actor.id, decided_at: nowIso() };
      if (review) updateRecord(writer, duplicateReviewEntity, review.id, { status: 'merged', ...decided });
      const others = ctx.db.prepare("SELECT id FROM duplicate_review WHERE (person_a = ? OR person_b = ?) AND status = 'open'").all(merge.id, merge.id) as { id: string }[];
      for (const { id } of others) updateRecord(writer, duplicateReviewEntity, id, { status: 'dismissed', note: `merged into ${keep.id}`, ...decided });
      insertRecord(writer, personMergeEntity, newId(), {
        kept_id: keep.id, merged_id: merge.id, review_id: review?.id ?? null, fields_json: JSON.stringify(taken),
        moved_stays: stays.length, moved_employments: jobs.length, merged_at: decided.decided_at,
      });
      return { person: toPerson(load(ctx.db, keep.id)), movedStays: stays.length, movedEmployments: jobs.length };
    })(),

  'duplicates.dismiss': (ctx, request) => {
    const review = getReview(ctx.db, request.reviewId) ?? notFound('duplicate_review', request.reviewId);
    if (review.status !== 'open') throw new AppError('registration.duplicates.decided', { status: review.status });
    updateRecord(ctx.writer(), duplicateReviewEntity, review.id, { status: 'dismissed', note: request.note, decided_by: ctx.actor.id, decided_at: nowIso() });
    const [updated] = toReviews(ctx.db, [getReview(ctx.db, review.id)!]);
    return updated ?? notFound('duplicate_review', review.id);
  },
};
