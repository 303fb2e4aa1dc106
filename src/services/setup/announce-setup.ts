// On start, if the instance has no admin yet, say how to create one.
import type { AppContext } from '../../context.ts';
import { countAdmins } from '../../db/repos/accounts.ts';

export async function announceSetup(ctx: AppContext): Promise<void> {
  if ((await countAdmins(ctx.db)) > 0) return;
  ctx.log.warn(
    'No admin account exists yet. Create one with:\n' +
      '  npm run parley -- accounts create <username> --email <you@example.com> --role admin\n' +
      'It prints a generated password (or pass --password).',
  );
}
