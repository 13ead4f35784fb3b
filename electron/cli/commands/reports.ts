import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { OpRequest } from '../../../shared/contract/index.js';
import { reportCsv, reportXlsx } from '../../services/reports/files.js';
import { reportPdf } from '../../services/reports/pdf.js';
import { openDatabase } from '../../db/open.js';
import { getOffice } from '../../db/office.js';
import { CliFailure, print, translator, withBackend, type GlobalOptions } from '../run.js';

interface ReportOptions extends GlobalOptions {
  from?: string; to?: string; unit?: string; nationality?: string; today?: string; format: string; out?: string;
}

/** `banhchi report list` and `banhchi report <name> --from --to --unit --nationality --format json|csv|xlsx`. */
export function registerReportCommands(program: Command): void {
  program
    .command('report')
    .description('reports of the register: `report list`, or one report as JSON, CSV or XLSX')
    .argument('<name>', 'a report name from `report list`, or `list`')
    .requiredOption('--db <file>', 'database file')
    .option('--from <date>', 'first day of the period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of the period (YYYY-MM-DD)')
    .option('--unit <code>', 'province, district or commune code')
    .option('--nationality <code>', 'ICAO nationality code')
    .option('--today <date>', 'reference date (YYYY-MM-DD)')
    .option('--format <format>', 'json, csv, xlsx or pdf', 'json')
    .option('--out <file>', 'write to this file (required for xlsx and pdf)')
    .option('--json', 'print JSON (same as --format json)')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (name: string, options: ReportOptions) => {
      const t = translator(options);
      const language = options.lang === 'km' ? 'km' : 'en';
      if (name === 'list') {
        const list = await withBackend(options, (call) => call('reports.list', {}));
        print(options, list, () => list.map((r) => `${r.name}\t${t(`reports.name.${r.name}` as never) as unknown as string}\t(${r.params.join(', ') || '-'})`).join('\n'));
        return;
      }
      const format = options.json ? 'json' : options.format;
      if (!['json', 'csv', 'xlsx', 'pdf'].includes(format)) throw new CliFailure(`--format: json, csv, xlsx or pdf (got ${format})`);
      if ((format === 'xlsx' || format === 'pdf') && !options.out) throw new CliFailure(`--format ${format} needs --out <file.${format}>`);
      const request: OpRequest<'reports.run'> = { name };
      for (const key of ['from', 'to', 'unit', 'nationality', 'today'] as const) if (options[key] !== undefined) request[key] = options[key];
      const result = await withBackend(options, (call) => call('reports.run', request));
      const pdf = async () => {
        const db = openDatabase(options.db);
        try {
          return await reportPdf(db, getOffice(db), result, language);
        } finally {
          db.close();
        }
      };
      const output = format === 'pdf' ? await pdf() : format === 'xlsx' ? await reportXlsx(result, language) : format === 'csv' ? reportCsv(result, language) : `${JSON.stringify(result, null, 2)}\n`;
      if (options.out) writeFileSync(options.out, output);
      else process.stdout.write(output);
    });
}
