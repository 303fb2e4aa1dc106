// Favourites, bookmarks and pins share one shape: (id, account_id, status_id, created_at).
import type { Executor } from '../../jobs/queue.ts';

export type MarkTable = 'favourites' | 'bookmarks' | 'status_pins';

export interface MarkRow {
  id: string;
  account_id: string;
  status_id: string;
  created_at: string;
}

export async function findMark(db: Executor, table: MarkTable, accountId: string, statusId: string): Promise<MarkRow | undefined> {
  return db.selectFrom(table).selectAll().where('account_id', '=', accountId).where('status_id', '=', statusId).executeTakeFirst();
}

/** Inserts the mark unless it exists; true when a row was added. */
export async function addMark(db: Executor, table: MarkTable, row: MarkRow): Promise<boolean> {
  const res = await db
    .insertInto(table)
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** True when a row was removed. */
export async function removeMark(db: Executor, table: MarkTable, accountId: string, statusId: string): Promise<boolean> {
  const res = await db.deleteFrom(table).where('account_id', '=', accountId).where('status_id', '=', statusId).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Of `statusIds`, those the account marked. */
export async function markedAmong(db: Executor, table: MarkTable, accountId: string, statusIds: readonly string[]): Promise<Set<string>> {
  if (statusIds.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('status_id').where('account_id', '=', accountId).where('status_id', 'in', [...new Set(statusIds)]).execute();
  return new Set(rows.map((r) => r.status_id));
}

export async function countMarks(db: Executor, table: MarkTable, accountId: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
  return Number(r.n);
}

interface PageArgs {
  maxId?: string;
  sinceId?: string;
  minId?: string;
  limit: number;
}

/** Marks newest first, paged by the mark's own id; filtered by account or by status. */
export async function markPage(db: Executor, table: MarkTable, by: { accountId: string } | { statusId: string }, page: PageArgs): Promise<MarkRow[]> {
  let q = db.selectFrom(table).selectAll();
  q = 'accountId' in by ? q.where('account_id', '=', by.accountId) : q.where('status_id', '=', by.statusId);
  if (page.maxId) q = q.where('id', '<', page.maxId);
  if (page.sinceId) q = q.where('id', '>', page.sinceId);
  if (page.minId) return (await q.where('id', '>', page.minId).orderBy('id', 'asc').limit(page.limit).execute()).reverse();
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}
