import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import type { ImportResultView } from '../../../shared/contract/sync.js';
import { AppError } from '../../../shared/errors.js';
import { formatDate } from '../../../shared/khmer.js';
import { inspectBundle } from '../../sync/format/index.js';
import { keyCardPdf } from '../../sync/card-pdf.js';
import { ageIdentityFile, unlockKeys } from '../../sync/keystore.js';
import { openDatabase } from '../../db/open.js';
import { cliDatabaseKey } from '../db-key.js';
import { CliFailure, describeFailure, print, translator, withBackend, type GlobalOptions } from '../run.js';

/** The passphrase from BANHCHI_PASSPHRASE, or asked for on the terminal (not echoed). */
export async function passphrase(confirm = false): Promise<string> {
  const fromEnv = process.env.BANHCHI_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
      const out = rl as unknown as { _writeToOutput?: (s: string) => void };
      process.stderr.write(question);
      out._writeToOutput = () => {};
      rl.question('', (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Passphrase: ');
  if (confirm && (await ask('Passphrase again: ')) !== first) throw new CliFailure('The two passphrases differ; run the command again.');
  return first;
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('syncdb.cannotRead', { file, reason: (error as Error).message });
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function common(command: Command, withDb = true): Command {
  if (withDb) command.requiredOption('--db <file>', 'database file');
  return command.option('--json', 'print JSON').option('--lang <lang>', 'en or km', 'en');
}

function describeResult(result: ImportResultView, options: GlobalOptions, indent = ''): string[] {
  const t = translator(options);
  const failure = (e: NonNullable<ImportResultView['error']>) => describeFailure(new AppError(e.code, e.params, e.details), options);
  if (result.status === 'error' && result.error) {
    const text = `${result.file}: ${failure(result.error)}`;
    return [`${indent}${indent ? t('sync.releasedFailed', { message: text }) : text}`];
  }
  const s = result.summary;
  const line = `${indent}${result.file}: ${t(`sync.status.${result.status}`, { seq: result.seq, waitingFor: result.waitingFor ?? 0 })}`
    + (result.status === 'applied' || result.status === 'dry-run'
      ? ` — ${t('sync.counts', { inserted: s.inserted, updated: s.updated, deleted: s.deleted, skipped: s.skipped, conflicts: s.conflicts })}`
      : '');
  const perEntity = Object.entries(s.perEntity).map(([entity, c]) => `${indent}  ${entity}: +${c.inserted} ~${c.updated} -${c.deleted} =${c.skipped}`);
  const stood = result.stoodInFor
    ? [`${indent}  ${t('sync.stoodInFor', { ...result.stoodInFor, context: result.stoodInFor.from === result.stoodInFor.to ? 'single' : undefined })}`] : [];
  const clock = result.senderClockAhead
    ? [`${indent}  ${t('sync.senderClockAhead', { count: result.senderClockAhead.days, date: formatDate(result.senderClockAhead.createdAt.slice(0, 10), options.lang === 'km' ? 'km' : 'en') })}`]
    : [];
  const receipt = result.receipt ? [`${indent}  ${t('sync.receiptWritten', { file: result.receipt })}`] : [];
  const receiptFailed = result.receiptError ? [`${indent}  ${t('sync.receiptFailed', { message: failure(result.receiptError) })}`] : [];
  return [line, ...stood, ...clock, ...(result.status === 'dry-run' ? perEntity : []), ...receipt, ...receiptFailed,
    ...result.released.flatMap((r) => describeResult(r, options, `${indent}  `))];
}

/** Steps after a bundle was applied that failed (its receipt, a held bundle released after it): they never undo it. */
function laterFailures(result: ImportResultView): number {
  return (result.receiptError ? 1 : 0) + result.released.reduce((n, r) => n + (r.status === 'error' ? 1 : 0) + laterFailures(r), 0);
}

/**
 * Results on stdout, rejected files on stderr (each naming the file and what to do); exit 1 if any
 * was rejected or a step after applying failed — each said as it is (a rejected file was not applied;
 * an applied one stays applied).
 */
function report(results: ImportResultView[], options: GlobalOptions): void {
  const failed = results.filter((r) => r.status === 'error');
  const fine = results.filter((r) => r.status !== 'error');
  const later = fine.reduce((n, r) => n + laterFailures(r), 0);
  if (options.json) print(options, results, () => '');
  else if (fine.length > 0) print(options, fine, () => fine.flatMap((r) => describeResult(r, options)).join('\n'));
  if (failed.length === 0 && later === 0) return;
  if (!options.json && failed.length > 0) process.stderr.write(`${failed.flatMap((r) => describeResult(r, options)).join('\n')}\n`);
  const t = translator(options);
  const lines = [...(failed.length > 0 ? [t('sync.someFailed', { count: failed.length })] : []), ...(later > 0 ? [t('sync.someStepsFailed', { count: later })] : [])];
  throw new CliFailure(lines.join('\n'));
}

export function registerSyncCommands(program: Command): void {
  const keys = program.command('keys').description("this office's signing and encryption keys");
  common(keys.command('init').description('create the office keys, encrypted under a passphrase'))
    .option('--parent <officeId>', 'office id of the office above (not for the national office)')
    .action(async (options: GlobalOptions & { parent?: string }) => {
      const secret = await passphrase(true);
      const card = await withBackend(options, (call) => call('sync.keysCreate', { passphrase: secret, parentOfficeId: options.parent ?? null }));
      print(options, card, () => `signing ${card.signingKeyId}\nencryption ${card.ageKeyId}`);
    });
  common(keys.command('identity').description('write an age identity file, for reading bundles by hand with `age -d -i` (recovery)'))
    .requiredOption('--out <file>', 'identity file to create (never written over; keep it offline)')
    .action(async (options: GlobalOptions & { out: string }) => {
      const secret = await passphrase();
      const db = openDatabase(options.db, { key: cliDatabaseKey(options.db) });
      let text: string;
      try {
        text = ageIdentityFile(await unlockKeys(db, secret), new Date().toISOString());
      } finally {
        db.close();
      }
      try {
        writeFileSync(options.out, text, { mode: 0o600, flag: 'wx' });
      } catch (error) {
        if ((error as { code?: string }).code === 'EEXIST') throw new AppError('syncflow.identityExists', { file: options.out });
        throw new AppError('syncflow.cannotWrite', { file: options.out, reason: (error as Error).message });
      }
      print(options, { file: path.resolve(options.out) }, () => translator(options)('syncflow.identityWritten', { file: options.out }));
    });
  common(keys.command('card').description('print the public key card as PDF'))
    .requiredOption('--out <file>', 'PDF file')
    .action(async (options: GlobalOptions & { out: string }) => {
      const secret = await passphrase();
      const card = await withBackend(options, (call) => call('sync.keyCard', { passphrase: secret }));
      writeFileSync(options.out, await keyCardPdf(card));
      print(options, { file: options.out }, () => options.out);
    });
  common(keys.command('export-public').description('write the public key card (JSON) for the office above'))
    .requiredOption('--out <file>', 'card file')
    .action(async (options: GlobalOptions & { out: string }) => {
      const secret = await passphrase();
      const card = await withBackend(options, (call) => call('sync.keyCard', { passphrase: secret }));
      writeFileSync(options.out, `${JSON.stringify(card, null, 2)}\n`);
      print(options, card, () => `${options.out}\nsigning ${card.signingKeyId}\nencryption ${card.ageKeyId}`);
    });

  const directory = program.command('directory').description('the national key directory');
  common(directory.command('add').description('add a public key card (checked) to the next directory; a national card is pinned'))
    .argument('<card>', 'card file from keys export-public')
    .action(async (file: string, options: GlobalOptions) => {
      const card = await withBackend(options, (call) => call('sync.directoryAdd', { card: readText(file) }));
      print(options, card, () => `${card.name} (${card.level}) signing ${card.signingKeyId} encryption ${card.ageKeyId}`);
    });
  common(directory.command('revoke').description('revoke the keys of an office in the next directory'))
    .argument('<officeId>')
    .option('--after <seq>', 'bundles up to this sequence number stay valid')
    .action(async (officeId: string, options: GlobalOptions & { after?: string }) => {
      const result = await withBackend(options, (call) => call('sync.directoryRevoke', { officeId, afterSequence: options.after ? Number(options.after) : null }));
      print(options, result, () => String(result.revoked));
    });
  common(directory.command('sign').description('national office: sign the next directory version'))
    .action(async (options: GlobalOptions) => {
      const secret = await passphrase();
      const result = await withBackend(options, (call) => call('sync.directorySign', { passphrase: secret }));
      print(options, { version: result.version }, () => `version ${result.version}`);
    });
  common(directory.command('export').description('write the signed directory in effect'))
    .requiredOption('--out <file>', 'directory file')
    .action(async (options: GlobalOptions & { out: string }) => {
      const result = await withBackend(options, (call) => call('sync.directoryExport', {}));
      writeFileSync(options.out, result.signed);
      print(options, { version: result.version, file: options.out }, () => `version ${result.version} → ${options.out}`);
    });
  common(directory.command('import').description('install a signed directory (never an older one)'))
    .argument('<file>')
    .action(async (file: string, options: GlobalOptions) => {
      const result = await withBackend(options, (call) => call('sync.directoryImport', { fileName: path.basename(file), json: readText(file) }));
      print(options, result, () => `${result.status} version ${result.version}`);
    });

  const bundle = program.command('bundle').description('sync bundles');
  common(bundle.command('export').description('write one bundle of every change not yet acknowledged by the office above'))
    .requiredOption('--out <dir>', 'folder (e.g. the USB stick)')
    .option('--reference', 'national office: reference data and key directory for the offices below')
    .option('--to <officeIds...>', 'offices for a reference bundle (default: all)')
    .action(async (options: GlobalOptions & { out: string; reference?: boolean; to?: string[] }) => {
      const secret = await passphrase();
      const t = translator(options);
      const result = await withBackend(options, (call) =>
        call('sync.export', { passphrase: secret, dir: options.out, reference: options.reference ?? false, offices: options.to ?? [] }));
      print(options, result, () => (result.status === 'nothing' ? t('sync.nothingToSend') : result.files.join('\n')));
    });
  common(bundle.command('import').description('check and apply bundles (files or folders); writes receipts'))
    .argument('<files...>')
    .option('--dry-run', 'show what would change, change nothing')
    .option('--receipts <dir>', 'folder for receipts (default: next to each bundle)')
    .action(async (files: string[], options: GlobalOptions & { dryRun?: boolean; receipts?: string }) => {
      const secret = await passphrase();
      const first = path.resolve(files[0] ?? '.');
      const receiptDir = options.dryRun ? null : (options.receipts ?? (isDirectory(first) ? first : path.dirname(first)));
      const results = await withBackend(options, (call) =>
        call('sync.import', { passphrase: secret, paths: files.map((f) => path.resolve(f)), dryRun: options.dryRun ?? false, receiptDir }));
      report(results, options);
    });
  common(bundle.command('write-again').description('write a sent bundle again (a lost stick), from the copy kept until the office above acknowledges it'))
    .argument('<bundle>', 'its sequence number or file name (see the history)')
    .requiredOption('--out <dir>', 'folder (e.g. the USB stick)')
    .action(async (which: string, options: GlobalOptions & { out: string }) => {
      const t = translator(options);
      const result = await withBackend(options, async (call) => {
        let fileName = which;
        if (/^\d+$/.test(which)) {
          const sent = (await call('sync.history', {})).sent.find((s) => s.kind === 'changes' && s.seq === Number(which));
          fileName = sent?.fileName ?? which;
        }
        return call('sync.writeAgain', { fileName, dir: path.resolve(options.out) });
      });
      print(options, result, () => `${t('sync.writtenAgain', { seq: result.seq })}\n${result.file}`);
    });
  common(bundle.command('inspect').description('show the outer part of a bundle (no keys needed, signature not checked)'), false)
    .argument('<file>')
    .action(async (file: string, options: GlobalOptions) => {
      const info = await inspectBundle({ path: file });
      print(options, info, () => Object.entries({ ...info.header, bundleHash: info.bundleHash, size: info.size })
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join('\n'));
    });

  const receipt = program.command('receipt').description('receipts from the office above');
  common(receipt.command('import').description('mark the changes a receipt names as acknowledged'))
    .argument('<files...>', 'receipt files or a folder')
    .action(async (files: string[], options: GlobalOptions) => {
      const secret = await passphrase();
      const results = await withBackend(options, (call) => call('sync.import', { passphrase: secret, paths: files.map((f) => path.resolve(f)), receiptDir: null }));
      report(results, options);
    });
}
