import type { Actor } from '../../shared/actor.js';
import { contract } from '../../shared/contract/index.js';
import { AppError, type Result } from '../../shared/errors.js';
import { readKeyStore, unwrapKey, type KeyStore } from '../db/key-store.js';
import type { Backend } from './backend.js';
import { ProgressHub } from './progress-hub.js';

export interface LockedBackendOptions {
  dbFile: string;
  /** Starts the real backend (the database worker) with the key once it is known. */
  start(key: Buffer): Promise<Backend>;
  /** After the key was opened: keep it where this transport keeps it (the app: a new OS key store wrap). */
  remember?(key: Buffer): void;
}

/** Whether a key store offers a way to open the register by hand (a passphrase or a recovery key). */
export function canUnlockByHand(store: KeyStore | null): boolean {
  return (store?.wraps ?? []).some((w) => w.kind === 'passphrase' || w.kind === 'recovery');
}

/**
 * The backend of a register whose key the operating system could not give (a new Windows profile,
 * a changed keyring, a moved disk). Until someone types the recovery key or an administrator's
 * passphrase, it answers only `keys.unlockState` and `keys.unlock`; everything else is refused with
 * `keys.locked` and nothing is opened, made or changed. Once opened it starts the real backend and
 * passes every call on to it.
 */
export function lockedBackend(options: LockedBackendOptions): Backend {
  const hub = new ProgressHub();
  let real: Backend | null = null;
  let opening: Promise<Result<unknown>> | null = null;

  async function unlock(input: unknown): Promise<Result<unknown>> {
    const parsed = contract['keys.unlock'].request.safeParse(input);
    if (!parsed.success) return { ok: false, error: { code: 'keys.emptySecret' } };
    const { method, secret, username } = parsed.data;
    try {
      const store = readKeyStore(options.dbFile);
      if (!store) throw new AppError('atrest.keyMissing', { file: options.dbFile });
      const key = unwrapKey(store, method, secret, method === 'passphrase' ? username || undefined : undefined);
      const started = await options.start(key);
      real = started;
      started.onProgress((event) => hub.emit(event));
      options.remember?.(key);
      return { ok: true, value: { unlocked: true } };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      return { ok: false, error: { code: 'internal', params: { op: 'keys.unlock', message: String(error) } } };
    }
  }

  return {
    async call(op: string, input: unknown, actor: Actor): Promise<Result<unknown>> {
      if (real) return real.call(op, input, actor);
      if (op === 'keys.unlockState') return { ok: true, value: { locked: true } };
      if (op === 'keys.unlock') {
        // One attempt at a time (each costs a second of scrypt); a second caller waits for the first.
        while (opening) await opening;
        if (real) return (real as Backend).call(op, input, actor);
        opening = unlock(input);
        try {
          return await opening;
        } finally {
          opening = null;
        }
      }
      return { ok: false, error: { code: 'keys.locked' } };
    },
    onProgress: (listener) => hub.subscribe(listener),
    async close(): Promise<void> {
      await real?.close();
    },
  };
}
