// Stop following (or withdraw a pending request); the target leaves the follower's home feed and lists.
import type { AppContext } from '../../context.ts';
import { removeFromOwnersLists } from '../../db/repos/lists.ts';
import { adjustFollowCounters, deleteFollowLike } from '../../db/repos/follows.ts';
import type { AccountRow } from '../../db/schema.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';
import { loadTargetAccount } from './target.ts';

/** Removes the follow from `followerId` to `targetId` inside a transaction; used by unfollow, block and remove-from-followers. */
export async function dropFollow(ctx: AppContext, trx: Executor, followerId: string, targetId: string): Promise<void> {
  await deleteFollowLike(trx, 'follow_requests', followerId, targetId);
  if (await deleteFollowLike(trx, 'follows', followerId, targetId)) {
    await adjustFollowCounters(trx, followerId, targetId, -1);
    await removeFromOwnersLists(trx, followerId, targetId);
    await ctx.queue.enqueue(trx, JOB.unmergeFromHome, { accountId: followerId, targetAccountId: targetId });
  }
}

export async function unfollowAccount(ctx: AppContext, follower: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  await ctx.db.transaction().execute((trx) => dropFollow(ctx, trx, follower.id, target.id));
}

/** POST /accounts/:id/remove_from_followers: make `targetId` stop following `owner`. */
export async function removeFromFollowers(ctx: AppContext, owner: AccountRow, targetId: string): Promise<void> {
  const target = await loadTargetAccount(ctx, targetId);
  await ctx.db.transaction().execute((trx) => dropFollow(ctx, trx, target.id, owner.id));
}
