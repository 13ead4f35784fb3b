import { AppError } from '../../shared/errors.js';
import { emptyKeyStore, readKeyStore, unwrapKey, withNewRecovery, withPassphrase, writeKeyStore, type KeyStore } from './key-store.js';
import { keyOf, type Database } from './open.js';

/**
 * What the rest of the backend (accounts, set-up, the CLI) does with the register's key, given
 * an open connection: the key itself never leaves open.ts and the key store.
 */
function storeOf(db: Database): KeyStore {
  return readKeyStore(db.name) ?? emptyKeyStore(keyOf(db));
}

export const MIN_PASSPHRASE = 8;

/**
 * Seals the register's key with a person's passphrase (the administrator when created, a new
 * password after a change): that passphrase then opens the register where the OS key store
 * cannot (another PC, a lost keyring, the command line with BANHCHI_PASSWORD).
 */
export function wrapKeyWithPassphrase(db: Database, label: string, passphrase: string): void {
  if (passphrase.length < MIN_PASSPHRASE) throw new AppError('atrest.passphraseTooShort', { min: MIN_PASSPHRASE });
  writeKeyStore(db.name, withPassphrase(storeOf(db), keyOf(db), label, passphrase));
}

/** Removes a person's wrap (a deactivated user). The last way to open the register is never removed. */
export function removePassphraseWrap(db: Database, label: string): void {
  const store = storeOf(db);
  const wraps = store.wraps.filter((w) => !(w.kind === 'passphrase' && w.label === label));
  if (wraps.length === 0) throw new AppError('atrest.lastWrap');
  writeKeyStore(db.name, { ...store, wraps });
}

/** Checks a passphrase against its wrap (e.g. before an administrator changes keys). */
export function passphraseOpensKey(db: Database, passphrase: string, label?: string): boolean {
  try {
    return unwrapKey(storeOf(db), 'passphrase', passphrase, label).equals(keyOf(db));
  } catch {
    return false;
  }
}

/** A new recovery key (the previous one stops working): shown once, on the recovery sheet. */
export function makeRecoveryKey(db: Database, now: string): string {
  const { store, recoveryKey } = withNewRecovery(storeOf(db), keyOf(db), now);
  writeKeyStore(db.name, store);
  return recoveryKey;
}

/** Which ways to open the register exist (no secrets): for the key screen and `banhchi key status`. */
export function keyStatus(db: Database): { passphrases: string[]; recovery: string | null; os: string | null } {
  const store = readKeyStore(db.name);
  const wraps = store?.wraps ?? [];
  return {
    passphrases: wraps.flatMap((w) => (w.kind === 'passphrase' ? [w.label] : [])),
    recovery: wraps.flatMap((w) => (w.kind === 'recovery' ? [w.created] : []))[0] ?? null,
    os: wraps.flatMap((w) => (w.kind === 'os' ? [w.backend] : []))[0] ?? null,
  };
}
