// Following a reset link: a new password, and every token and session of the account ends, so
// whoever may have known the old password is signed out everywhere.
import type { AppContext } from '../../context.ts';
import { revokeAccountTokens } from '../../db/repos/oauth.ts';
import { deleteAccountResets, findValidReset, takeValidReset } from '../../db/repos/password-resets.ts';
import { deleteAccountWebSessions } from '../../db/repos/sessions.ts';
import { findLoginByAccountId, updateUser } from '../../db/repos/users.ts';
import { passwordProblem } from '../../domain/accounts.ts';
import { hashPassword } from '../../domain/passwords.ts';
import { sha256 } from '../../domain/secrets.ts';

/** Whether a token from a link is (still) good, without using it up. */
export async function resetTokenValid(ctx: AppContext, token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const accountId = await findValidReset(ctx.db, sha256(token), ctx.clock.now().toISOString());
  return !!accountId && !!(await findLoginByAccountId(ctx.db, accountId));
}

export type ResetResult = { ok: true } | { ok: false; reason: 'invalid-token' | 'mismatch' | 'weak'; message: string };

export async function resetPasswordWithToken(ctx: AppContext, token: string, password: string, confirmation: string): Promise<ResetResult> {
  if (!(await resetTokenValid(ctx, token))) return { ok: false, reason: 'invalid-token', message: 'This link is invalid or has expired.' };
  const problem = passwordProblem(password);
  if (problem) return { ok: false, reason: 'weak', message: `${problem}.` };
  if (password !== confirmation) return { ok: false, reason: 'mismatch', message: 'The two passwords do not match.' };
  const hash = await hashPassword(password);
  const now = ctx.clock.now().toISOString();
  const done = await ctx.db.transaction().execute(async (trx) => {
    const accountId = await takeValidReset(trx, sha256(token), now);
    if (!accountId) return false;
    await updateUser(trx, accountId, { password_hash: hash });
    await revokeAccountTokens(trx, accountId, now);
    await deleteAccountWebSessions(trx, accountId);
    await deleteAccountResets(trx, accountId);
    return true;
  });
  return done ? { ok: true } : { ok: false, reason: 'invalid-token', message: 'This link is invalid or has expired.' };
}
