// FeedStore over the feed_entries table.
import type { Db } from '../db/client.ts';
import { deleteFeedEntriesByAuthor, deleteFeedEntriesOfStatus, feedPage, feedsHoldingOriginal, insertFeedEntries, trimFeed } from '../db/repos/feeds.ts';
import { FEED_SIZE, type FeedStore } from './feed-store.ts';

/**
 * Feeds keep their newest FEED_SIZE entries, like Mastodon's. Trimming a feed on every insert
 * would cost a statement per follower per post; instead each insert trims its feed with
 * probability 1/TRIM_EVERY, so a feed overshoots by about TRIM_EVERY entries at most on average.
 */
const TRIM_EVERY = 50;

export function createSqlFeedStore(db: Db, random: () => number = Math.random): FeedStore {
  return {
    async add(feeds, entry) {
      let targets = [...new Set(feeds)];
      if (entry.reblogOfId) {
        const holding = await feedsHoldingOriginal(db, targets, entry.reblogOfId);
        targets = targets.filter((f) => !holding.has(f));
      }
      await insertFeedEntries(
        db,
        targets.map((feed) => ({ feed, status_id: entry.statusId, reblog_of_id: entry.reblogOfId, account_id: entry.accountId })),
      );
      for (const feed of targets) if (random() < 1 / TRIM_EVERY) await trimFeed(db, feed, FEED_SIZE);
      return targets;
    },
    page: (feed, page) => feedPage(db, feed, page),
    removeAuthor: (feed, accountId) => deleteFeedEntriesByAuthor(db, feed, accountId),
    removeStatus: (statusId) => deleteFeedEntriesOfStatus(db, statusId),
  };
}

const stores = new WeakMap<Db, FeedStore>();

/** The feed store of a context (one per database handle). */
export function feedStoreOf(ctx: { db: Db }): FeedStore {
  let s = stores.get(ctx.db);
  if (!s) {
    s = createSqlFeedStore(ctx.db);
    stores.set(ctx.db, s);
  }
  return s;
}
