import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';

// The web servers and CLI runs of the run share one database key (every database is encrypted).
process.env.BANHCHI_DB_KEY ??= randomBytes(32).toString('hex');

/** End-to-end tests drive Debian's Chromium against `npm run web`; no browser download needed. */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  // One retry: a test that passes only on retry is reported as flaky in the output, not hidden.
  retries: 1,
  reporter: [['list']],
  use: {
    locale: 'en-US',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
