import type { Migration } from './registry.js';

/** Sync state: keys, key directory, peer positions, bundles sent and received, held bundles, conflicts, notes. */
export const syncState: Migration = {
  version: 30,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_key (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        signing_fingerprint TEXT NOT NULL,
        encryption_fingerprint TEXT NOT NULL,
        public_json TEXT NOT NULL,
        secret_file BLOB NOT NULL,
        active INTEGER NOT NULL DEFAULT 1
      ) STRICT;

      CREATE TABLE sync_directory (
        version INTEGER PRIMARY KEY,
        signed_json TEXT NOT NULL,
        imported_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_trust (
        office_id TEXT PRIMARY KEY,
        signing_key TEXT NOT NULL,
        card_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_directory_entry (
        office_id TEXT NOT NULL,
        signing_key_id TEXT NOT NULL,
        entry_json TEXT NOT NULL,
        PRIMARY KEY (office_id, signing_key_id)
      ) STRICT;

      CREATE TABLE sync_peer (
        office_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        last_seq INTEGER NOT NULL,
        last_hash TEXT NOT NULL,
        PRIMARY KEY (office_id, kind)
      ) STRICT;

      CREATE TABLE sync_origin (
        office_id TEXT PRIMARY KEY,
        via_peer TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sync_sent (
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        bundle_id TEXT NOT NULL UNIQUE,
        hash TEXT NOT NULL,
        to_office TEXT NOT NULL,
        change_from INTEGER NOT NULL,
        change_to INTEGER NOT NULL,
        change_count INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        acked_at TEXT,
        PRIMARY KEY (kind, seq)
      ) STRICT;

      CREATE TABLE sync_received (
        bundle_id TEXT PRIMARY KEY,
        from_office TEXT NOT NULL,
        seq INTEGER NOT NULL,
        hash TEXT NOT NULL,
        kind TEXT NOT NULL,
        inserted INTEGER NOT NULL,
        updated INTEGER NOT NULL,
        deleted INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        conflicts INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        UNIQUE (from_office, kind, seq)
      ) STRICT;

      CREATE TABLE sync_held (
        from_office TEXT NOT NULL,
        kind TEXT NOT NULL,
        seq INTEGER NOT NULL,
        bundle_id TEXT NOT NULL,
        hash TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file BLOB NOT NULL,
        held_at TEXT NOT NULL,
        PRIMARY KEY (from_office, kind, seq)
      ) STRICT;

      CREATE TABLE sync_conflict (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        record_a TEXT NOT NULL,
        office_a TEXT NOT NULL,
        record_b TEXT NOT NULL,
        office_b TEXT NOT NULL,
        fields_json TEXT NOT NULL,
        bundle_id TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
        resolution TEXT,
        resolved_by TEXT,
        resolved_at TEXT,
        UNIQUE (entity, record_a, record_b)
      ) STRICT;

      CREATE TABLE sync_shadow (
        entity TEXT NOT NULL,
        id TEXT NOT NULL,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL,
        row_json TEXT NOT NULL,
        PRIMARY KEY (entity, id)
      ) STRICT;

      CREATE TABLE sync_annotation (
        id TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        text TEXT NOT NULL,
        by_office TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_annotation_record ON sync_annotation (entity, record_id);
    `);
  },
};
