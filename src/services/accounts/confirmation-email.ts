// E-mail confirmation: the link sent at sign-up (and on request), and following it.
import type { AppContext } from '../../context.ts';
import { findUserByConfirmationHash, updateUser } from '../../db/repos/users.ts';
import type { UserRow } from '../../db/schema.ts';
import { randomSecret, sha256 } from '../../domain/secrets.ts';
import { JOB } from '../../jobs/types.ts';
import type { Executor } from '../../jobs/queue.ts';
import { followInviterOnceUsable } from '../invites/follow-inviter.ts';

const VALID_MS = 2 * 86_400_000;

export function confirmationLink(ctx: AppContext, token: string): string {
  return `${ctx.config.baseUrl}/auth/confirmation?confirmation_token=${encodeURIComponent(token)}`;
}

export async function enqueueConfirmationEmail(ctx: AppContext, trx: Executor, to: string, username: string, token: string): Promise<void> {
  await ctx.queue.enqueue(trx, JOB.sendEmail, {
    to,
    subject: `Confirm your e-mail address for ${ctx.config.domain}`,
    text:
      `Hello @${username},\n\nTo finish creating your account on ${ctx.config.domain}, confirm your e-mail address by opening this link:\n\n` +
      `${confirmationLink(ctx, token)}\n\nThe link is valid for two days. If you did not sign up, ignore this message.\n`,
  });
}

/** Sends a new link (the old one stops working). Does nothing when the address is confirmed already. */
export async function resendConfirmation(ctx: AppContext, user: UserRow, username: string, newEmail?: string): Promise<void> {
  if (user.confirmed_at || !ctx.mailer.enabled) return;
  const token = randomSecret();
  const now = ctx.clock.now().toISOString();
  const email = newEmail ?? user.email;
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.account_id, { email, email_lower: email.toLowerCase(), confirmation_token_hash: sha256(token), confirmation_sent_at: now });
    await enqueueConfirmationEmail(ctx, trx, email, username, token);
  });
}

/** Confirms the address behind a token; false when the token is unknown or too old. */
export async function confirmEmail(ctx: AppContext, token: string): Promise<boolean> {
  if (!token) return false;
  const user = await findUserByConfirmationHash(ctx.db, sha256(token));
  if (!user) return false;
  const now = ctx.clock.now();
  if (user.confirmation_sent_at && Date.parse(user.confirmation_sent_at) + VALID_MS < now.getTime()) return false;
  await updateUser(ctx.db, user.account_id, { confirmed_at: user.confirmed_at ?? now.toISOString(), confirmation_token_hash: null });
  // Only the first confirmation makes the account usable (not that of a changed address).
  if (!user.confirmed_at) await followInviterOnceUsable(ctx, user.account_id);
  return true;
}
