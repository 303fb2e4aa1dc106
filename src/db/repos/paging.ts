// Mastodon's max_id / since_id / min_id window over any id-like, string-sortable column.
import { sql, type SelectQueryBuilder } from 'kysely';

export interface IdPage {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** Rows newest first. min_id pages forward from the cursor (oldest first), then reverses. */
export async function pageBy<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, col: string, page: IdPage): Promise<O[]> {
  const ref = sql.ref(col);
  let q = query;
  if (page.maxId) q = q.where(sql<boolean>`${ref} < ${page.maxId}`);
  if (page.sinceId) q = q.where(sql<boolean>`${ref} > ${page.sinceId}`);
  if (page.minId) {
    const rows = await q.where(sql<boolean>`${ref} > ${page.minId}`).orderBy(ref, 'asc').limit(page.limit).execute();
    return rows.reverse();
  }
  return q.orderBy(ref, 'desc').limit(page.limit).execute();
}
