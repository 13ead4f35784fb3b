import path from 'node:path';
import type { Command } from 'commander';
import { importField, type ColumnMapping, type ImportTarget } from '../../../shared/contract/spreadsheet.js';
import { CliFailure, print, withBackend, type GlobalOptions } from '../run.js';

interface ImportOptions extends GlobalOptions {
  sheet?: string;
  premises?: string;
  employer?: string;
  map?: string[];
  dryRun?: boolean;
}

/** `--map passportNo="Passport No."` or `--map passportNo=5` (0-based column) overrides a suggestion. */
function applyOverrides(mapping: ColumnMapping, headers: string[], overrides: string[]): ColumnMapping {
  const out = { ...mapping };
  for (const item of overrides) {
    const [name = '', column = ''] = item.split(/=(.*)/s);
    const field = importField.safeParse(name.trim());
    if (!field.success) throw new CliFailure(`unknown field "${name}"; fields: ${importField.options.join(', ')}`);
    const index = /^\d+$/.test(column) ? Number(column) : headers.indexOf(column);
    if (index < 0) throw new CliFailure(`no column "${column}"; columns: ${headers.join(', ')}`);
    out[field.data] = index;
  }
  return out;
}

export function registerImportCommands(program: Command): void {
  const command = program.command('import').description('import records from spreadsheets');
  command
    .command('persons')
    .description('import foreigners (and their stays or employment) from CSV or XLSX; nothing is stored unless every row is valid')
    .argument('<sheet>', 'CSV or XLSX file')
    .requiredOption('--db <file>', 'database file')
    .option('--sheet <name>', 'worksheet of an XLSX workbook (default: the first)')
    .option('--premises <id>', 'record each row as a stay at this premises')
    .option('--employer <id>', 'record each row as employment by this employer')
    .option('--map <field=column...>', 'map a field to a column (header name or 0-based index)')
    .option('--dry-run', 'check every row, store nothing')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (file: string, options: ImportOptions) => {
      const target: ImportTarget = options.premises
        ? { kind: 'stays', premisesId: options.premises }
        : options.employer
          ? { kind: 'employment', employerId: options.employer }
          : { kind: 'persons' };
      const source = { path: path.resolve(file) };
      const result = await withBackend(options, async (call) => {
        const info = await call('spreadsheet.inspect', { source, sheet: options.sheet ?? null });
        const mapping = applyOverrides(info.suggested, info.headers, options.map ?? []);
        return call('spreadsheet.import', { source, sheet: info.sheet, target, mapping, dryRun: options.dryRun === true });
      });
      print(options, result, () =>
        result.status === 'valid'
          ? `${result.rows} rows valid (dry run, nothing stored)`
          : `${result.rows} rows imported: ${result.personsCreated} new persons, ${result.personsExisting} already registered, ${result.stays} stays, ${result.employments} employments`,
      );
    });
}
