import type { Command } from 'commander';
import { ROLES, type Role } from '../../../shared/permissions.js';
import { CliFailure, print, translator, withBackend, type CliCaller, type GlobalOptions } from '../run.js';
import { ask, canAsk } from '../prompt.js';

interface AdminOptions {
  adminName?: string;
  adminNameKm?: string;
  lang?: string;
}

/**
 * After `banhchi init`: the office administrator, from BANHCHI_USER and BANHCHI_PASSWORD or asked
 * at the terminal. Without either, no account is made (scripts and tests that predate accounts).
 */
export async function createAdminAtInit(call: CliCaller, options: AdminOptions): Promise<{ username: string; name: string } | null> {
  const t = translator(options);
  let username = process.env.BANHCHI_USER;
  let password = process.env.BANHCHI_PASSWORD;
  if (!username || !password) {
    if (!canAsk()) return null;
    username ||= await ask(`${t('accounts.field.username')}: `);
    password ||= await newPassword(options);
  }
  const nameEn = options.adminName || username;
  const nameKm = options.adminNameKm || nameEn;
  const admin = await call('accounts.createFirstAdmin', { username, password, nameEn, nameKm });
  return { username: admin.username, name: admin.nameEn };
}

async function newPassword(options: { lang?: string | undefined }): Promise<string> {
  const t = translator(options);
  const given = process.env.BANHCHI_NEW_PASSWORD;
  if (given) return given;
  if (!canAsk()) throw new CliFailure(t('accounts.cli.needNewPassword'));
  const first = await ask(`${t('accounts.cli.newPassword')}: `, true);
  const again = await ask(`${t('accounts.cli.passwordAgain')}: `, true);
  if (first !== again) throw new CliFailure(t('accounts.cli.passwordsDiffer'));
  return first;
}

async function findUser(call: CliCaller, username: string, options: GlobalOptions) {
  const user = (await call('accounts.list', {})).find((u) => u.username === username.toLowerCase());
  if (!user) throw new CliFailure(translator(options)('accounts.cli.unknownUsername', { username }));
  return user;
}

export function registerAccountsCommands(program: Command): void {
  const user = program.command('user').description("the office's user accounts (administrator only; sign in with BANHCHI_USER/BANHCHI_PASSWORD or at the prompt)");
  user
    .command('add')
    .description('create an account; its password from BANHCHI_NEW_PASSWORD or asked twice')
    .argument('<username>', 'user name to sign in with (small Latin letters, digits, . _ -)')
    .requiredOption('--name <name>', 'name in English')
    .requiredOption('--name-km <name>', 'name in Khmer')
    .requiredOption('--role <role>', ROLES.join(', '))
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (username: string, options: GlobalOptions & { name: string; nameKm: string; role: string }) => {
      const created = await withBackend(options, async (call) => {
        // Signed in first (the prompt for the administrator comes before the new password's).
        await call('accounts.list', {});
        const password = await newPassword(options);
        return call('accounts.create', { username, nameEn: options.name, nameKm: options.nameKm, role: options.role as Role, password });
      });
      const t = translator(options);
      print(options, created, () => t('accounts.cli.userAdded', { username: created.username, name: created.nameEn, role: t(`accounts.role.${created.role}`) }));
    });
  user
    .command('list')
    .description("this office's accounts")
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (options: GlobalOptions) => {
      const users = await withBackend(options, (call) => call('accounts.list', {}));
      const t = translator(options);
      const km = options.lang === 'km';
      print(options, users, () =>
        users.map((u) => [u.username, km ? u.nameKm : u.nameEn, t(`accounts.role.${u.role}`), t(u.active ? 'accounts.users.active' : 'accounts.users.inactive')].join('\t')).join('\n'),
      );
    });
  user
    .command('deactivate')
    .description('the account can no longer sign in; it is never deleted')
    .argument('<username>', 'user name')
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (username: string, options: GlobalOptions) => {
      const done = await withBackend(options, async (call) => call('accounts.setActive', { id: (await findUser(call, username, options)).id, active: false }));
      print(options, done, () => translator(options)('accounts.cli.userDeactivated', { username: done.username, name: options.lang === 'km' ? done.nameKm : done.nameEn }));
    });
  user
    .command('reset-password')
    .description('a new password (BANHCHI_NEW_PASSWORD or asked twice); also lifts a lockout')
    .argument('<username>', 'user name')
    .requiredOption('--db <file>', 'database file')
    .option('--json', 'print JSON')
    .option('--lang <lang>', 'en or km', 'en')
    .action(async (username: string, options: GlobalOptions) => {
      const done = await withBackend(options, async (call) => {
        const target = await findUser(call, username, options);
        return call('accounts.resetPassword', { id: target.id, password: await newPassword(options) });
      });
      const t = translator(options);
      print(options, done, () => t('accounts.users.passwordReset', { name: options.lang === 'km' ? done.nameKm : done.nameEn }));
    });
}
