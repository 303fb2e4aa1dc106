// SQL behind the home and list feeds (feed_entries), plus the status reads fan-out needs.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { StatusRow } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export interface FeedEntryRow {
  feed: string;
  status_id: string;
  reblog_of_id: string | null;
  account_id: string;
}

/** Inserts entries, ignoring ones already present. */
export async function insertFeedEntries(exec: Executor, rows: FeedEntryRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await exec
      .insertInto('feed_entries')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['feed', 'status_id']).doNothing())
      .execute();
  }
}

/** Feeds among `feeds` that already hold `originalId` itself or a reblog of it. */
export async function feedsHoldingOriginal(db: Db, feeds: string[], originalId: string): Promise<Set<string>> {
  if (feeds.length === 0) return new Set();
  const rows = await db
    .selectFrom('feed_entries')
    .select('feed')
    .where('feed', 'in', feeds)
    .where((eb) => eb.or([eb('status_id', '=', originalId), eb('reblog_of_id', '=', originalId)]))
    .execute();
  return new Set(rows.map((r) => r.feed));
}

export async function feedPage(db: Db, feed: string, page: IdPage): Promise<string[]> {
  const rows = await pageBy(db.selectFrom('feed_entries').select('status_id').where('feed', '=', feed), 'status_id', page);
  return rows.map((r) => r.status_id);
}

/** Keeps the newest `keep` entries of a feed and deletes the rest. */
export async function trimFeed(exec: Executor, feed: string, keep: number): Promise<void> {
  const cutoff = await exec.selectFrom('feed_entries').select('status_id').where('feed', '=', feed).orderBy('status_id', 'desc').offset(keep - 1).limit(1).executeTakeFirst();
  if (!cutoff) return;
  await exec.deleteFrom('feed_entries').where('feed', '=', feed).where('status_id', '<', cutoff.status_id).execute();
}

export async function deleteFeedEntriesByAuthor(exec: Executor, feed: string, accountId: string): Promise<void> {
  await exec.deleteFrom('feed_entries').where('feed', '=', feed).where('account_id', '=', accountId).execute();
}

export async function deleteFeedEntriesOfStatus(exec: Executor, statusId: string): Promise<void> {
  await exec.deleteFrom('feed_entries').where('status_id', '=', statusId).execute();
}

export async function feedsContaining(db: Db, statusId: string): Promise<string[]> {
  const rows = await db.selectFrom('feed_entries').select('feed').where('status_id', '=', statusId).execute();
  return rows.map((r) => r.feed);
}

/** An account's newest statuses, for merging into a new follower's home feed. */
export async function recentStatusesOf(db: Db, accountId: string, visibilities: string[], limit: number): Promise<StatusRow[]> {
  return db.selectFrom('statuses').selectAll().where('account_id', '=', accountId).where('visibility', 'in', visibilities).orderBy('id', 'desc').limit(limit).execute();
}

/** The mentions of a status with their `silent` flag (fan-out notifies only the loud ones). */
export async function mentionRowsOf(db: Db, statusId: string): Promise<{ account_id: string; silent: number }[]> {
  return db.selectFrom('mentions').select(['account_id', 'silent']).where('status_id', '=', statusId).execute();
}

export async function tagsOfStatus(db: Db, statusId: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('status_tags').innerJoin('tags', 'tags.id', 'status_tags.tag_id').select(['tags.id', 'tags.name']).where('status_tags.status_id', '=', statusId).execute();
}

export interface PublicTimelineQuery {
  /** Accounts hidden from this viewer (blocks either way, mutes). */
  excludeAccountIds: string[];
  /** Tag filters, by lower-cased name. */
  anyTags?: string[];
  allTags?: string[];
  noneTags?: string[];
  /** Only statuses showing media. */
  onlyMedia?: boolean;
}

/** Whether the status `s` shows at least one attachment. */
const hasMedia = sql<boolean>`exists (select 1 from media_attachments ma where ma.status_id = s.id and ma.position is not null)`;

