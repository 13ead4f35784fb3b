import { z } from 'zod';
import { ROLES } from './permissions.js';

/**
 * Who performs an operation. Every service call takes one; user accounts and roles will
 * replace the single local operator later without changing any signature.
 */
export const actorSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['local-operator', 'cli', 'system', 'user']),
  /** The signed-in user's role; the permission table decides what it may do. */
  role: z.enum(ROLES).optional(),
});
export type Actor = z.infer<typeof actorSchema>;

export const LOCAL_OPERATOR: Actor = { id: 'local-operator', kind: 'local-operator' };
export const SYSTEM_ACTOR: Actor = { id: 'system', kind: 'system' };

export function cliActor(userName: string): Actor {
  return { id: `cli:${userName || 'unknown'}`, kind: 'cli' };
}
