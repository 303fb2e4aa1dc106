// Account administration used by the CLI: roles and password resets.
import type { AppContext } from '../../context.ts';
import { findLocalAccountByUsername } from '../../db/repos/accounts.ts';
import { revokeAccountTokens } from '../../db/repos/oauth.ts';
import { deleteAccountWebSessions } from '../../db/repos/sessions.ts';
import { updateAccount, updateUser } from '../../db/repos/users.ts';
import type { AccountRow } from '../../db/schema.ts';
import { passwordProblem, type Role } from '../../domain/accounts.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { hashPassword } from '../../domain/passwords.ts';

export async function findLocalAccountOrFail(ctx: AppContext, username: string): Promise<AccountRow> {
  const account = await findLocalAccountByUsername(ctx.db, username.replace(/^@/, ''));
  if (!account || account.deleted_at) throw notFound(`No local account named ${username}`);
  return account;
}

export async function setRole(ctx: AppContext, username: string, role: Role): Promise<AccountRow> {
  const account = await findLocalAccountOrFail(ctx, username);
  return updateAccount(ctx.db, account.id, { role, updated_at: ctx.clock.now().toISOString() });
}

/** Sets a new password and signs the account out everywhere (tokens revoked, web sessions ended). */
export async function resetPassword(ctx: AppContext, username: string, password: string): Promise<void> {
  const account = await findLocalAccountOrFail(ctx, username);
  const problem = passwordProblem(password);
  if (problem) throw unprocessable(problem);
  const hash = await hashPassword(password);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, account.id, { password_hash: hash });
    await revokeAccountTokens(trx, account.id, now);
    await deleteAccountWebSessions(trx, account.id);
  });
}
