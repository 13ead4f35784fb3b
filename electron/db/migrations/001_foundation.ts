import type { Migration } from './registry.js';

export const foundation: Migration = {
  version: 1,
  name: 'foundation',
  up(db) {
    db.exec(`
      CREATE TABLE change_log (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL,
        before_json TEXT,
        after_json TEXT
      ) STRICT;
      CREATE INDEX change_log_record ON change_log (entity, record_id, seq);

      CREATE TABLE office (
        id TEXT PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('commune', 'province', 'national')),
        unit_code TEXT NOT NULL,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE setting (
        id TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE admin_unit (
        id TEXT PRIMARY KEY,
        level TEXT NOT NULL CHECK (level IN ('province', 'district', 'commune')),
        parent_code TEXT,
        type_km TEXT NOT NULL,
        type_latin TEXT NOT NULL,
        type_en TEXT NOT NULL,
        name_km TEXT NOT NULL,
        name_latin TEXT NOT NULL,
        name_en TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX admin_unit_parent ON admin_unit (parent_code, level);

      CREATE TABLE reference_version (
        id TEXT PRIMARY KEY,
        version TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        row_count INTEGER NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
