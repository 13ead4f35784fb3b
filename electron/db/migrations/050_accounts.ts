import type { Migration } from './registry.js';

/**
 * User accounts. `user_account` is a record (names, role, active), written through the change
 * log and sent upward so other offices can name who made a change; a user signs in only at the
 * office that made the account. `user_secret` holds what never leaves the PC: the Argon2id hash
 * and the failed-attempt counter of the lockout.
 */
export const accounts: Migration = {
  version: 50,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE user_account (
        id TEXT PRIMARY KEY,
        origin_office TEXT NOT NULL,
        revision INTEGER NOT NULL,
        username TEXT NOT NULL,
        name_en TEXT NOT NULL,
        name_km TEXT NOT NULL,
        role TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX user_account_username ON user_account (origin_office, username);
      CREATE TABLE user_secret (
        user_id TEXT PRIMARY KEY REFERENCES user_account (id),
        password_hash TEXT NOT NULL,
        failed_count INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        changed_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
