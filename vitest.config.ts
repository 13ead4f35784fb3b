import { randomBytes } from 'node:crypto';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // better-sqlite3 is a native module: separate processes, not worker threads.
    pool: 'forks',
    // The office's dates must not depend on the machine's zone: tests run as on a UTC machine.
    // Every database in the suite is encrypted, with a key made for this run (electron/db/db-key.ts).
    env: { TZ: 'UTC', BANHCHI_DB_KEY: process.env.BANHCHI_DB_KEY ?? randomBytes(32).toString('hex') },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
