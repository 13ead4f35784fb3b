import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EntitySpec } from './changes.js';
import { summaries } from './persons.js';
import { stmt } from './statements.js';

export const duplicateReviewEntity: EntitySpec = {
  entity: 'duplicate_review',
  table: 'duplicate_review',
  columns: ['person_a', 'person_b', 'reason', 'status', 'note', 'created_at', 'decided_by', 'decided_at'],
};

export const personMergeEntity: EntitySpec = {
  entity: 'person_merge',
  table: 'person_merge',
  columns: ['kept_id', 'merged_id', 'review_id', 'fields_json', 'moved_stays', 'moved_employments', 'merged_at'],
};

export interface ReviewRow {
  id: string; person_a: string; person_b: string; reason: 'same_name_birth' | 'similar_passport';
  status: 'open' | 'merged' | 'dismissed'; created_at: string; decided_by: string | null; decided_at: string | null;
}

export function getReview(db: Database, id: string): ReviewRow | undefined {
  return stmt(db, 'SELECT * FROM duplicate_review WHERE id = ?').get(id) as ReviewRow | undefined;
}

export function toReviews(db: Database, rows: ReviewRow[]) {
  const people = new Map(summaries(db, [...new Set(rows.flatMap((r) => [r.person_a, r.person_b]))]).map((s) => [s.id, s]));
  return rows.flatMap((row) => {
    const a = people.get(row.person_a);
    const b = people.get(row.person_b);
    if (!a || !b) return [];
    return [{ id: row.id, reason: row.reason, status: row.status, a, b, createdAt: row.created_at, decidedBy: row.decided_by, decidedAt: row.decided_at }];
  });
}

export function reviewsOf(db: Database, personId: string, status = 'open'): ReviewRow[] {
  return stmt(db, 'SELECT * FROM duplicate_review WHERE (person_a = ? OR person_b = ?) AND status = ? ORDER BY id').all(personId, personId, status) as ReviewRow[];
}
