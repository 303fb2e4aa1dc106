// The admin command line: `npm run parley -- <command>`. Reads the configuration like the server.
import { ConfigError, loadConfig, loadDotEnv } from '../config.ts';
import { AppError } from '../domain/errors.ts';
import { parseArgs, UsageError, type ParsedArgs } from './args.ts';

const HELP = `Usage: npm run parley -- <command>

  accounts create <username> --email E [--password P] [--role user|moderator|admin]
      Create a confirmed, approved account (prints a generated password unless --password).
  accounts role <username> <user|moderator|admin>
  accounts reset-password <username> [--password P]
      Set a new password (generated unless given) and revoke the account's tokens and sessions.
  apps create --name N [--scopes "read write"] [--redirect-uri U] [--account <username>]
      Register an application; with --account also print an access token for that account.
  apps store-safe <client_key> <on|off>
      Store-safe apps (app-store builds) never show their users sensitive or held posts.
  tokens create <username> [--app-name N] [--scopes "read write"]
      Print a new access token for an account.
  invites create [--max-uses N] [--expires-in 30m|1h|1d|1w|never] [--account <username>]
      Print a new invite link (in the name of --account, by default the first admin).
  db migrate
      Bring the database schema up to date.
  settings get <key>
  settings set <key> <value>
  help`;

const OPTIONS = ['email', 'password', 'role', 'name', 'scopes', 'redirect-uri', 'account', 'app-name', 'max-uses', 'expires-in'] as const;

async function run(argv: string[]): Promise<void> {
  const [group, command, ...rest] = argv;
  if (!group || group === 'help' || group === '--help' || group === '-h') {
    console.log(HELP);
    return;
  }
  const args: ParsedArgs = parseArgs(rest, OPTIONS);
  loadDotEnv();
  const config = loadConfig();
  const name = `${group} ${command ?? ''}`.trim();

  if (name === 'db migrate') {
    const { openDatabase } = await import('../db/client.ts');
    const { migrateToLatest } = await import('../db/migrate.ts');
    const handle = openDatabase(config.database);
    try {
      const applied = await migrateToLatest(handle);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await handle.close();
    }
    return;
  }

  const commands = await import('./commands.ts');
  const table: Record<string, (typeof commands)['accountsCreate']> = {
    'accounts create': commands.accountsCreate,
    'accounts role': commands.accountsRole,
    'accounts reset-password': commands.accountsResetPassword,
    'apps create': commands.appsCreate,
    'apps store-safe': commands.appsStoreSafe,
    'tokens create': commands.tokensCreate,
    'invites create': commands.invitesCreate,
    'settings set': commands.settingsSet,
    'settings get': commands.settingsGet,
  };
  const handler = table[name];
  if (!handler) throw new UsageError(`Unknown command: ${name}`);
  const { createContext } = await import('../context.ts');
  const { createLogger } = await import('../infra/logger.ts');
  const ctx = await createContext(config, { log: createLogger('error') });
  try {
    await handler(ctx, args, (line) => console.log(line));
  } finally {
    await ctx.close();
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) console.error(`${err.message}\n\nRun "npm run parley -- help" for the commands.`);
  else if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof AppError) console.error(err.publicMessage.replace(/^Validation failed: /, ''));
  else console.error(err);
  process.exitCode = 1;
});
