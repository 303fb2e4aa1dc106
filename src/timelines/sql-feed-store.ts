// FeedStore over the feed_entries table.
import type { Db } from '../db/client.ts';
import { deleteFeedEntriesByAuthor, deleteFeedEntriesOfStatus, feedPage, feedsHoldingOriginal, insertFeedEntries } from '../db/repos/feeds.ts';
import type { FeedStore } from './feed-store.ts';

export function createSqlFeedStore(db: Db): FeedStore {
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
