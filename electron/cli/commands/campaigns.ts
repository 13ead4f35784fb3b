import type { Command } from 'commander';
import { CliFailure, print, withBackend, type GlobalOptions } from '../run.js';

/**
 * `banhchi campaign list|show|targets` and `banhchi inspection list`: what the Campaigns screens show,
 * as text or JSON. `banhchi print inspection-report` sits with the other documents under `print`.
 */

const STATES = ['not_yet', 'on_time', 'late', 'missing', 'exempt'];

function common(command: Command): Command {
  return command
    .requiredOption('--db <file>', 'database file')
    .option('--today <date>', 'reference date (YYYY-MM-DD), default the office date')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en');
}

type Options = GlobalOptions & { today?: string };

/** Every page of a keyset-paged list. */
async function allPages<T>(fetch: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await fetch(cursor);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}
const today = (options: Options) => (options.today ? { today: options.today } : {});

export function registerCampaignCommands(program: Command): void {
  const campaign = program.command('campaign').description('declaration campaigns: targets, states and counts by commune');

  common(campaign.command('list').description('every campaign with its counts'))
    .option('--status <status>', 'open or closed')
    .action(async (options: Options & { status?: 'open' | 'closed' }) => {
      const items = await withBackend(options, (call) => allPages((cursor) => call('campaigns.list', { ...today(options), limit: 500, cursor, ...(options.status ? { status: options.status } : {}) })));
      print(options, items, () => items.map((c) =>
        `${c.id}\t${c.kind}\t${c.title}\t${c.startDate}..${c.deadline}\t${c.status}\ttargets ${c.counts.targets}: on time ${c.counts.on_time}, late ${c.counts.late}, missing ${c.counts.missing}, not yet ${c.counts.not_yet}, exempt ${c.counts.exempt}`,
      ).join('\n') || '-');
    });

  common(campaign.command('show').description('one campaign with its counts and timeliness by commune').argument('<id>'))
    .action(async (id: string, options: Options) => {
      const result = await withBackend(options, (call) => call('campaigns.get', { id, ...today(options) }));
      const c = result.campaign;
      print(options, result, () => [
        `${c.title} (${c.kind}, ${c.status})`,
        `scope: ${c.scopeUnits.join(' ')}  ${c.startDate}..${c.deadline}  days left: ${c.daysLeft}`,
        c.legalReference ? `legal: ${c.legalReference}` : '',
        `targets ${c.counts.targets}: on time ${c.counts.on_time}, late ${c.counts.late}, missing ${c.counts.missing}, not yet ${c.counts.not_yet}, exempt ${c.counts.exempt}`,
        ...result.byCommune.map((u) => `  ${u.communeCode} ${u.placeLatin}: ${u.targets} targets, on time ${u.on_time}, late ${u.late}, missing ${u.missing}, not yet ${u.not_yet}, exempt ${u.exempt}${u.timeliness === null ? '' : `, timeliness ${Math.round(u.timeliness * 100)}%`}`),
      ].filter(Boolean).join('\n'));
    });

  common(campaign.command('targets').description('the targets of a campaign and their state').argument('<id>'))
    .option('--state <state>', STATES.join(', '))
    .option('--unit <code>', 'commune, district or province code')
    .action(async (id: string, options: Options & { state?: string; unit?: string }) => {
      if (options.state && !STATES.includes(options.state)) throw new CliFailure(`--state must be one of ${STATES.join(', ')}`);
      const items = await withBackend(options, (call) => allPages((cursor) => call('campaigns.targets', {
            id, ...today(options), limit: 500, cursor,
            ...(options.state ? { state: options.state as 'late' } : {}), ...(options.unit ? { communeCode: options.unit } : {}),
          })));
      print(options, items, () => items.map((x) => `${x.id}\t${x.nameLatin}\t${x.communeCode}\t${x.state}${x.receivedOn ? `\t${x.receivedOn}` : ''}${x.overQuota ? '\tover quota' : ''}`).join('\n') || '-');
    });

  const inspection = program.command('inspection').description('inspections of sites, persons found, 20-day proof deadlines');
  common(inspection.command('list').description('inspections, planned and done'))
    .option('--campaign <id>', 'only this campaign')
    .option('--status <status>', 'planned or done')
    .action(async (options: Options & { campaign?: string; status?: 'planned' | 'done' }) => {
      const items = await withBackend(options, (call) => allPages((cursor) => call('inspections.list', { limit: 500, cursor, ...(options.campaign ? { campaignId: options.campaign } : {}), ...(options.status ? { status: options.status } : {}) })));
      print(options, items, () => items.map((i) => `${i.id}\t${i.siteName}\t${i.reason}\t${i.plannedOn}\t${i.status}${i.inspectedOn ? ` ${i.inspectedOn}` : ''}\tpersons ${i.personsFound}\tproof pending ${i.proofPending}`).join('\n') || '-');
    });

  const printCmd = program.commands.find((c) => c.name() === 'print');
  if (!printCmd) throw new Error('register the print commands first');
  printCmd.command('campaign-notice').description('the notice for owners and employers of a campaign: what to do, the deadline, the legal reference')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--out <file>', 'PDF file to write')
    .requiredOption('--campaign <id>', 'campaign id')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'km+en (Khmer with English beneath), km or en', 'km+en')
    .action(async (options: GlobalOptions & { out: string; campaign: string }) => {
      const lang = options.lang ?? 'km+en';
      if (!['km+en', 'km', 'en'].includes(lang)) throw new CliFailure('--lang must be one of km+en, km, en');
      const result = await withBackend({ ...options, lang: lang === 'en' ? 'en' : 'km' }, (call) =>
        call('print.campaignNotice', { campaignId: options.campaign, lang: lang as 'km', out: options.out }));
      print(options, result, () => `${result.path}: ${result.pages} page(s), ${result.bytes} bytes`);
    });
  printCmd.command('inspection-report').description('the inspection report of an inspection that was recorded')
    .requiredOption('--db <file>', 'database file')
    .requiredOption('--out <file>', 'PDF file to write')
    .requiredOption('--inspection <id>', 'inspection id')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'km+en (Khmer with English beneath), km or en', 'km+en')
    .action(async (options: GlobalOptions & { out: string; inspection: string }) => {
      const lang = options.lang ?? 'km+en';
      if (!['km+en', 'km', 'en'].includes(lang)) throw new CliFailure('--lang must be one of km+en, km, en');
      const result = await withBackend({ ...options, lang: lang === 'en' ? 'en' : 'km' }, (call) =>
        call('print.inspectionReport', { inspectionId: options.inspection, lang: lang as 'km', out: options.out }));
      print(options, result, () => `${result.path}: ${result.pages} page(s), ${result.bytes} bytes, no. ${result.docNo}`);
    });
}
