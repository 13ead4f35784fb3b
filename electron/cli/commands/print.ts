import type { Command } from 'commander';
import type { PrintResult } from '../../../shared/contract/print.js';
import { CliFailure, print, withBackend, type GlobalOptions } from '../run.js';

type Lang = 'km+en' | 'km' | 'en';
interface PrintOptions extends GlobalOptions {
  out: string;
  docLang?: string;
}

const LANGS = ['km+en', 'km', 'en'];

/** `--lang` is the document's language mode here (km+en, km, en); messages follow it (km for km modes). */
function docLang(options: PrintOptions): Lang {
  const lang = options.lang ?? 'km+en';
  if (!LANGS.includes(lang)) throw new CliFailure(`--lang must be one of ${LANGS.join(', ')}`);
  return lang as Lang;
}

function messageOptions(options: PrintOptions): GlobalOptions {
  return { ...options, lang: options.lang === 'en' ? 'en' : 'km' };
}

function report(options: PrintOptions, result: PrintResult): void {
  print(options, result, () => `${result.path}: ${result.pages} page(s), ${result.bytes} bytes${result.docNo ? `, no. ${result.docNo}` : ''}`);
}

function common(command: Command): Command {
  return command
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--out <file>', 'PDF file to write')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'km+en (Khmer with English beneath), km or en', 'km+en');
}

export function registerPrintCommands(program: Command): void {
  const printCmd = program.command('print').description('print pledges, declaration cards and receipts as PDF');

  common(printCmd.command('pledge').description('the pledge of a premises owner or manager'))
    .requiredOption('--premises <id>', 'premises id')
    .option('--date <date>', 'date on the pledge (YYYY-MM-DD), default today')
    .action(async (options: PrintOptions & { premises: string; date?: string }) => {
      const lang = docLang(options);
      const result = await withBackend(messageOptions(options), (call) =>
        call('print.pledge', { premisesId: options.premises, lang, out: options.out, ...(options.date ? { date: options.date } : {}) }),
      );
      report(options, result);
    });

  common(printCmd.command('declaration-card').description("declaration card on foreign workers' work status"))
    .option('--employer <id>', 'employer id: filled from its registered workers')
    .option('--blank', 'the blank card to hand out')
    .action(async (options: PrintOptions & { employer?: string; blank?: boolean }) => {
      const lang = docLang(options);
      if (!options.employer === !options.blank) throw new CliFailure('give either --employer ID or --blank');
      const result = await withBackend(messageOptions(options), (call) =>
        call('print.declarationCard', { lang, out: options.out, blank: options.blank ?? false, ...(options.employer ? { employerId: options.employer } : {}) }),
      );
      report(options, result);
    });

  common(printCmd.command('receipt').description('registration receipt of a stay, with its QR code'))
    .requiredOption('--stay <id>', 'stay id')
    .action(async (options: PrintOptions & { stay: string }) => {
      const lang = docLang(options);
      const result = await withBackend(messageOptions(options), (call) => call('print.receipt', { stayId: options.stay, lang, out: options.out }));
      report(options, result);
    });

  common(printCmd.command('pledges').description('every pledge of a commune in one PDF'))
    .requiredOption('--commune <code>', 'commune code (6 digits)')
    .action(async (options: PrintOptions & { commune: string }) => {
      const lang = docLang(options);
      const result = await withBackend(messageOptions(options), (call) =>
        call('print.batch', { kind: 'pledges', communeCode: options.commune, lang, out: options.out }),
      );
      report(options, result);
    });

  program
    .command('pledge-signed')
    .description('record that the pledge of a premises was signed')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--premises <id>', 'premises id')
    .requiredOption('--on <date>', 'date signed (YYYY-MM-DD)')
    .requiredOption('--witness <name>', 'who witnessed the signature')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions & { premises: string; on: string; witness: string }) => {
      const result = await withBackend(options, (call) =>
        call('pledge.recordSigned', { premisesId: options.premises, signedOn: options.on, witness: options.witness }),
      );
      print(options, result, () => `${result.premisesId}: pledge ${result.docNo} signed on ${result.signedOn}`);
    });
}
