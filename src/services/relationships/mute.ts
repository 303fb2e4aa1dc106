// Mute / unmute. Muting hides the account's posts from home (a job removes them); unmuting
// merges them back if the viewer follows the account.
import type { AppContext } from '../../context.ts';
import { findFollowLike } from '../../db/repos/follows.ts';
import { deleteMute, upsertMute } from '../../db/repos/mutes.ts';
import type { AccountRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { loadTargetAccount, refuseSelf } from './target.ts';

export async function muteAccount(ctx: AppContext, actor: AccountRow, targetId: string, opts: { notifications: boolean; durationSeconds: number }): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  refuseSelf(actor, target, 'mute');
  const now = ctx.clock.now();
  const expiresAt = opts.durationSeconds > 0 ? new Date(now.getTime() + opts.durationSeconds * 1000).toISOString() : null;
  await ctx.db.transaction().execute(async (trx) => {
    await upsertMute(trx, {
      id: newId(now.getTime()),
      account_id: actor.id,
      target_account_id: target.id,
      hide_notifications: opts.notifications ? 1 : 0,
      expires_at: expiresAt,
      created_at: now.toISOString(),
    });
    await ctx.queue.enqueue(trx, JOB.unmergeFromHome, { accountId: actor.id, targetAccountId: target.id });
  });
}

export async function unmuteAccount(ctx: AppContext, actor: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteMute(trx, actor.id, target.id);
    if (await findFollowLike(trx, 'follows', actor.id, target.id)) {
      await ctx.queue.enqueue(trx, JOB.mergeIntoHome, { accountId: actor.id, targetAccountId: target.id });
    }
  });
}
