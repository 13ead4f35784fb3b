import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied. One increasing sequence: above every released version (released.ts). */
  version: number;
  name: string;
  up(db: Database): void;
}

/** Refuse a registry that is out of order or repeats a version: a migration runs exactly once. */
export function checkRegistry(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}, expected more than ${previous}`);
    }
    previous = migration.version;
  }
}
