// Follows and follow requests (both tables share one shape).
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { FollowsTable } from '../schema.ts';
import type { Selectable } from 'kysely';
import { pageBy, type IdPage } from './paging.ts';

export type FollowRow = Selectable<FollowsTable>;
type FollowTable = 'follows' | 'follow_requests';

export async function findFollowLike(exec: Executor, table: FollowTable, accountId: string, targetId: string): Promise<FollowRow | undefined> {
  return exec.selectFrom(table).selectAll().where('account_id', '=', accountId).where('target_account_id', '=', targetId).executeTakeFirst();
}

/** Inserts unless the pair exists already (a concurrent request); returns whether it inserted. */
export async function insertFollowLike(exec: Executor, table: FollowTable, row: FollowRow): Promise<boolean> {
  const r = await exec.insertInto(table).values(row).onConflict((oc) => oc.columns(['account_id', 'target_account_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function updateFollowOptions(
  exec: Executor,
  table: FollowTable,
  id: string,
  opts: { show_reblogs?: 0 | 1; notify?: 0 | 1; languages?: string | null },
): Promise<void> {
  if (Object.keys(opts).length === 0) return;
  await exec.updateTable(table).set(opts).where('id', '=', id).execute();
}

/** Deletes the row if present; returns whether one was deleted. */
export async function deleteFollowLike(exec: Executor, table: FollowTable, accountId: string, targetId: string): Promise<boolean> {
  const r = await exec.deleteFrom(table).where('account_id', '=', accountId).where('target_account_id', '=', targetId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function adjustFollowCounters(exec: Executor, accountId: string, targetId: string, delta: 1 | -1): Promise<void> {
  // Never below zero, even if counters drifted; CASE works on both dialects.
  await exec.updateTable('accounts').set({ following_count: sql`case when following_count + ${delta} < 0 then 0 else following_count + ${delta} end` }).where('id', '=', accountId).execute();
  await exec.updateTable('accounts').set({ followers_count: sql`case when followers_count + ${delta} < 0 then 0 else followers_count + ${delta} end` }).where('id', '=', targetId).execute();
}

/** Rows of `table` from accountId to any of targetIds. */
export async function followLikesFrom(db: Db, table: FollowTable, accountId: string, targetIds: string[]): Promise<FollowRow[]> {
  if (targetIds.length === 0) return [];
  return db.selectFrom(table).selectAll().where('account_id', '=', accountId).where('target_account_id', 'in', targetIds).execute();
}

/** Rows of `table` from any of accountIds to targetId. */
export async function followLikesTo(db: Db, table: FollowTable, targetId: string, accountIds: string[]): Promise<FollowRow[]> {
  if (accountIds.length === 0) return [];
  return db.selectFrom(table).selectAll().where('target_account_id', '=', targetId).where('account_id', 'in', accountIds).execute();
}

/** Followers (direction 'followers') or followed accounts ('following') of an account, by follow row id. */
export async function followPage(db: Db, table: FollowTable, direction: 'followers' | 'following', accountId: string, page: IdPage): Promise<{ id: string; other: string }[]> {
  const base = db
    .selectFrom(`${table} as f`)
    .innerJoin('accounts as a', 'a.id', direction === 'followers' ? 'f.account_id' : 'f.target_account_id')
    .select(['f.id as id', 'a.id as other'])
    .where(direction === 'followers' ? 'f.target_account_id' : 'f.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .where('a.suspended_at', 'is', null);
  return pageBy(base, 'f.id', page);
}

/** Followers of an account in id order, for fan-out in batches. */
export async function followersBatch(db: Db, targetId: string, afterId: string | null, limit: number): Promise<FollowRow[]> {
  let q = db.selectFrom('follows').selectAll().where('target_account_id', '=', targetId);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** Which of accountIds follow targetId. */
export async function whoFollows(db: Db, targetId: string, accountIds: string[]): Promise<Set<string>> {
  const rows = await followLikesTo(db, 'follows', targetId, accountIds);
  return new Set(rows.map((r) => r.account_id));
}

/** Accounts the viewer follows that also follow each target. */
export async function familiarFollowers(db: Db, viewerId: string, targetIds: string[]): Promise<{ target: string; account: string }[]> {
  if (targetIds.length === 0) return [];
  return db
    .selectFrom('follows as mine')
    .innerJoin('follows as theirs', 'theirs.account_id', 'mine.target_account_id')
    .select(['theirs.target_account_id as target', 'theirs.account_id as account'])
    .where('mine.account_id', '=', viewerId)
    .where('theirs.target_account_id', 'in', targetIds)
    .execute();
}

export async function countFollowRequests(db: Db, targetId: string): Promise<number> {
  const r = await db.selectFrom('follow_requests').select((eb) => eb.fn.countAll<number>().as('n')).where('target_account_id', '=', targetId).executeTakeFirstOrThrow();
  return Number(r.n);
}
