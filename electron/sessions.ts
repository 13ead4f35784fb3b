import { LOCAL_OPERATOR, SYSTEM_ACTOR, type Actor } from '../shared/actor.js';
import { DEFAULT_IDLE_MINUTES, type Session, type User } from '../shared/contract/accounts.js';
import type { Result } from '../shared/errors.js';
import type { Backend } from './backend/backend.js';

/**
 * Who is signed in, kept by the transport (the Electron main process per window, the web server
 * per browser session): the page never names its actor. Every call gets the signed-in user as
 * `{ id, kind: 'user', role }`; before any account exists (first run, or a register from before
 * accounts) the one local operator acts, as it always did.
 */
interface State {
  user: User | null;
  locked: boolean;
  lastUse: number;
  idleMinutes: number;
}

/** What the page may call while nobody is signed in: enough to draw the sign-in screen. */
// A locked register (key store unreadable) is opened before anyone can sign in: keys.unlock needs the secret.
const SIGNED_OUT_OPS = new Set(['app.info', 'office.get', 'keys.unlockState', 'keys.unlock']);
const SIGNED_OUT_SETTINGS = new Set(['ui.language']);
/** What a locked window may still call besides the session operations. */
const LOCKED_OPS = SIGNED_OUT_OPS;

export function userActor(user: Pick<User, 'id' | 'role'>): Actor {
  return { id: user.id, kind: 'user', role: user.role };
}

export class Sessions {
  private readonly states = new Map<string, State>();

  constructor(private readonly backend: Backend, private readonly clock: () => number = Date.now) {}

  /** Answers one call from the page of session `key`. */
  async call(key: string, op: string, input: unknown): Promise<Result<unknown>> {
    if (op.startsWith('session.')) return this.session(key, op, input);
    const state = this.states.get(key);
    if (state?.user) {
      this.expireIdle(state);
      if (state.locked && !LOCKED_OPS.has(op)) return refused('session.locked');
      state.lastUse = this.clock();
      const result = await this.backend.call(op, input, userActor(state.user));
      if (!result.ok && result.error.code === 'boundary.badActor') state.user = null;
      return result;
    }
    const status = await this.status();
    if (!status.hasUsers) {
      const result = await this.backend.call(op, input, LOCAL_OPERATOR);
      // The administrator made at the first run is signed in at once.
      if (result.ok && op === 'accounts.createFirstAdmin') this.signIn(key, result.value as User, status.idleMinutes);
      return result;
    }
    if (SIGNED_OUT_OPS.has(op) || (op === 'settings.get' && SIGNED_OUT_SETTINGS.has(String((input as { key?: unknown } | null)?.key)))) {
      return this.backend.call(op, input, SYSTEM_ACTOR);
    }
    return refused('session.signedOut');
  }

  /** The signed-in user of a session, if any (for the main process's own operations). */
  actor(key: string): Actor | null {
    const state = this.states.get(key);
    if (!state?.user) return null;
    this.expireIdle(state);
    return state.locked ? null : userActor(state.user);
  }

  private async session(key: string, op: string, input: unknown): Promise<Result<unknown>> {
    const fields = (input ?? {}) as { username?: unknown; password?: unknown };
    switch (op) {
      case 'session.current':
        return this.current(key);
      case 'session.login': {
        const result = await this.backend.call('accounts.authenticate', { username: fields.username, password: fields.password }, SYSTEM_ACTOR);
        if (!result.ok) return result;
        this.signIn(key, result.value as User, (await this.status()).idleMinutes);
        return this.current(key);
      }
      case 'session.logout':
        this.states.delete(key);
        return this.current(key);
      case 'session.lock': {
        const state = this.states.get(key);
        if (state?.user) state.locked = true;
        return this.current(key);
      }
      case 'session.unlock': {
        const state = this.states.get(key);
        if (!state?.user) return refused('session.signedOut');
        const result = await this.backend.call('accounts.authenticate', { username: state.user.username, password: fields.password }, SYSTEM_ACTOR);
        if (!result.ok) {
          // Deactivated meanwhile, or locked out: the window signs out.
          if (result.error.code !== 'accounts.badLogin') this.states.delete(key);
          return result;
        }
        this.signIn(key, result.value as User, (await this.status()).idleMinutes);
        return this.current(key);
      }
      default:
        return refused('boundary.unknownOperation', { op });
    }
  }

  private async current(key: string): Promise<Result<Session>> {
    const status = await this.status();
    const state = this.states.get(key);
    if (state) {
      state.idleMinutes = status.idleMinutes;
      this.expireIdle(state);
      // The page asks while someone works at it (typing a long form makes no other call).
      if (!state.locked) state.lastUse = this.clock();
    }
    return {
      ok: true,
      value: { user: state?.user ?? null, locked: state?.locked ?? false, needsAdmin: !status.hasUsers, idleMinutes: status.idleMinutes },
    };
  }

  private signIn(key: string, user: User, idleMinutes: number): void {
    this.states.set(key, { user, locked: false, lastUse: this.clock(), idleMinutes });
  }

  /** The page locks itself when idle; this catches a page that stopped asking (closed, asleep). */
  private expireIdle(state: State): void {
    if (!state.locked && this.clock() - state.lastUse > state.idleMinutes * 60_000) state.locked = true;
  }

  private async status(): Promise<{ hasUsers: boolean; idleMinutes: number }> {
    const result = await this.backend.call('accounts.status', {}, SYSTEM_ACTOR);
    const value = result.ok ? (result.value as { hasUsers?: unknown; idleMinutes?: unknown } | null) : null;
    // Only a clear "no account yet" lets the local operator act; anything else asks for a sign-in.
    return {
      hasUsers: value?.hasUsers !== false,
      idleMinutes: typeof value?.idleMinutes === 'number' ? value.idleMinutes : DEFAULT_IDLE_MINUTES,
    };
  }
}

function refused(code: string, params?: Record<string, string>): Result<never> {
  return { ok: false, error: params ? { code, params } : { code } };
}
