import type { Command } from 'commander';
import { officeNow } from '../../../shared/local-time.js';
import { AppError } from '../../../shared/errors.js';
import { createBackup, KEEP_BEFORE_RESTORE, readBackupHeader, restoreBackup, verifyBackup, type BackupSecrets, type BackupSummary } from '../../db/backup.js';
import { fileState } from '../../db/files.js';
import { emptyKeyStore, readKeyStore, writeKeyStore, type KeyStore } from '../../db/key-store.js';
import { keyStatus, makeRecoveryKey, wrapKeyWithPassphrase } from '../../db/key-wraps.js';
import { openDatabase, type Database } from '../../db/open.js';
import { officeZone } from '../../db/settings.js';
import { rotateKey } from '../../db/rotate.js';
import { ADMIN_LABEL, cliDatabaseKey } from '../db-key.js';
import { CliFailure, print, type GlobalOptions } from '../run.js';

/** Encryption at rest and backups: `banhchi backup create|verify|restore`, `banhchi key status|passphrase|recovery`. */
export function registerAtrestCommands(program: Command): void {
  const common = (command: Command) =>
    command.requiredOption('--db <file>', 'database file').option('--json', 'print JSON').option('--lang <lang>', 'en or km', 'en');

  const backup = program.command('backup').description('encrypted backups of the register (to a USB stick or folder)');
  common(backup.command('create').description('write an encrypted backup file into a folder, and verify it'))
    .requiredOption('--to <folder>', 'folder to write the backup into')
    .action((options: GlobalOptions & { to: string }) => {
      const summary = withDb(options.db, (db) => createBackup(db, options.to, new Date().toISOString(), officeNow(officeZone(db))));
      print(options, summary, () => describe(summary));
    });
  common(backup.command('verify').description('check a backup file completely (checksum, key, integrity) without changing anything'))
    .argument('<backup>', 'backup file')
    .action((file: string, options: GlobalOptions) => {
      const { summary } = verifyBackup(file, secrets(options.db));
      print(options, summary, () => `ok ${describe(summary)}`);
    });
  common(backup.command('restore').description(`replace the register (closed) by a verified backup; the previous one is kept as <db>.before-restore.N (the last ${KEEP_BEFORE_RESTORE} are kept)`))
    .argument('<backup>', 'backup file')
    .action((file: string, options: GlobalOptions) => {
      const key = restoreKey(options.db, file);
      const summary = restoreBackup(options.db, file, key, secrets(options.db));
      print(options, summary, () => `restored ${describe(summary)}; previous register kept as ${summary.previous}`);
    });

  const key = program.command('key').description('the database key: how the register can be opened');
  common(key.command('status').description('which ways to open the register exist (no secrets shown)')).action((options: GlobalOptions) => {
    const status = withDb(options.db, keyStatus);
    print(options, status, () =>
      [`passphrases: ${status.passphrases.join(', ') || '-'}`, `recovery key made: ${status.recovery ?? '-'}`, `OS key store: ${status.os ?? '-'}`].join('\n'),
    );
  });
  common(key.command('passphrase').description('protect the database key with a passphrase (BANHCHI_NEW_PASSWORD, at least 8 characters)'))
    .option('--label <name>', 'whose passphrase (user name)', ADMIN_LABEL)
    .action((options: GlobalOptions & { label: string }) => {
      const secret = process.env.BANHCHI_NEW_PASSWORD;
      if (!secret) throw new CliFailure('Set BANHCHI_NEW_PASSWORD to the new passphrase.');
      withDb(options.db, (db) => wrapKeyWithPassphrase(db, options.label, secret));
      print(options, { label: options.label }, () => `the database key is now also protected by the passphrase of ${options.label}`);
    });
  common(key.command('recovery').description('make a new recovery key (the previous one stops working) and print it once'))
    .action((options: GlobalOptions) => {
      const recoveryKey = withDb(options.db, (db) => makeRecoveryKey(db, new Date().toISOString()));
      print(options, { recoveryKey }, () => `Recovery key (write it on the recovery sheet, keep it sealed at the province):\n${recoveryKey}`);
    });
  rotateCommand(key);
}

function rotateCommand(key: Command): void {
  common(key.command('rotate').description('a new key for the register (closed), every wrap remade: the passphrase of BANHCHI_USER (BANHCHI_NEW_PASSWORD or BANHCHI_PASSWORD) and a new recovery key, printed once'))
    .action((options: GlobalOptions) => {
      const oldKey = cliDatabaseKey(options.db);
      if (!oldKey) throw new AppError('atrest.keyMissing', { file: options.db });
      const passphrase = process.env.BANHCHI_NEW_PASSWORD || process.env.BANHCHI_PASSWORD;
      if (!passphrase) throw new CliFailure('Set BANHCHI_PASSWORD (or BANHCHI_NEW_PASSWORD) to the passphrase that will protect the new key.');
      const label = (process.env.BANHCHI_USER || ADMIN_LABEL).toLowerCase();
      const { recoveryKey } = rotateKey(options.db, oldKey, { label, passphrase, now: new Date().toISOString() });
      print(options, { recoveryKey, label }, () =>
        [
          `The register has a new key, protected by the passphrase of ${label} and this new recovery key (the previous recovery sheet no longer works):`,
          recoveryKey,
          'Other passphrases and the app\'s OS key store no longer open it: the app asks for this recovery key or the passphrase at its next start.',
        ].join('\n'));
    });
}

function common(command: Command): Command {
  return command.requiredOption('--db <file>', 'database file').option('--json', 'print JSON').option('--lang <lang>', 'en or km', 'en');
}

function withDb<T>(file: string, work: (db: Database) => T): T {
  const db = openDatabase(file, { key: cliDatabaseKey(file) });
  try {
    return work(db);
  } finally {
    db.close();
  }
}

/**
 * The key the restored register will have: this installation's; on a PC without a register
 * or key store yet, the backup's own key, whose wraps (passphrase, recovery) become the key store.
 */
function restoreKey(dbFile: string, backup: string): Buffer {
  const key = cliDatabaseKey(dbFile);
  if (key) return key;
  if (fileState(dbFile) !== 'missing' || readKeyStore(dbFile)) throw new AppError('atrest.keyMissing', { file: dbFile });
  const { key: backupKey } = verifyBackup(backup, secrets(dbFile));
  const { header } = readBackupHeader(backup);
  writeKeyStore(dbFile, { ...emptyKeyStore(backupKey), wraps: header.wraps as KeyStore['wraps'] });
  return backupKey;
}

function secrets(dbFile: string): BackupSecrets {
  let key: Buffer | undefined;
  try {
    key = cliDatabaseKey(dbFile);
  } catch {
    key = undefined;
  }
  return {
    key,
    passphrase: process.env.BANHCHI_PASSWORD,
    passphraseLabel: process.env.BANHCHI_USER || undefined,
    recoveryKey: process.env.BANHCHI_RECOVERY_KEY,
  };
}

function describe(summary: BackupSummary): string {
  return `${summary.file} (${summary.office || 'register'}, ${summary.persons} persons, schema ${summary.schemaVersion}, made ${summary.created}, ${summary.bytes} bytes)`;
}
