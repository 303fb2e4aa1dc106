// The registration review queue (sign-up mode "approval"): a moderator approves a waiting
// sign-up, or rejects it, which removes the account that never became usable.
import type { AppContext } from '../../context.ts';
import { findLoginByAccountId, updateUser } from '../../db/repos/users.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { audit } from './audit-log.ts';
import { followInviterOnceUsable } from '../invites/follow-inviter.ts';

async function pending(ctx: AppContext, id: string) {
  const login = isId(id) ? await findLoginByAccountId(ctx.db, id) : undefined;
  if (!login || login.account.deleted_at) throw notFound();
  if (login.user.approved === 1) throw unprocessable('This account is not waiting for approval');
  return login;
}

export async function approveSignUp(ctx: AppContext, moderator: AccountRow, id: string): Promise<void> {
  const login = await pending(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, login.account.id, { approved: 1 });
    await audit(ctx, trx, moderator, { action: 'account.approve', targetType: 'account', targetId: login.account.id, summary: `@${moderator.username} approved the sign-up of @${login.account.username}` });
  });
  await followInviterOnceUsable(ctx, login.account.id);
}

export async function rejectSignUp(ctx: AppContext, moderator: AccountRow, id: string): Promise<void> {
  const login = await pending(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    // Never approved, the account has no posts or follows: removing its rows removes everything.
    await trx.deleteFrom('accounts').where('id', '=', login.account.id).execute();
    await audit(ctx, trx, moderator, { action: 'account.reject', targetType: 'account', targetId: login.account.id, summary: `@${moderator.username} rejected the sign-up of @${login.account.username}` });
  });
}
