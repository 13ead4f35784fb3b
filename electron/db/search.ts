import type { Database } from 'better-sqlite3-multiple-ciphers';
import { cleanDocumentNumber, confusableKey, toMrzName } from '../../shared/mrz.js';

/**
 * The search index (migration 11). One document per record, of normalised tokens; written in the
 * same transaction as the record it describes.
 */

const KHMER_RUN = /[\u1780-\u17FF\u19E0-\u19FF\u200C\u200D]+/g;
const segmenter = new Intl.Segmenter('km', { granularity: 'word' });

/** Khmer words as the ICU dictionary cuts them. */
export function khmerWords(text: string): string[] {
  const words: string[] = [];
  for (const run of text.match(KHMER_RUN) ?? []) {
    for (const part of segmenter.segment(run.replace(/[\u200C\u200D]/g, ''))) {
      if (/[\u1780-\u17B3]/.test(part.segment)) words.push(part.segment);
    }
  }
  return words;
}

/**
 * The dictionary cuts the same letters differently in different contexts (ក្រុមហ៊ុនមេ|គង្គ but មេគង្គ),
 * so each Khmer run is also indexed from every syllable start: a query run then matches as a prefix of
 * one of these, whatever the segmenter did. Runs are short (names), so this stays small.
 */
export function khmerSuffixes(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(KHMER_RUN) ?? []) {
    const clean = run.replace(/[\u200C\u200D]/g, '');
    for (let i = 0; i < clean.length; i++) {
      const c = clean.charCodeAt(i);
      const syllableStart = c >= 0x1780 && c <= 0x17b3 && clean.charCodeAt(i - 1) !== 0x17d2;
      if (syllableStart) out.push(clean.slice(i, i + 40));
    }
  }
  return out;
}

/** Khmer query runs, each searched as one prefix (see khmerSuffixes). */
export function khmerRuns(text: string): string[] {
  return (text.match(KHMER_RUN) ?? []).map((r) => r.replace(/[\u200C\u200D]/g, '')).filter((r) => /[\u1780-\u17B3]/.test(r));
}

/** Lower-case folded Latin words and digits, plus Khmer words. */
export function textTokens(text: string): string[] {
  const latin = toMrzName(text.replace(KHMER_RUN, ' ').replace(/[0-9]+/g, (d) => ` D${d} `))
    .split(' ')
    .filter(Boolean)
    .map((t) => (t.startsWith('D') && /^D\d+$/.test(t) ? t.slice(1) : t).toLowerCase());
  return [...latin, ...khmerWords(text)];
}

/** A document number and its O/0 I/1 B/8-folded form. */
export function documentTokens(documentNumber: string): string[] {
  const clean = cleanDocumentNumber(documentNumber).toLowerCase();
  if (!clean) return [];
  const folded = confusableKey(clean).toLowerCase();
  return folded === clean ? [clean] : [clean, folded];
}

export function tokensFor(texts: string[], documents: string[] = []): string {
  const all = new Set<string>();
  for (const text of texts) {
    for (const t of textTokens(text)) all.add(t);
    for (const t of khmerSuffixes(text)) all.add(t);
  }
  for (const d of documents) for (const t of documentTokens(d)) all.add(t);
  return [...all].join(' ');
}

const statements = new WeakMap<Database, ReturnType<typeof prepareIndex>>();

function prepareIndex(db: Database) {
  return {
    find: db.prepare('SELECT rowid FROM search_doc WHERE record_id = ?'),
    addDoc: db.prepare('INSERT INTO search_doc (entity, record_id) VALUES (?, ?)'),
    drop: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    add: db.prepare('INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)'),
    dropDoc: db.prepare('DELETE FROM search_doc WHERE rowid = ?'),
  };
}

function indexStatements(db: Database): ReturnType<typeof prepareIndex> {
  let s = statements.get(db);
  if (!s) statements.set(db, (s = prepareIndex(db)));
  return s;
}

/** Writes or replaces a record's search document (`fresh`: the record has none yet, nothing to look up). */
export function indexRecord(db: Database, entity: string, recordId: string, tokens: string, fresh = false): void {
  const s = indexStatements(db);
  const existing = fresh ? undefined : (s.find.get(recordId) as { rowid: number } | undefined);
  let rowid: number;
  if (existing) {
    rowid = existing.rowid;
    s.drop.run(rowid);
  } else {
    rowid = Number(s.addDoc.run(entity, recordId).lastInsertRowid);
  }
  s.add.run(rowid, tokens);
}

/** Removes a deleted record's search document. */
export function dropRecordIndex(db: Database, recordId: string): void {
  const s = indexStatements(db);
  const existing = s.find.get(recordId) as { rowid: number } | undefined;
  if (!existing) return;
  s.drop.run(existing.rowid);
  s.dropDoc.run(existing.rowid);
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/**
 * The box's text as an FTS5 query: every word must match as a prefix, in any order. A word with a
 * digit also matches its O/0 I/1 B/8-folded form. Null when there is nothing to search for.
 */
export function matchExpression(query: string): string | null {
  const words = new Set<string>([...textTokens(query.replace(KHMER_RUN, ' ')), ...khmerRuns(query)]);
  for (const raw of query.split(/\s+/)) {
    if (/\d/.test(raw) && /^[A-Za-z0-9-]+$/.test(raw)) {
      words.delete(raw.toLowerCase());
      for (const t of textTokens(raw)) words.delete(t);
      words.add(cleanDocumentNumber(raw).toLowerCase());
    }
  }
  const terms = [...words].filter(Boolean).map((word) => {
    const folded = /\d/.test(word) ? confusableKey(word).toLowerCase() : word;
    return folded === word ? `${quote(word)}*` : `(${quote(word)}* OR ${quote(folded)}*)`;
  });
  return terms.length > 0 ? terms.join(' AND ') : null;
}

export interface SearchRow { rowid: number; entity: string; record_id: string }

/** Matching documents after `afterRowid`, in index order (keyset pagination on rowid). */
export function searchDocs(db: Database, match: string, entities: string[] | null, afterRowid: number, limit: number): SearchRow[] {
  const filter = entities ? `AND d.entity IN (${entities.map(() => '?').join(', ')})` : '';
  return db
    .prepare(
      `SELECT d.rowid, d.entity, d.record_id FROM search_fts f JOIN search_doc d ON d.rowid = f.rowid
       WHERE search_fts MATCH ? AND f.rowid > ? ${filter} ORDER BY f.rowid LIMIT ?`,
    )
    .all(match, afterRowid, ...(entities ?? []), limit) as SearchRow[];
}
