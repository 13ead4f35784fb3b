import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { AuditFilterDto } from '../../../shared/contract/audit.js';
import { CliFailure, print, translator, withBackend, type GlobalOptions } from '../run.js';

interface FilterOptions extends GlobalOptions {
  user?: string;
  from?: string;
  to?: string;
  operation?: string;
  office?: string;
  kind?: string;
}

function filterOf(options: FilterOptions): AuditFilterDto {
  const filter: AuditFilterDto = {};
  if (options.user) filter.user = options.user;
  if (options.from) filter.from = options.from;
  if (options.to) filter.to = options.to;
  if (options.operation) filter.operation = options.operation;
  if (options.office) filter.office = options.office;
  if (options.kind) filter.kind = options.kind as AuditFilterDto['kind'];
  return filter;
}

function filterOptions(command: Command): Command {
  return command
    .requiredOption('--db <file>', 'database file')
    .option('--user <user>', 'a user name or account id (or cli:name, local-operator)')
    .option('--from <date>', 'on or after this office day (YYYY-MM-DD)')
    .option('--to <date>', 'on or before this office day (YYYY-MM-DD)')
    .option('--operation <op>', 'a read (persons.get, print.receipt, complaints.get, …) or a write (insert, update, delete)')
    .option('--office <id>', "an office's id")
    .option('--kind <kind>', 'read or write')
    .option('--lang <lang>', 'en or km', 'en');
}

/** `banhchi audit …`: the administrator's audit of reads and writes, and the check of each office's chain. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('who read and changed which records, and the check of the audit chain (administrator only)');

  audit
    .command('verify')
    .description("checks each office's audit chain held here; exit code 1 when one is broken")
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions) => {
      const reports = await withBackend(options, (call) => call('audit.verify', {}));
      const t = translator(options);
      print(options, reports, () => (reports.length === 0 ? t('audit.cli.empty') : reports.map((r) => {
        const name = (options.lang === 'km' && r.officeNameKm) || r.officeName;
        const office = name ? `${name} (${r.office})` : r.office;
        if (!r.broken) return [t('audit.cli.ok', { office, count: r.entries }), r.restored ? t('audit.cli.restored', r.restored) : ''].filter(Boolean).join(' ');
        return t('audit.cli.broken', { office, seq: r.broken.seq, id: r.broken.id ?? '-', reason: t(`audit.reason.${r.broken.reason}`) });
      }).join('\n')));
      if (reports.some((r) => r.broken)) process.exitCode = 1;
    });

  filterOptions(audit.command('list').description('reads and writes, newest first'))
    .option('--limit <n>', 'at most this many', '100')
    .option('--offset <n>', 'skip this many', '0')
    .option('--json', 'print JSON')
    .action(async (options: FilterOptions & { limit: string; offset: string }) => {
      const page = await withBackend(options, (call) => call('audit.list', { ...filterOf(options), limit: Number(options.limit), offset: Number(options.offset) }));
      print(options, page, () => page.entries.map((e) => [
        e.at, e.kind, e.actorName?.en ?? e.actor, e.operation, e.entity, e.recordId,
      ].join('\t')).join('\n'));
    });

  filterOptions(audit.command('export').description('the filtered audit as a CSV file'))
    .requiredOption('--out <file>', 'CSV file to write')
    .action(async (options: FilterOptions & { out: string }) => {
      const result = await withBackend(options, (call) => call('audit.export', filterOf(options)));
      try {
        writeFileSync(options.out, Buffer.from(result.file.base64, 'base64'));
      } catch (error) {
        throw new CliFailure(translator(options)('audit.cli.cannotWrite', { file: options.out, reason: (error as Error).message }));
      }
      process.stdout.write(`${translator(options)('audit.cli.exported', { count: result.rows, file: options.out })}\n`);
    });
}