/** Public statuses, newest first: no reblogs, no replies to others unless tag-filtered, authors available. */
export async function publicTimelineIds(db: Db, q: PublicTimelineQuery, page: IdPage): Promise<string[]> {
  const tagged = q.anyTags !== undefined;
  let query = db
    .selectFrom('statuses as s')
    .select('s.id')
    .where('s.visibility', '=', 'public')
    .where('s.reblog_of_id', 'is', null)
    .where('s.held_at', 'is', null)
    // A correlated NOT EXISTS checks only the rows the page walks past; a join made SQLite build
    // a filter over all accounts on every request (30x slower at 10k accounts).
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('accounts as a')
            .select('a.id')
            .whereRef('a.id', '=', 's.account_id')
            // Limited accounts (silenced by a moderator) stay out of public timelines too.
            .where((inner) => inner.or([inner('a.suspended_at', 'is not', null), inner('a.deleted_at', 'is not', null), inner('a.silenced_at', 'is not', null)])),
        ),
      ),
    );
  if (!tagged) query = query.where((eb) => eb.or([eb('s.in_reply_to_account_id', 'is', null), eb('s.in_reply_to_account_id', '=', eb.ref('s.account_id'))]));
  if (q.excludeAccountIds.length > 0) query = query.where('s.account_id', 'not in', q.excludeAccountIds);
  const withTag = (names: string[]) =>
    sql<boolean>`exists (select 1 from status_tags st join tags t on t.id = st.tag_id where st.status_id = s.id and t.name in (${sql.join(names)}))`;
  if (q.anyTags && q.anyTags.length > 0) query = query.where(withTag(q.anyTags));
  for (const name of q.allTags ?? []) query = query.where(withTag([name]));
  if (q.noneTags && q.noneTags.length > 0) query = query.where(sql<boolean>`not ${withTag(q.noneTags)}`);
  if (q.onlyMedia) query = query.where(hasMedia);
  return (await pageBy(query, 's.id', page)).map((r) => r.id);
}

export interface AccountTimelineQuery {
  accountId: string;
  visibilities: string[];
  /** Private/direct statuses mentioning this viewer are visible too. */
  mentionedViewerId: string | null;
  excludeReplies: boolean;
  excludeReblogs: boolean;
  pinnedOnly: boolean;
  tagged: string | null;
  onlyMedia: boolean;
}

export async function accountTimelineIds(db: Db, q: AccountTimelineQuery, page: IdPage): Promise<string[]> {
  let query = db.selectFrom('statuses as s').select('s.id').where('s.account_id', '=', q.accountId);
  const viewerId = q.mentionedViewerId;
  query = query.where((eb) => {
    const allowed = eb('s.visibility', 'in', q.visibilities);
    if (!viewerId) return allowed;
    return eb.or([allowed, eb.exists(eb.selectFrom('mentions as m').select('m.status_id').whereRef('m.status_id', '=', 's.id').where('m.account_id', '=', viewerId))]);
  });
  // Held posts show on their author's own profile only.
  if (q.mentionedViewerId !== null || !q.visibilities.includes('direct')) query = query.where('s.held_at', 'is', null);
  if (q.excludeReplies) query = query.where((eb) => eb.or([eb('s.in_reply_to_id', 'is', null), eb('s.in_reply_to_account_id', '=', q.accountId)]));
  if (q.excludeReblogs) query = query.where('s.reblog_of_id', 'is', null);
  if (q.onlyMedia) query = query.where('s.reblog_of_id', 'is', null).where(hasMedia);
  if (q.pinnedOnly) query = query.where((eb) => eb.exists(eb.selectFrom('status_pins as p').select('p.id').whereRef('p.status_id', '=', 's.id').where('p.account_id', '=', q.accountId)));
  if (q.tagged) {
    const name = q.tagged;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('status_tags as st').innerJoin('tags as t', 't.id', 'st.tag_id').select('st.tag_id').whereRef('st.status_id', '=', 's.id').where('t.name', '=', name)),
    );
  }
  return (await pageBy(query, 's.id', page)).map((r) => r.id);
}
