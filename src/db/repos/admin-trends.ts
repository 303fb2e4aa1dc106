// What the trends review works on: the tags and posts people used or shared lately, with the
// moderators' decisions about them.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import { idFloorForTime } from '../../domain/ids.ts';
import type { TrendReviewsTable } from '../schema.ts';

export type TrendKind = 'tag' | 'status' | 'link';

/** Tags used since a time, the most distinct accounts first. */
export async function recentlyUsedTagIds(db: Executor, sinceMs: number, limit: number, offset: number): Promise<string[]> {
  const { rows } = await sql<{ tag_id: string }>`
    select st.tag_id from status_tags st join statuses s on s.id = st.status_id
    where s.id >= ${idFloorForTime(sinceMs)} and s.visibility = 'public'
    group by st.tag_id order by count(distinct s.account_id) desc, count(*) desc, st.tag_id
    limit ${limit} offset ${offset}`.execute(db);
  return rows.map((r) => r.tag_id);
}

/** Public original posts since a time that people favourited or boosted, the most first. */
export async function recentlySharedStatusIds(db: Executor, sinceMs: number, limit: number, offset: number): Promise<string[]> {
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('id', '>=', idFloorForTime(sinceMs))
    .where('visibility', '=', 'public')
    .where('reblog_of_id', 'is', null)
    .where('in_reply_to_id', 'is', null)
    .where((eb) => eb(eb('favourites_count', '+', eb.ref('reblogs_count')), '>', 0))
    .orderBy((eb) => eb('favourites_count', '+', eb.ref('reblogs_count')), 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => r.id);
}

export async function reviewsOf(db: Executor, kind: TrendKind, ids: string[]): Promise<Map<string, boolean>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('trend_reviews').select(['target_id', 'trendable']).where('kind', '=', kind).where('target_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.target_id, r.trendable === 1]));
}

export async function saveReview(db: Executor, row: TrendReviewsTable): Promise<void> {
  await db
    .insertInto('trend_reviews')
    .values(row)
    .onConflict((oc) => oc.columns(['kind', 'target_id']).doUpdateSet({ trendable: row.trendable, account_id: row.account_id, reviewed_at: row.reviewed_at }))
    .execute();
}
