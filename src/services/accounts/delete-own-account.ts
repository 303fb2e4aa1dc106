// A person deletes their own account, confirming with their password. The account stops working
// at once (tokens revoked, sessions ended, hidden everywhere) and is erased by a job
// (src/services/accounts/erase-account.ts). Suspensions older than 30 days end the same way.
import type { AppContext } from '../../context.ts';
import { revokeAccountTokens } from '../../db/repos/oauth.ts';
import { deleteAccountWebSessions } from '../../db/repos/sessions.ts';
import { findLoginByAccountId, updateAccount } from '../../db/repos/users.ts';
import type { AccountRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import { verifyPassword } from '../../domain/passwords.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { audit } from '../moderation/audit-log.ts';
import { SYSTEM_ACTOR } from '../moderation/report-queue.ts';

/** A suspension not lifted within this time becomes an erasure. */
export const SUSPENSION_GRACE_MS = 30 * 24 * 3600_000;

async function markDeleted(ctx: AppContext, trx: Executor, accountId: string, nowIso: string): Promise<void> {
  await updateAccount(trx, accountId, { deleted_at: nowIso, updated_at: nowIso });
  await revokeAccountTokens(trx, accountId, nowIso);
  await deleteAccountWebSessions(trx, accountId);
  await ctx.queue.enqueue(trx, JOB.eraseAccount, { accountId });
}

export async function deleteOwnAccount(ctx: AppContext, account: AccountRow, password: string): Promise<void> {
  const login = await findLoginByAccountId(ctx.db, account.id);
  if (!login || !(await verifyPassword(password, login.user.password_hash))) throw unprocessable('Password is not correct');
  // An instance must keep someone able to administer it.
  if (account.role === 'admin') throw unprocessable('An admin account cannot be deleted: give the admin role to someone else first (npm run parley -- accounts role)');
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) => markDeleted(ctx, trx, account.id, nowIso));
}

/** Recurring: accounts suspended more than 30 days ago are erased. */
export async function eraseLongSuspended(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const before = new Date(now.getTime() - SUSPENSION_GRACE_MS).toISOString();
  const due = await ctx.db.selectFrom('accounts').select(['id', 'username']).where('suspended_at', '<', before).where('deleted_at', 'is', null).limit(100).execute();
  for (const a of due) {
    await ctx.db.transaction().execute(async (trx) => {
      await markDeleted(ctx, trx, a.id, now.toISOString());
      await audit(ctx, trx, SYSTEM_ACTOR, { action: 'account.erase', targetType: 'account', targetId: a.id, summary: `The suspension of @${a.username} was not lifted within 30 days: its data is being erased` });
    });
  }
  return due.length;
}
