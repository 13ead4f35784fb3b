import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { User } from '../../shared/contract/accounts.js';
import type { Role } from '../../shared/permissions.js';
import type { EntitySpec } from './changes.js';

/** Names, role and active flag: a record, written through the change log. */
export const userEntity: EntitySpec = {
  entity: 'user_account', table: 'user_account', columns: ['username', 'name_en', 'name_km', 'role', 'active', 'created_at'],
};

interface UserRow {
  id: string;
  origin_office: string;
  username: string;
  name_en: string;
  name_km: string;
  role: Role;
  active: number;
  created_at: string;
}

export interface Secret {
  passwordHash: string;
  failedCount: number;
  lockedUntil: string | null;
}

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, nameEn: row.name_en, nameKm: row.name_km, role: row.role, active: row.active === 1, createdAt: row.created_at };
}

/** Accounts made at this office (others arrive by sync only so their names can be shown). */
export function officeUsers(db: Database, office: string): User[] {
  const rows = db.prepare('SELECT * FROM user_account WHERE origin_office = ? ORDER BY active DESC, name_en').all(office) as UserRow[];
  return rows.map(toUser);
}

export function hasOfficeUsers(db: Database, office: string): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM user_account WHERE origin_office = ?)').pluck().get(office) === 1;
}

export function userById(db: Database, id: string): (User & { originOffice: string }) | null {
  const row = db.prepare('SELECT * FROM user_account WHERE id = ?').get(id) as UserRow | undefined;
  return row ? { ...toUser(row), originOffice: row.origin_office } : null;
}

export function userByUsername(db: Database, office: string, username: string): User | null {
  const row = db.prepare('SELECT * FROM user_account WHERE origin_office = ? AND username = ?').get(office, username) as UserRow | undefined;
  return row ? toUser(row) : null;
}

export function activeAdminCount(db: Database, office: string): number {
  return db.prepare(`SELECT count(*) FROM user_account WHERE origin_office = ? AND role = 'administrator' AND active = 1`).pluck().get(office) as number;
}

/** Display names of user actors (change log, audit), by id; unknown ids are left out. */
export function userNames(db: Database, ids: readonly string[]): Map<string, { en: string; km: string }> {
  const out = new Map<string, { en: string; km: string }>();
  const statement = db.prepare('SELECT name_en, name_km FROM user_account WHERE id = ?');
  for (const id of new Set(ids)) {
    const row = statement.get(id) as { name_en: string; name_km: string } | undefined;
    if (row) out.set(id, { en: row.name_en, km: row.name_km });
  }
  return out;
}

// Credentials never travel and are not records: they are kept beside the account, outside the change log.

export function readSecret(db: Database, userId: string): Secret | null {
  const row = db.prepare('SELECT password_hash, failed_count, locked_until FROM user_secret WHERE user_id = ?').get(userId) as
    | { password_hash: string; failed_count: number; locked_until: string | null }
    | undefined;
  return row ? { passwordHash: row.password_hash, failedCount: row.failed_count, lockedUntil: row.locked_until } : null;
}

export function writeSecret(db: Database, userId: string, passwordHash: string, at: string): void {
  db.prepare(`INSERT INTO user_secret (user_id, password_hash, failed_count, locked_until, changed_at) VALUES (?, ?, 0, NULL, ?)
    ON CONFLICT (user_id) DO UPDATE SET password_hash = excluded.password_hash, failed_count = 0, locked_until = NULL, changed_at = excluded.changed_at`)
    .run(userId, passwordHash, at);
}

export function recordFailure(db: Database, userId: string, failedCount: number, lockedUntil: string | null): void {
  db.prepare('UPDATE user_secret SET failed_count = ?, locked_until = ? WHERE user_id = ?').run(failedCount, lockedUntil, userId);
}

export function clearFailures(db: Database, userId: string): void {
  db.prepare('UPDATE user_secret SET failed_count = 0, locked_until = NULL WHERE user_id = ?').run(userId);
}
