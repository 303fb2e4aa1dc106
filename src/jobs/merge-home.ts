// JOB.mergeIntoHome: { accountId (follower), targetAccountId }: a new follow brings the target's
// recent posts into the follower's home feed. Re-running adds nothing twice.
import type { AppContext } from '../context.ts';
import { findFollowLike } from '../db/repos/follows.ts';
import { recentStatusesOf } from '../db/repos/feeds.ts';
import { homeFeed } from '../timelines/feed-store.ts';
import { feedStoreOf } from '../timelines/sql-feed-store.ts';
import { JOB } from './types.ts';

const MERGE_LIMIT = 40;

export function registerMergeHomeJob(ctx: AppContext): void {
  ctx.queue.register(JOB.mergeIntoHome, async (p) => {
    const accountId = String(p.accountId);
    const targetId = String(p.targetAccountId);
    const follow = await findFollowLike(ctx.db, 'follows', accountId, targetId);
    if (!follow) return;
    // Direct posts reach home feeds only through the distribute job (to the people mentioned).
    const statuses = await recentStatusesOf(ctx.db, targetId, ['public', 'unlisted', 'private'], MERGE_LIMIT);
    const store = feedStoreOf(ctx);
    for (const s of statuses.reverse()) {
      if (s.reblog_of_id && follow.show_reblogs !== 1) continue;
      // Replies to others stay out, as in fan-out, unless the follower follows the replied-to account (checked there).
      if (s.in_reply_to_account_id && s.in_reply_to_account_id !== targetId && s.in_reply_to_account_id !== accountId) continue;
      await store.add([homeFeed(accountId)], { statusId: s.id, reblogOfId: s.reblog_of_id, accountId: s.account_id });
    }
  });
}
