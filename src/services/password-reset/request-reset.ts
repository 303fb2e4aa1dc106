// "Forgot your password": e-mails a single-use link valid for one hour. The caller always shows
// the same answer, so the form cannot be used to find out which addresses have accounts.
import type { AppContext } from '../../context.ts';
import { findUserByEmail } from '../../db/repos/accounts.ts';
import { deleteAccountResets, insertPasswordReset, latestResetCreatedAt } from '../../db/repos/password-resets.ts';
import { findLoginByAccountId } from '../../db/repos/users.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';
import { JOB } from '../../jobs/types.ts';

export const RESET_VALID_MS = 3600_000;
/** One e-mail per account per few minutes: the form must not become a way to flood a mailbox. */
const RESEND_AFTER_MS = 5 * 60_000;

export function resetLink(ctx: AppContext, token: string): string {
  return `${ctx.config.baseUrl}/auth/password/edit?reset_password_token=${encodeURIComponent(token)}`;
}

/** Returns whether an e-mail was queued (for tests and logs only: never shown to the visitor). */
export async function requestPasswordReset(ctx: AppContext, email: string): Promise<boolean> {
  if (!ctx.mailer.enabled) return false;
  const address = email.trim();
  if (!address || address.length > 254) return false;
  const user = await findUserByEmail(ctx.db, address);
  if (!user) return false;
  const login = await findLoginByAccountId(ctx.db, user.account_id);
  if (!login || login.account.suspended_at) return false;
  const now = ctx.clock.now();
  const latest = await latestResetCreatedAt(ctx.db, user.account_id);
  if (latest && now.getTime() - Date.parse(latest) < RESEND_AFTER_MS) return false;

  const token = randomSecret();
  await ctx.db.transaction().execute(async (trx) => {
    // Only the newest link works.
    await deleteAccountResets(trx, user.account_id);
    await insertPasswordReset(trx, {
      token_hash: sha256(token),
      account_id: user.account_id,
      expires_at: new Date(now.getTime() + RESET_VALID_MS).toISOString(),
      created_at: now.toISOString(),
    });
    await ctx.queue.enqueue(trx, JOB.sendEmail, {
      to: user.email,
      subject: `Reset your password on ${ctx.config.domain}`,
      text:
        `Hello @${login.account.username},\n\nSomeone (hopefully you) asked to reset the password of your account on ${ctx.config.domain}. ` +
        `To choose a new password, open this link:\n\n${resetLink(ctx, token)}\n\n` +
        'The link is valid for one hour and works once. If you did not ask for it, ignore this message: your password stays as it is.\n',
    });
  });
  return true;
}
