// The one-time setup link that creates the first admin: the token is stored hashed, valid for
// 24 hours, and spent by the account it creates.
import type { AppContext } from '../../context.ts';
import { countAdmins } from '../../db/repos/accounts.ts';
import { deleteSetupTokens, findSetupToken, insertSetupToken, takeSetupToken } from '../../db/repos/sessions.ts';
import type { AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';
import { createAccount } from '../accounts/create-account.ts';

const PURPOSE = 'first_admin';
const VALID_MS = 24 * 3600_000;

/** A fresh setup token (earlier ones stop working), or null when an admin exists already. */
export async function createSetupToken(ctx: AppContext): Promise<string | null> {
  if ((await countAdmins(ctx.db)) > 0) return null;
  const token = randomSecret();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSetupTokens(trx, PURPOSE);
    await insertSetupToken(trx, { token_hash: sha256(token), purpose: PURPOSE, expires_at: new Date(now.getTime() + VALID_MS).toISOString(), created_at: now.toISOString() });
  });
  return token;
}

export async function setupTokenValid(ctx: AppContext, token: string): Promise<boolean> {
  if ((await countAdmins(ctx.db)) > 0) return false;
  return !!(await findSetupToken(ctx.db, sha256(token), PURPOSE, ctx.clock.now().toISOString()));
}

export async function createFirstAdmin(ctx: AppContext, token: string, input: { username: string; email: string; password: string }): Promise<AccountRow> {
  if (!(await setupTokenValid(ctx, token))) throw new AppError(404, 'This setup link is invalid, used or expired');
  let created: AccountRow | null = null;
  await createAccount(ctx, {
    ...input,
    role: 'admin',
    confirmed: true,
    approved: true,
    allowReserved: true,
    // Spending the token in the same transaction makes the link single-use even if submitted twice.
    inTransaction: async (trx, c) => {
      if (!(await takeSetupToken(trx, sha256(token), PURPOSE, ctx.clock.now().toISOString()))) throw new AppError(404, 'This setup link is invalid, used or expired');
      created = c.account;
    },
  });
  return created!;
}
