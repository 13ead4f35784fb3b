import { z } from 'zod';
import { ROLES } from '../permissions.js';
import { empty, isoDateTime } from './common.js';
import { localOperation, operation } from './define.js';

/** How a person signs in: lower-case Latin letters, digits, dot, dash, underscore. */
export const username = z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,32}$/, 'format.username');
/** At least 8 characters; long passphrases welcome. */
export const password = z.string().min(8).max(200);
export const role = z.enum(ROLES);

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  nameEn: z.string(),
  nameKm: z.string(),
  role,
  active: z.boolean(),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

/** Who is signed in at this window (or browser), as the transport keeps it. */
export const sessionSchema = z.object({
  user: userSchema.nullable(),
  /** Signed in but the screen is locked (idle, or locked by hand): only unlock, switch user and sign out. */
  locked: z.boolean(),
  /** No account exists yet at this office: the first run (or an upgrade) creates the administrator. */
  needsAdmin: z.boolean(),
  /** Minutes without use before the window locks. */
  idleMinutes: z.number().int(),
});
export type Session = z.infer<typeof sessionSchema>;

const names = {
  nameEn: z.string().trim().min(1).max(200),
  nameKm: z.string().trim().min(1).max(200),
};
const newUser = z.object({ username, ...names, role, password });

export const IDLE_SETTING = 'accounts.idleMinutes';
export const DEFAULT_IDLE_MINUTES = 10;

export const accountsOps = {
  /**
   * The session operations are answered by the transport (main process, web server), which keeps
   * who is signed in; the page never names its actor.
   */
  'session.current': operation({ request: empty, response: sessionSchema }),
  'session.login': operation({ request: z.object({ username, password: z.string().min(1).max(200) }), response: sessionSchema }),
  'session.logout': operation({ request: empty, response: sessionSchema }),
  'session.lock': operation({ request: empty, response: sessionSchema }),
  'session.unlock': operation({ request: z.object({ password: z.string().min(1).max(200) }), response: sessionSchema }),

  /** Whether any account of this office exists (transports and the CLI ask before signing in). */
  'accounts.status': localOperation({ request: empty, response: z.object({ hasUsers: z.boolean(), idleMinutes: z.number().int() }) }),
  /** Checks a password, counting failures for the lockout; the transport makes the session. */
  'accounts.authenticate': localOperation({ request: z.object({ username, password: z.string().min(1).max(200) }), response: userSchema }),
  /** The office administrator, made at the first run (refused once any account exists). */
  'accounts.createFirstAdmin': operation({ request: z.object({ username, ...names, password }), response: userSchema }),
  'accounts.list': operation({ request: empty, response: z.array(userSchema) }),
  'accounts.create': operation({ request: newUser, response: userSchema }),
  'accounts.update': operation({ request: z.object({ id: z.string().uuid(), ...names, role }), response: userSchema }),
  'accounts.resetPassword': operation({ request: z.object({ id: z.string().uuid(), password }), response: userSchema }),
  /** Deactivate (or reactivate): accounts are never deleted, their names stay in the history. */
  'accounts.setActive': operation({ request: z.object({ id: z.string().uuid(), active: z.boolean() }), response: userSchema }),
  'accounts.setIdleMinutes': operation({ request: z.object({ minutes: z.number().int().min(1).max(240) }), response: z.object({ minutes: z.number().int() }) }),
};

export const auditEntrySchema = z.object({
  id: z.string(),
  originOffice: z.string(),
  seq: z.number().int(),
  at: isoDateTime.or(z.string()),
  actor: z.string(),
  actorName: z.string(),
  operation: z.string(),
  entity: z.string(),
  recordId: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
