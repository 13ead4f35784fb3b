import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { parseMrz } from '../../../shared/mrz.js';
import { print, translator, withBackend, type GlobalOptions } from '../run.js';

/** The gazetteer shipped beside the repository, used by `demo` when only the provinces are known. */
const DEFAULT_GAZETTEER = path.resolve(import.meta.dirname, '../../../../shared/data/cambodia-admin-units.csv');

export function registerRegistrationCommands(program: Command): void {
  const mrz = program.command('mrz').description('machine-readable zone of a passport, identity card or visa (ICAO 9303 TD3, TD2, TD1, MRV-A, MRV-B)');
  mrz
    .command('parse')
    .description('parse the MRZ lines; every check digit verified, with suggested O/0, I/1, B/8 fixes')
    .argument('<line1>').argument('[line2]', 'second line (or give all lines in the first argument)', '').argument('[line3]', 'third line of a TD1 card', '')
    .option('--today <date>', 'date for the century rule (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action((line1: string, line2: string, line3: string, options: { json?: boolean; lang?: string; today?: string }) => {
      const result = parseMrz([line1, line2, line3], options.today);
      const t = translator(options);
      print(options, result, () =>
        [
          `format: ${result.format}`,
          `valid: ${result.valid}`,
          ...Object.entries(result.fields).map(([k, v]) => `${k}: ${v ?? '-'}`),
          ...result.checks.map((c) => `check ${c.field}: ${c.valid ? 'ok' : `FAIL (found ${c.found}, expected ${c.expected})`}`),
          ...result.problems.map((p) => t(`errors.${p.code}` as never, p.params as never) as unknown as string),
          ...result.suggestions.map((s) => `suggestion (${s.field}): line ${s.line} position ${s.position} ${s.from}→${s.to}: ${s.lines.join(' ')}`),
        ].join('\n'),
      );
      // The whole result is printed either way; the exit code tells scripts whether it passed.
      if (!result.valid) process.exitCode = 1;
    });

  program
    .command('search')
    .description('one-box search: names in any order, prefixes, passport numbers, premises names, Latin or Khmer')
    .argument('<query>')
    .requiredOption('--db <file>', 'database file')
    .option('--limit <n>', 'results', '20')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (query: string, options: GlobalOptions & { limit: string }) => {
      const result = await withBackend(options, (call) => call('persons.search', { query, limit: Number(options.limit) }));
      print(options, result, () => result.items.map((h) => `${h.entity}\t${h.title}${h.titleKm ? ` (${h.titleKm})` : ''}\t${h.detail}\t${h.id}`).join('\n'));
    });

  program
    .command('demo')
    .description('fill the database with a realistic synthetic register (premises, owners, foreigners with valid MRZ, stays, employment)')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--persons <n>', 'number of foreigners')
    .option('--seed <n>', 'random seed', '1')
    .option('--today <date>', 'reference date (YYYY-MM-DD)')
    .option('--gazetteer <file>', 'gazetteer CSV to import when only provinces are known', DEFAULT_GAZETTEER)
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions & { persons: string; seed: string; today?: string; gazetteer: string }) => {
      const result = await withBackend(options, async (call) => {
        const communes = await call('gazetteer.units', { level: 'commune' });
        if (communes.length === 0 && existsSync(options.gazetteer)) {
          await call('gazetteer.import', { fileName: path.basename(options.gazetteer), csv: readFileSync(options.gazetteer, 'utf8') });
        }
        return call('registration.demo', { persons: Number(options.persons), seed: Number(options.seed), ...(options.today ? { today: options.today } : {}) });
      });
      print(options, result, () => Object.entries(result).map(([k, v]) => `${k}: ${v}`).join('\n'));
    });

  program
    .command('stats')
    .description('counts of the register: persons, premises, stays, employment, duplicates, alerts')
    .requiredOption('--db <file>', 'database file')
    .option('--today <date>', 'reference date for alerts (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions & { today?: string }) => {
      const stats = await withBackend(options, (call) => call('registration.stats', options.today ? { today: options.today } : {}));
      const t = translator(options);
      print(options, stats, () =>
        [
          ...Object.entries(stats).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${k}: ${v}`),
          ...stats.byNationality.slice(0, 10).map((n) => `  ${n.nationality}: ${n.count}`),
          ...Object.entries(stats.alerts).map(([k, v]) => `${t(`registration.alertKind.${k}` as never) as unknown as string}: ${v}`),
        ].join('\n'),
      );
    });
}
