import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import type { Actor } from '../../shared/actor.js';
import type { Session } from '../../shared/contract/accounts.js';
import type { OpName } from '../../shared/contract/index.js';
import { actorHas, canPerform, type Capability } from '../../shared/permissions.js';
import { api } from './api.js';

/** Who is signed in at this window, as the transport says; the page only shows it, never sends it. */
export interface SessionValue {
  session: Session;
  setSession: (session: Session) => void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionContext');
  return value;
}

/** The actor the backend will see for this window's calls (for the permission table). */
function actorOf(session: Session): Actor {
  if (session.user) return { id: session.user.id, kind: 'user', role: session.user.role };
  // Before any account exists, the one local operator is the whole office (as the backend has it).
  return { id: 'local-operator', kind: session.needsAdmin ? 'local-operator' : 'user' };
}

/** Whether the signed-in user's role may call an operation: screens hide what it may not. */
export function useCan(op: OpName): boolean {
  const value = useContext(SessionContext);
  return value ? canPerform(actorOf(value.session), op) : true;
}

/** `useCan` for a list decided at render time (the navigation): one check function for this window's user. */
export function useCanCheck(): (op: OpName) => boolean {
  const value = useContext(SessionContext);
  return (op) => (value ? canPerform(actorOf(value.session), op) : true);
}

export function useHas(capability: Capability): boolean {
  const value = useContext(SessionContext);
  return value ? actorHas(actorOf(value.session), capability) : true;
}

/** Shows its children only to roles that may call `op`; the boundary refuses the call regardless. */
export function Can({ op, children }: { op: OpName; children: ReactNode }) {
  return useCan(op) ? <>{children}</> : null;
}

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 15_000;

/**
 * Locks the window after the idle time the administrator set. While someone works the page tells
 * the transport now and then (typing a long form makes no other call), and learns of a lock or a
 * sign-out made elsewhere.
 */
export function useIdleLock(): void {
  const { session, setSession } = useSession();
  const lastActivity = useRef(Date.now());
  const reported = useRef(Date.now());
  const idleMs = session.idleMinutes * 60_000;
  const active = session.user !== null && !session.locked;
  useEffect(() => {
    if (!active) return undefined;
    lastActivity.current = Date.now();
    const mark = () => {
      lastActivity.current = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, mark, { passive: true });
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastActivity.current >= idleMs) {
        void api['session.lock']({}).then((r) => r.ok && setSession(r.value));
      } else if (lastActivity.current > reported.current) {
        reported.current = now;
        void api['session.current']({}).then((r) => r.ok && setSession(r.value));
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, mark);
    };
  }, [active, idleMs, setSession]);
}
