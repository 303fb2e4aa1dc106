// JOB.unmergeFromHome: { accountId, targetAccountId }: after unfollow/block/mute, the target's
// posts and reblogs leave the home feed.
import type { AppContext } from '../context.ts';
import { homeFeed } from '../timelines/feed-store.ts';
import { feedStoreOf } from '../timelines/sql-feed-store.ts';
import { JOB } from './types.ts';

export function registerUnmergeHomeJob(ctx: AppContext): void {
  ctx.queue.register(JOB.unmergeFromHome, async (p) => {
    await feedStoreOf(ctx).removeAuthor(homeFeed(String(p.accountId)), String(p.targetAccountId));
  });
}
