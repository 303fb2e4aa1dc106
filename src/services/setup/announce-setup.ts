// On start, if the instance has no admin yet, say how to create one: a one-time setup link
// (valid 24 hours) or the CLI.
import type { AppContext } from '../../context.ts';
import { createSetupToken } from './first-admin.ts';

export async function announceSetup(ctx: AppContext): Promise<void> {
  const token = await createSetupToken(ctx);
  if (!token) return;
  ctx.log.warn(
    'No admin account exists yet. Open this one-time link (valid for 24 hours) to create it:\n' +
      `  ${ctx.config.baseUrl}/setup/${token}\n` +
      'or create one from the command line:\n' +
      '  npm run parley -- accounts create <username> --email <you@example.com> --role admin\n' +
      'It prints a generated password (or pass --password).',
  );
}
