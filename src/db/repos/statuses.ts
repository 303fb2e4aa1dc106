// Statuses and the rows that hang off them (mentions, search text). All status SQL lives here
// and in the small repos beside it (favourites, bookmarks, pins, polls, tags, status-edits).
import { sql } from 'kysely';
import type { Db } from '../client.ts';
import type { Dialect } from '../dialect.ts';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountRow, NewStatus, StatusRow, StatusUpdate } from '../schema.ts';

export async function findStatusesByIds(db: Executor, ids: readonly string[]): Promise<StatusRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('statuses').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function findStatusById(db: Executor, id: string): Promise<StatusRow | undefined> {
  return db.selectFrom('statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertStatus(exec: Executor, row: NewStatus): Promise<void> {
  await exec.insertInto('statuses').values(row).execute();
}

export async function updateStatus(exec: Executor, id: string, set: StatusUpdate): Promise<void> {
  await exec.updateTable('statuses').set(set).where('id', '=', id).execute();
}

type Counter = 'replies_count' | 'reblogs_count' | 'favourites_count' | 'quotes_count';

/** Adds `delta` to a counter, never below zero. */
export async function bumpStatusCounter(exec: Executor, id: string, counter: Counter, delta: number): Promise<void> {
  await exec
    .updateTable('statuses')
    .set({ [counter]: sql`case when ${sql.ref(counter)} + ${delta} < 0 then 0 else ${sql.ref(counter)} + ${delta} end` })
    .where('id', '=', id)
    .execute();
}

export async function bumpAccountStatusesCount(exec: Executor, accountId: string, delta: number, lastStatusAt?: string): Promise<void> {
  await exec
    .updateTable('accounts')
    .set({
      statuses_count: sql`case when statuses_count + ${delta} < 0 then 0 else statuses_count + ${delta} end`,
      ...(lastStatusAt ? { last_status_at: lastStatusAt } : {}),
    })
    .where('id', '=', accountId)
    .execute();
}

export async function insertMentions(exec: Executor, statusId: string, accountIds: readonly string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await exec.insertInto('mentions').values([...new Set(accountIds)].map((account_id) => ({ status_id: statusId, account_id, silent: 0 as const }))).execute();
}

export async function deleteMentions(exec: Executor, statusId: string): Promise<void> {
  await exec.deleteFrom('mentions').where('status_id', '=', statusId).execute();
}

export interface MentionedAccount {
  status_id: string;
  account: Pick<AccountRow, 'id' | 'username' | 'domain'>;
}

export async function mentionsOfStatuses(db: Executor, statusIds: readonly string[]): Promise<MentionedAccount[]> {
  if (statusIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentions')
    .innerJoin('accounts', 'accounts.id', 'mentions.account_id')
    .select(['mentions.status_id', 'accounts.id', 'accounts.username', 'accounts.domain'])
    .where('mentions.status_id', 'in', [...new Set(statusIds)])
    .orderBy('mentions.status_id')
    .orderBy('accounts.username_lower')
    .execute();
  return rows.map((r) => ({ status_id: r.status_id, account: { id: r.id, username: r.username, domain: r.domain } }));
}

export async function mentionedAccountIds(db: Executor, statusId: string): Promise<string[]> {
  const rows = await db.selectFrom('mentions').select('account_id').where('status_id', '=', statusId).execute();
  return rows.map((r) => r.account_id);
}

/** The viewer's reblog of a status, if any. */
export async function findReblog(db: Executor, accountId: string, statusId: string): Promise<StatusRow | undefined> {
  return db.selectFrom('statuses').selectAll().where('reblog_of_id', '=', statusId).where('account_id', '=', accountId).executeTakeFirst();
}

export async function reblogsOf(db: Executor, statusId: string): Promise<StatusRow[]> {
  return db.selectFrom('statuses').selectAll().where('reblog_of_id', '=', statusId).execute();
}

/** Of `statusIds`, those the account reblogged. */
export async function rebloggedAmong(db: Executor, accountId: string, statusIds: readonly string[]): Promise<Set<string>> {
  if (statusIds.length === 0) return new Set();
  const rows = await db.selectFrom('statuses').select('reblog_of_id').where('account_id', '=', accountId).where('reblog_of_id', 'in', [...new Set(statusIds)]).execute();
  return new Set(rows.map((r) => r.reblog_of_id!));
}

/** A page of reblogs of a status (newest first), for reblogged_by. */
export async function reblogPage(db: Executor, statusId: string, page: { maxId?: string; sinceId?: string; minId?: string; limit: number }): Promise<{ id: string; account_id: string }[]> {
  let q = db.selectFrom('statuses').select(['id', 'account_id']).where('reblog_of_id', '=', statusId);
  if (page.maxId) q = q.where('id', '<', page.maxId);
  if (page.sinceId) q = q.where('id', '>', page.sinceId);
  if (page.minId) return (await q.where('id', '>', page.minId).orderBy('id', 'asc').limit(page.limit).execute()).reverse();
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

/** Every status of a conversation (thread), oldest first, bounded. */
export async function statusesInConversation(db: Executor, conversationId: string, limit: number): Promise<StatusRow[]> {
  return db.selectFrom('statuses').selectAll().where('conversation_id', '=', conversationId).where('reblog_of_id', 'is', null).orderBy('id').limit(limit).execute();
}

/** Statuses quoting `statusId`, newest first. */
export async function quotesPage(db: Executor, statusId: string, page: { maxId?: string; sinceId?: string; minId?: string; limit: number }): Promise<string[]> {
  let q = db.selectFrom('statuses').select('id').where('quote_of_id', '=', statusId).where('quote_state', '=', 'accepted');
  if (page.maxId) q = q.where('id', '<', page.maxId);
  if (page.sinceId) q = q.where('id', '>', page.sinceId);
  if (page.minId) return (await q.where('id', '>', page.minId).orderBy('id', 'asc').limit(page.limit).execute()).reverse().map((r) => r.id);
  return (await q.orderBy('id', 'desc').limit(page.limit).execute()).map((r) => r.id);
}

export async function quotersOf(db: Executor, statusId: string): Promise<StatusRow[]> {
  return db.selectFrom('statuses').selectAll().where('quote_of_id', '=', statusId).execute();
}

/** FTS5 tables cannot upsert: delete, then insert (the same on PostgreSQL, for one code path). */
export async function writeSearchDocument(exec: Executor, doc: { status_id: string; account_id: string; body: string }): Promise<void> {
  await deleteSearchDocument(exec, doc.status_id);
  await exec.insertInto('search_documents').values(doc).execute();
}

export async function deleteSearchDocument(exec: Executor, statusId: string): Promise<void> {
  await exec.deleteFrom('search_documents').where('status_id', '=', statusId).execute();
}

/**
 * Removes a status and everything that refers to it. Foreign keys cascade most children; the
 * rows without a foreign key (search text on SQLite, polls' votes via polls) are removed here.
 */
export async function hardDeleteStatus(exec: Executor, _dialect: Dialect, statusId: string): Promise<void> {
  await deleteSearchDocument(exec, statusId);
  const polls = await exec.selectFrom('polls').select('id').where('status_id', '=', statusId).execute();
  if (polls.length) await exec.deleteFrom('poll_votes').where('poll_id', 'in', polls.map((p) => p.id)).execute();
  for (const table of ['polls', 'status_edits', 'mentions', 'status_tags', 'favourites', 'bookmarks', 'status_pins', 'notifications', 'feed_entries', 'idempotency_keys'] as const) {
    await exec.deleteFrom(table).where('status_id', '=', statusId).execute();
  }
  // Trend scores and moderators' trend decisions name the post by id: gone with it.
  await exec.deleteFrom('trends').where('kind', '=', 'status').where('target_id', '=', statusId).execute();
  await exec.deleteFrom('trend_reviews').where('kind', '=', 'status').where('target_id', '=', statusId).execute();
  await exec.deleteFrom('statuses').where('id', '=', statusId).execute();
}

/** Accounts whose home feeds or conversations hold a status: the audience of its deletion. */
/** Who was shown a status (home feeds, conversations) and which lists held it: captured before deletion. */
export async function feedAudience(db: Executor, statusId: string): Promise<{ accountIds: string[]; listIds: string[] }> {
  const feeds = await db.selectFrom('feed_entries').select('feed').where('status_id', '=', statusId).execute();
  const convs = await db.selectFrom('conversations').select('account_id').where('last_status_id', '=', statusId).execute();
  const accountIds = new Set<string>();
  const listIds = new Set<string>();
  for (const f of feeds) {
    if (f.feed.startsWith('home:')) accountIds.add(f.feed.slice(5));
    else if (f.feed.startsWith('list:')) listIds.add(f.feed.slice(5));
  }
  for (const c of convs) accountIds.add(c.account_id);
  return { accountIds: [...accountIds], listIds: [...listIds] };
}

export type { Db };

/** Name and website of the applications that posted statuses. */
export async function appsByIds(db: Executor, ids: readonly string[]): Promise<{ id: string; name: string; website: string | null }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('apps').select(['id', 'name', 'website']).where('id', 'in', [...new Set(ids)]).execute();
}

/** Accounts (including suspended ones: visibility decides about those) by id. */
export async function statusAuthors(db: Executor, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}
