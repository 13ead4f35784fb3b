import type { Migration } from './registry.js';

/**
 * The search index: derived from the records (rebuilt locally, never synced), so it is written beside
 * each record write rather than through the change log. Each record has one document of normalised
 * tokens: folded Latin names, passport numbers and their O/0 I/1 B/8 form, premises and employer names,
 * and Khmer names cut into words. FTS5 with prefix indexes answers "any order, any prefix".
 */
export const search: Migration = {
  version: 11,
  name: 'search index',
  up(db) {
    db.exec(`
      CREATE TABLE search_doc (
        rowid INTEGER PRIMARY KEY,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE VIRTUAL TABLE search_fts USING fts5 (
        tokens,
        content = '',
        contentless_delete = 1,
        prefix = '2 3',
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* M* Co'"
      );
    `);
  },
};
