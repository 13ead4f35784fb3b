import type { Command } from 'commander';
import type { Complaint } from '../../../shared/contract/cases.js';
import { print, translator, withBackend, type GlobalOptions } from '../run.js';

interface PeriodOptions extends GlobalOptions { from?: string; to?: string; unit?: string }

/** `banhchi case …`: complaints, operations and the counts the seeds quote, over the same services as the app. */
export function registerCasesCommands(program: Command): void {
  const cases = program.command('case').description('complaints, operations (raids and rescues), victims, suspects and closures');

  cases
    .command('list')
    .description('complaints, newest first (a named reporter only for roles that may read it)')
    .requiredOption('--db <file>', 'database file')
    .option('--from <date>', 'received on or after (YYYY-MM-DD)')
    .option('--to <date>', 'received on or before (YYYY-MM-DD)')
    .option('--unit <code>', 'province, district or commune code')
    .option('--status <status>', 'received, assigned or closed')
    .option('--category <category>', 'human_trafficking, labour_exploitation, sex_trade, illegal_gambling, online_scams, drugs, money_laundering, other')
    .option('--limit <n>', 'at most this many', '500')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: PeriodOptions & { status?: string; category?: string; limit: string }) => {
      const page = await withBackend(options, (call) => call('complaints.list', {
        ...period(options), status: options.status as Complaint['status'] | undefined, category: options.category as Complaint['category'] | undefined,
        limit: Number(options.limit),
      }));
      const t = translator(options);
      print(options, page, () => page.items.map((c) => [
        c.receivedAt.slice(0, 16).replace('T', ' '), t(`cases.channel.${c.channel}`), t(`cases.category.${c.category}`), t(`cases.urgency.${c.urgency}`),
        t(`cases.status.${c.status}`), c.premisesName ?? c.personName ?? c.about, c.id,
      ].join('\t')).join('\n'));
    });

  cases
    .command('operations')
    .description('operations (raids and rescues), newest first, with what they found')
    .requiredOption('--db <file>', 'database file')
    .option('--from <date>', 'held on or after (YYYY-MM-DD)')
    .option('--to <date>', 'held on or before (YYYY-MM-DD)')
    .option('--unit <code>', 'province, district or commune code')
    .option('--limit <n>', 'at most this many', '500')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: PeriodOptions & { limit: string }) => {
      const page = await withBackend(options, (call) => call('operations.list', { ...period(options), limit: Number(options.limit) }));
      const t = translator(options);
      print(options, page, () => page.items.map((o) => [
        o.heldOn, t(`cases.operationKind.${o.kind}`), o.leadUnit, o.premisesName ?? o.target,
        t('cases.cli.outcome', { found: o.personsFound, declared: o.declaredVictims, identified: o.identifiedVictims, charged: o.suspectsCharged }), o.id,
      ].join('\t')).join('\n'));
    });

  cases
    .command('stats')
    .description('complaints per month, declared vs identified victims by sex, suspects charged by nationality, sites closed')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--unit <code>', 'province, district or commune code')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: PeriodOptions & { from: string; to: string }) => {
      const stats = await withBackend(options, (call) => call('cases.stats', { from: options.from, to: options.to, ...(options.unit ? { unitCode: options.unit } : {}) }));
      const t = translator(options);
      print(options, stats, () => [
        t('cases.cli.period', { from: stats.from, to: stats.to }),
        t('cases.stats.complaints', { count: stats.complaints }),
        ...stats.complaintsByMonth.map((m) => `  ${m.month}\t${m.count}`),
        t('cases.stats.operations', { count: stats.operations }),
        t('cases.stats.personsFound', { count: stats.personsFound }),
        t('cases.cli.victims', { kind: t('cases.stats.declared'), ...stats.declaredVictims }),
        t('cases.cli.victims', { kind: t('cases.stats.identified'), ...stats.identifiedVictims }),
        t('cases.stats.suspectsCharged', { count: stats.suspectsCharged }),
        ...stats.suspectsChargedByNationality.map((s) => `  ${s.nationality}\t${s.count}`),
        t('cases.stats.sitesClosedPermanently', { count: stats.sitesClosedPermanently }),
        t('cases.stats.sitesClosedTemporarily', { count: stats.sitesClosedTemporarily }),
      ].join('\n'));
    });
}

function period(options: PeriodOptions) {
  return { ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}), ...(options.unit ? { unitCode: options.unit } : {}) };
}
