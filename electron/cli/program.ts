import { Command, CommanderError } from 'commander';
import { APP_VERSION } from '../../shared/version.js';
import { registerFoundationCommands } from './commands/foundation.js';
import { registerRegistrationCommands } from './commands/registration.js';
import { registerPrintCommands } from './commands/print.js';
import { registerImportCommands } from './commands/import.js';
import { registerSyncCommands } from './commands/sync.js';
import { registerCasesCommands } from './commands/cases.js';
import { registerCampaignCommands } from './commands/campaigns.js';
import { registerReportCommands } from './commands/reports.js';
import { registerAtrestCommands } from './commands/atrest.js';
import { registerAccountsCommands } from './commands/accounts.js';
import { registerAuditCommands } from './commands/audit.js';
import { describeFailure } from './run.js';

/** `banhchi`: the same services as the app, over the same handler table. */
export function buildProgram(): Command {
  const program = new Command('banhchi').version(APP_VERSION).description('Banhchi register of foreign residents and workers');
  program.exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });
  registerFoundationCommands(program);
  registerRegistrationCommands(program);
  registerPrintCommands(program);
  registerSyncCommands(program);
  registerImportCommands(program);
  registerCasesCommands(program);
  registerCampaignCommands(program);
  registerReportCommands(program);
  registerAtrestCommands(program);
  registerAccountsCommands(program);
  registerAuditCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command may set its own exit code (e.g. `mrz parse` on an invalid MRZ).
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const lang = argv[argv.indexOf('--lang') + 1];
    process.stderr.write(`banhchi: ${describeFailure(error, { lang })}\n`);
    return 1;
  }
}
