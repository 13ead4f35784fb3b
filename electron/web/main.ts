import { mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors.js';
import { offsetForFakeNow } from '../backend/clock.js';
import { startWorkerBackend } from '../backend/host.js';
import { upgradeReporter } from '../db/upgrade-progress.js';
import { createI18n } from '../../shared/i18n/index.js';
import { keyFileBeside, keyFromEnvironment } from '../db/db-key.js';
import { existsSync } from 'node:fs';
import type { Backend } from '../backend/backend.js';
import { canUnlockByHand, lockedBackend } from '../backend/locked.js';
import { fileState } from '../db/files.js';
import { readKeyStore } from '../db/key-store.js';
import { settleRotation } from '../db/rotate.js';
import { startWebServer } from './server.js';

/** Entry of `npm run web`: BANHCHI_DATA_DIR (or --data-dir) holds banhchi.db. */
const here = path.dirname(fileURLToPath(import.meta.url));
const argDir = process.argv.indexOf('--data-dir');
const dataDir = path.resolve(
  (argDir > 0 ? process.argv[argDir + 1] : undefined) ?? process.env.BANHCHI_DATA_DIR ?? path.join(os.homedir(), '.banhchi-web'),
);
mkdirSync(dataDir, { recursive: true });

try {
  // End-to-end tests set the server's clock (and the browser's, with Playwright's page.clock) to the same instant.
  const offset = offsetForFakeNow(process.env.BANHCHI_FAKE_NOW);
  if (offset !== null) {
    process.env.BANHCHI_CLOCK_OFFSET_MS = String(offset);
    console.log(`Clock set to ${process.env.BANHCHI_FAKE_NOW} (BANHCHI_FAKE_NOW)`);
  }
  const dbFile = path.join(dataDir, 'banhchi.db');
  const workerOptions = {
    dbFile,
    workerPath: path.join(here, '../backend/worker.ts'),
    // What the installer ships beside the app (the gazetteer): here ../shared beside the repository.
    resourcesDir: path.resolve(process.env.BANHCHI_RESOURCES_DIR ?? path.join(here, '../../../shared')),
    // A large register's upgrade takes a minute or more: say so on the console, step by step.
    onUpgrade: upgradeReporter((line) => console.log(line), (key, params) => createI18n('en').t(key, params)),
  };
  // The database is encrypted: the key from BANHCHI_DB_KEY(_FILE), else a key file in the data folder.
  settleRotation(dbFile);
  let dbKey = keyFromEnvironment();
  let backend: Backend;
  if (!dbKey && !existsSync(`${dbFile}.key`) && fileState(dbFile) === 'encrypted' && canUnlockByHand(readKeyStore(dbFile))) {
    // An encrypted register brought here without its key (as the app after a lost OS key store):
    // the page asks for the recovery key or an administrator's passphrase; the key stays in memory.
    backend = lockedBackend({ dbFile, start: (key) => startWorkerBackend({ ...workerOptions, dbKey: key }) });
    console.log('The register is locked: open it in the browser with the recovery key or an administrator passphrase.');
  } else {
    if (!dbKey) {
      const beside = keyFileBeside(dbFile);
      dbKey = beside.key;
      console.log(`Database key: ${beside.file} (set BANHCHI_DB_KEY_FILE to keep it elsewhere)`);
    }
    backend = await startWorkerBackend({ ...workerOptions, dbKey });
  }
  const server = await startWebServer({
    backend,
    staticDir: path.resolve(here, '../../dist/renderer'),
    port: Number(process.env.BANHCHI_PORT ?? 0),
  });
  console.log(`Banhchi is running at ${server.url}`);
  console.log(`Data: ${dataDir}`);
  const stop = () => void server.close().then(() => backend.close()).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof AppError ? `Banhchi cannot start: ${error.message}` : error);
  process.exit(1);
}
