import { AppError } from '../../shared/errors.js';
import { keyFromEnvironment, newDatabaseKey } from '../db/db-key.js';
import { fileState } from '../db/files.js';
import { emptyKeyStore, readKeyStore, unwrapKey, withPassphrase, writeKeyStore } from '../db/key-store.js';
import { settleRotation } from '../db/rotate.js';

/** The label of the passphrase wrap the administrator's passphrase opens (accounts may add one per user). */
export const ADMIN_LABEL = 'administrator';

/**
 * The database key for a command-line run, in this order:
 * 1. `BANHCHI_DB_KEY` / `BANHCHI_DB_KEY_FILE` (scripts, the test suite);
 * 2. `BANHCHI_RECOVERY_KEY`: the recovery key from the recovery sheet;
 * 3. `BANHCHI_PASSWORD`: a passphrase wrap, the one labelled `BANHCHI_USER` when it is set.
 * A new database (no file yet) given only a passphrase gets a new random key wrapped by it, under
 * `BANHCHI_USER` or "administrator": `banhchi init` on a fresh PC. Otherwise undefined, and
 * openDatabase says the key is missing.
 */
export function cliDatabaseKey(dbFile: string, env: NodeJS.ProcessEnv = process.env): Buffer | undefined {
  const fromEnv = keyFromEnvironment(env);
  if (fromEnv) return fromEnv;
  settleRotation(dbFile);
  const store = readKeyStore(dbFile);
  if (store) {
    if (env.BANHCHI_RECOVERY_KEY) return unwrapKey(store, 'recovery', env.BANHCHI_RECOVERY_KEY);
    if (env.BANHCHI_PASSWORD) return unwrapKey(store, 'passphrase', env.BANHCHI_PASSWORD, env.BANHCHI_USER || undefined);
    return undefined;
  }
  const state = fileState(dbFile);
  if ((state === 'missing' || state === 'empty') && env.BANHCHI_PASSWORD) {
    if (env.BANHCHI_PASSWORD.length < 8) throw new AppError('atrest.passphraseTooShort', { min: 8 });
    const key = newDatabaseKey();
    writeKeyStore(dbFile, withPassphrase(emptyKeyStore(key), key, env.BANHCHI_USER || ADMIN_LABEL, env.BANHCHI_PASSWORD));
    return key;
  }
  return undefined;
}
