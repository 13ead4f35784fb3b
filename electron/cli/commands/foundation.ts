import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../../shared/errors.js';
import { print, translator, withBackend, type GlobalOptions } from '../run.js';
import { createAdminAtInit } from './accounts.js';

export function registerFoundationCommands(program: Command): void {
  program
    .command('init')
    .description('create the database (if needed) and set up this office')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--level <level>', 'commune, province or national')
    .requiredOption('--unit <code>', 'gazetteer code of the office unit (commune 6 digits, province 2; any for national)')
    .requiredOption('--name <name>', 'name of the office in English (printed on English documents)')
    .option('--name-km <name>', 'name of the office in Khmer (printed on Khmer documents)', '')
    .option('--admin-name <name>', "the administrator's name in English (account from BANHCHI_USER/BANHCHI_PASSWORD, or asked)")
    .option('--admin-name-km <name>', "the administrator's name in Khmer")
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions & { level: string; unit: string; name: string; nameKm: string; adminName?: string; adminNameKm?: string }) => {
      const { office, admin } = await withBackend(options, async (call) => {
        const made = await call('office.setup', { level: options.level as 'commune', unitCode: options.unit, name: options.name, nameKm: options.nameKm });
        return { office: made, admin: await createAdminAtInit(call, options) };
      });
      const t = translator(options);
      print(options, { ...office, administrator: admin?.username ?? null }, () =>
        [`${office.name} (${office.level} ${office.unitCode}) ${office.id}`, admin ? t('accounts.cli.adminCreated', admin) : t('accounts.cli.noAdmin')].join('\n'));
    });

  const gazetteer = program.command('gazetteer').description('administrative units (provinces, districts, communes)');
  gazetteer
    .command('import')
    .description('import the gazetteer CSV; nothing is stored unless every line is valid')
    .argument('<csv>', 'CSV file in the format of cambodia-admin-units.csv')
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (csvFile: string, options: GlobalOptions) => {
      let csv: string;
      try {
        csv = readFileSync(csvFile, 'utf8');
      } catch (error) {
        throw new AppError('db.cannotOpen', { file: csvFile, reason: (error as Error).message });
      }
      const result = await withBackend(options, (call) => call('gazetteer.import', { fileName: path.basename(csvFile), csv }));
      const t = translator(options);
      print(options, result, () => (result.status === 'unchanged' ? t('gazetteer.unchanged', result) : t('gazetteer.imported', result)));
    });

  program
    .command('info')
    .description('office, schema version, record counts and reference-data versions')
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions) => {
      const info = await withBackend(options, (call) => call('info.get', {}));
      print(options, info, () =>
        [
          `office: ${info.office ? `${info.office.name} (${info.office.level} ${info.office.unitCode})` : '-'}`,
          `schema: ${info.schemaVersion}`,
          ...Object.entries(info.counts).map(([table, n]) => `${table}: ${n}`),
          ...info.referenceVersions.map((v) => `${v.list}: ${v.version} (${v.rowCount})`),
        ].join('\n'),
      );
    });
}
