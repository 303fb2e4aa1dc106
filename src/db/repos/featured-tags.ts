// Hashtags featured on a profile, and the tag reads the tag endpoints need.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';

export interface TagRowLite {
  id: string;
  name: string;
  display_name: string;
  last_status_at: string | null;
}

export async function findTagByName(db: Db, name: string): Promise<TagRowLite | undefined> {
  return db.selectFrom('tags').select(['id', 'name', 'display_name', 'last_status_at']).where('name', '=', name).executeTakeFirst();
}

export async function findTagsByIds(db: Db, ids: string[]): Promise<TagRowLite[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('tags').select(['id', 'name', 'display_name', 'last_status_at']).where('id', 'in', ids).execute();
}

/** Creates the tag if needed (following or featuring a tag nobody used yet is allowed). */
export async function ensureTag(exec: Executor, t: { id: string; name: string; display_name: string; created_at: string }): Promise<string> {
  await exec.insertInto('tags').values({ ...t, last_status_at: null }).onConflict((oc) => oc.column('name').doNothing()).execute();
  const row = await exec.selectFrom('tags').select('id').where('name', '=', t.name).executeTakeFirstOrThrow();
  return row.id;
}

/** Uses per day (statuses and distinct accounts) since `since` (a YYYY-MM-DD day), public statuses only. */
export async function tagUsesByDay(db: Db, tagId: string, since: string): Promise<{ day: string; uses: number; accounts: number }[]> {
  const day = sql<string>`substr(s.created_at, 1, 10)`;
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select([day.as('day'), (eb) => eb.fn.countAll<number>().as('uses'), (eb) => eb.fn.count<number>('s.account_id').distinct().as('accounts')])
    .where('st.tag_id', '=', tagId)
    .where('s.visibility', '=', 'public')
    .where('s.created_at', '>=', since)
    .groupBy(day)
    .execute();
  return rows.map((r) => ({ day: r.day, uses: Number(r.uses), accounts: Number(r.accounts) }));
}

export async function featuredTagsOf(db: Db, accountId: string): Promise<{ id: string; tag_id: string; created_at: string }[]> {
  return db.selectFrom('featured_tags').select(['id', 'tag_id', 'created_at']).where('account_id', '=', accountId).orderBy('id').execute();
}

export async function insertFeaturedTag(exec: Executor, row: { id: string; account_id: string; tag_id: string; created_at: string }): Promise<boolean> {
  const r = await exec.insertInto('featured_tags').values(row).onConflict((oc) => oc.columns(['account_id', 'tag_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function deleteFeaturedTag(db: Db, accountId: string, id: string): Promise<boolean> {
  const r = await db.deleteFrom('featured_tags').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function featuredTagIdsAmong(db: Db, accountId: string, tagIds: string[]): Promise<Set<string>> {
  if (tagIds.length === 0) return new Set();
  const rows = await db.selectFrom('featured_tags').select('tag_id').where('account_id', '=', accountId).where('tag_id', 'in', tagIds).execute();
  return new Set(rows.map((r) => r.tag_id));
}

/** An account's statuses count and latest use of a tag (for FeaturedTag). */
export async function tagStatsForAccount(db: Db, accountId: string, tagIds: string[]): Promise<Map<string, { count: number; last: string | null }>> {
  if (tagIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select(['st.tag_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('s.created_at').as('last')])
    .where('s.account_id', '=', accountId)
    .where('s.visibility', 'in', ['public', 'unlisted'])
    .where('st.tag_id', 'in', tagIds)
    .groupBy('st.tag_id')
    .execute();
  return new Map(rows.map((r) => [r.tag_id, { count: Number(r.n), last: (r.last as string | null) ?? null }]));
}

/** The account's most used tags that it does not feature yet. */
export async function suggestedTagIds(db: Db, accountId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('statuses as s', 's.id', 'st.status_id')
    .select(['st.tag_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('s.account_id', '=', accountId)
    .where('st.tag_id', 'not in', (eb) => eb.selectFrom('featured_tags').select('tag_id').where('account_id', '=', accountId))
    .groupBy('st.tag_id')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.tag_id);
}
