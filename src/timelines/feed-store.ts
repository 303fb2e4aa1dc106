// Home and list feeds behind an interface, so a Redis store can replace the SQL one later.
import type { IdPage } from '../db/repos/paging.ts';

export interface FeedEntry {
  statusId: string;
  /** The original of a reblog: a feed shows one post once, however often it is reblogged. */
  reblogOfId: string | null;
  /** The author of the entry (the reblogger for a reblog). */
  accountId: string;
}

export interface FeedStore {
  /** Adds the entry to each feed; reblogs are skipped in feeds that already show the original. Returns the feeds it landed in. */
  add(feeds: string[], entry: FeedEntry): Promise<string[]>;
  /** Status ids newest first. */
  page(feed: string, page: IdPage): Promise<string[]>;
  removeAuthor(feed: string, accountId: string): Promise<void>;
  removeStatus(statusId: string): Promise<void>;
}

/** How many entries a feed keeps (Mastodon keeps 800 in Redis). */
export const FEED_SIZE = 800;

export const homeFeed = (accountId: string) => `home:${accountId}`;
export const listFeed = (listId: string) => `list:${listId}`;
