import { z } from 'zod';
import { empty } from './common.js';
import { operation } from './define.js';
import { printLang, printResultSchema } from './print.js';

/**
 * The register's key and its backups (issue 11 items 4–5): which ways open the key, the recovery
 * sheet, encrypted backups and the reminder to make them. Administrator only (shared/permissions.ts).
 */

export const keyStatusSchema = z.object({
  /** Labels (user names) of the passphrase wraps. */
  passphrases: z.array(z.string()),
  /** When the current recovery key was made, or null when none exists. */
  recovery: z.string().nullable(),
  /** The OS key store's backend (safeStorage), or null when the key is not kept there. */
  os: z.string().nullable(),
});
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const backupEntrySchema = z.object({
  /** When it was made (UTC instant) and in the office's local time. */
  created: z.string(),
  createdLocal: z.string(),
  name: z.string(),
  /** The folder it was written to; null for a browser download. */
  place: z.string().nullable(),
  persons: z.number().int(),
  bytes: z.number().int(),
  byNameEn: z.string(),
  byNameKm: z.string(),
});
export type BackupEntry = z.infer<typeof backupEntrySchema>;

export const backupStatusSchema = z.object({
  backups: z.array(backupEntrySchema),
  /** Remind after this many days without a backup; null: no reminder. */
  reminderDays: z.number().int().nullable(),
  /** Days since the last backup (null: never backed up). */
  daysSince: z.number().int().nullable(),
  /** The reminder is due: no backup within `reminderDays`. */
  due: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const REMINDER_SETTING = 'backup.reminderDays';
export const DEFAULT_REMINDER_DAYS = 7;

const summary = z.object({ name: z.string(), created: z.string(), persons: z.number().int(), bytes: z.number().int(), schemaVersion: z.number().int(), office: z.string() });

export const keysOps = {
  /**
   * Whether the register waits to be opened: the OS key store could not give its key (a new
   * Windows profile, a moved disk). Answered by the transport while locked; the backend says false.
   */
  'keys.unlockState': operation({ request: empty, response: z.object({ locked: z.boolean() }) }),
  /** Opens a locked register with the recovery key or an administrator's passphrase (transport only). */
  'keys.unlock': operation({
    request: z.object({
      method: z.enum(['recovery', 'passphrase']),
      secret: z.string().min(1).max(200),
      username: z.string().trim().toLowerCase().max(64).optional(),
    }),
    response: z.object({ unlocked: z.boolean() }),
  }),
  'keys.status': operation({ request: empty, response: keyStatusSchema }),
  /** Makes a new recovery key (the previous one stops working) and prints it on the recovery sheet. */
  'keys.recoverySheet': operation({
    request: z.object({ lang: printLang.default('km+en'), out: z.string().min(1).max(1000).optional() }),
    page: z.object({ lang: printLang.optional() }).strict(),
    response: printResultSchema,
  }),
  /**
   * A new key for the register, every wrap remade at once (this administrator's passphrase, a new
   * recovery key, the OS key store in the app): returns the new recovery sheet. The other fields
   * are the app's main process's (a key it made and sealed with safeStorage), never the page's.
   */
  'keys.rotate': operation({
    request: z.object({
      password: z.string().min(1).max(200),
      lang: printLang.default('km+en'),
      newKeyHex: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      osBackend: z.string().max(100).optional(),
      osDataBase64: z.string().max(10_000).optional(),
    }),
    page: z.object({ password: z.string().min(1).max(200), lang: printLang.optional() }).strict(),
    response: printResultSchema,
  }),
  'backup.status': operation({ request: empty, response: backupStatusSchema }),
  /**
   * An encrypted, verified backup. With `to` (CLI, main process) it is written into that folder;
   * from the page it comes back as bytes, saved through the native dialog or a download.
   */
  'backup.create': operation({
    request: z.object({ to: z.string().min(1).max(1000).optional() }),
    page: empty,
    response: summary.extend({ place: z.string().nullable(), base64: z.string().nullable() }),
  }),
  /**
   * Replaces the register by a backup: verified first, the previous register kept beside it until
   * the restored one opens. A backup of another key needs the passphrase or the recovery key.
   */
  'backup.restore': operation({
    request: z.object({
      file: z.string().min(1).max(1000).optional(),
      base64: z.string().max(400_000_000).optional(),
      name: z.string().max(500).optional(),
      passphrase: z.string().max(200).optional(),
      username: z.string().max(64).optional(),
      recoveryKey: z.string().max(200).optional(),
    }),
    page: z.object({
      base64: z.string().max(400_000_000),
      name: z.string().max(500),
      passphrase: z.string().max(200).optional(),
      username: z.string().max(64).optional(),
      recoveryKey: z.string().max(200).optional(),
    }).strict(),
    response: summary,
  }),
  'backup.setReminder': operation({
    request: z.object({ days: z.number().int().min(1).max(365).nullable() }),
    response: z.object({ days: z.number().int().nullable() }),
  }),
};
export type KeysOp = keyof typeof keysOps;
