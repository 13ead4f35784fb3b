import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../electron/db/migrations/index.js';
import { RELEASED_MIGRATIONS } from '../../../../electron/db/migrations/released.js';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../electron/db/migrations');
const migrationFiles = readdirSync(MIGRATIONS_DIR).filter((file) => /^\d{3,}_.+\.ts$/.test(file));
/** Line endings normalised so a Windows checkout hashes the same. */
const sourceHash = (file: string) => createHash('sha256').update(readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8').replace(/\r\n/g, '\n')).digest('hex');

describe('migrations form one increasing sequence', () => {
  const newestReleased = Math.max(...RELEASED_MIGRATIONS.map((m) => m.version));

  it('numbers every new migration above every released one (a lower number would never run on upgraded offices)', () => {
    const released = new Set(RELEASED_MIGRATIONS.map((m) => m.version));
    const misplaced = migrations.filter((m) => !released.has(m.version) && m.version <= newestReleased).map((m) => `${m.version} ${m.name}`);
    expect(misplaced).toEqual([]);
  });

  it('keeps every released migration registered and its file unchanged', () => {
    for (const release of RELEASED_MIGRATIONS) {
      expect(migrations.some((m) => m.version === release.version), `version ${release.version} registered`).toBe(true);
      expect(sourceHash(release.file), `${release.file} is released and frozen`).toBe(release.sha256);
    }
  });

  it('registers every migration file, with the version in its file name', () => {
    const versionsFromFiles = migrationFiles.map((file) => Number(file.slice(0, file.indexOf('_')))).sort((a, b) => a - b);
    expect(migrations.map((m) => m.version)).toEqual(versionsFromFiles);
  });

  it('imports nothing but types from outside the migrations folder (a migration is frozen, live code is not)', () => {
    for (const file of migrationFiles) {
      const source = readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8');
      const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'([^']+)'/gm)].map((m) => ({ typeOnly: Boolean(m[1]), from: m[2]! }));
      const live = imports.filter((i) => !i.typeOnly && !i.from.startsWith('./'));
      expect(live, file).toEqual([]);
    }
  });
});
