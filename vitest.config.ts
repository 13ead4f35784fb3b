import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // better-sqlite3 is a native module: separate processes, not worker threads.
    pool: 'forks',
    // The office's dates must not depend on the machine's zone: tests run as on a UTC machine.
    env: { TZ: 'UTC' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
