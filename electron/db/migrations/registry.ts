import type { Database } from 'better-sqlite3';

export interface Migration {
  /** Becomes `PRAGMA user_version` once applied. Feature blocks: foundation 1–9, registration 10–19, printing 20–29, sync 30–39. */
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
