// The moderators' decisions on what may trend (trend_reviews). The scored candidates they
// review are in repos/trends.ts.
import type { Executor } from '../../jobs/queue.ts';
import type { TrendReviewsTable } from '../schema.ts';

export type TrendKind = 'tag' | 'status' | 'link';

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
