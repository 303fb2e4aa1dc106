// Notifications of one recipient.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { NotificationRow } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

/** `filtered` (1: held back by the recipient's notification policy) defaults to 0. */
export async function insertNotification(exec: Executor, row: NotificationRow & { filtered?: 0 | 1 }): Promise<void> {
  await exec.insertInto('notifications').values(row).execute();
}

export async function findSameNotification(db: Db, n: { account_id: string; from_account_id: string; type: string; status_id: string | null }): Promise<NotificationRow | undefined> {
  let q = db.selectFrom('notifications').selectAll().where('account_id', '=', n.account_id).where('from_account_id', '=', n.from_account_id).where('type', '=', n.type);
  q = n.status_id === null ? q.where('status_id', 'is', null) : q.where('status_id', '=', n.status_id);
  return q.executeTakeFirst();
}

export async function findNotification(db: Db, accountId: string, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom('notifications').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
}

export async function findNotificationsByIds(db: Db, ids: string[]): Promise<NotificationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('notifications').selectAll().where('id', 'in', ids).execute();
}

export interface NotificationFilter {
  types?: string[];
  excludeTypes?: string[];
  fromAccountId?: string;
  /** Accounts whose notifications are hidden (blocked, muted with notifications). */
  hiddenFrom?: string[];
  /** Also the notifications the recipient's policy filtered (`include_filtered=true`). */
  includeFiltered?: boolean;
}

function filtered(db: Db, accountId: string, f: NotificationFilter) {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.from_account_id')
    .selectAll('n')
    .where('n.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .where('a.suspended_at', 'is', null);
  if (f.types && f.types.length > 0) q = q.where('n.type', 'in', f.types);
  if (f.excludeTypes && f.excludeTypes.length > 0) q = q.where('n.type', 'not in', f.excludeTypes);
  if (f.fromAccountId) q = q.where('n.from_account_id', '=', f.fromAccountId);
  if (f.hiddenFrom && f.hiddenFrom.length > 0) q = q.where('n.from_account_id', 'not in', f.hiddenFrom);
  if (!f.includeFiltered) q = q.where('n.filtered', '=', 0);
  return q;
}

export async function notificationsPage(db: Db, accountId: string, f: NotificationFilter, page: IdPage): Promise<NotificationRow[]> {
  return pageBy(filtered(db, accountId, f), 'n.id', page);
}

export async function countNotificationsAfter(db: Db, accountId: string, f: NotificationFilter, afterId: string | null, cap: number): Promise<number> {
  let q = filtered(db, accountId, f);
  if (afterId) q = q.where('n.id', '>', afterId);
  const rows = await q.clearSelect().select('n.id').limit(cap).execute();
  return rows.length;
}

export async function deleteNotifications(db: Db, accountId: string, ids?: string[]): Promise<void> {
  let q = db.deleteFrom('notifications').where('account_id', '=', accountId);
  if (ids) {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}

export async function statusExists(db: Db, statusId: string): Promise<boolean> {
  return (await db.selectFrom('statuses').select('id').where('id', '=', statusId).executeTakeFirst()) !== undefined;
}

/** Notifications of a time-bucketed group (see serializers/notification.ts groupKeyOf). */
export async function notificationsInGroup(
  db: Db,
  accountId: string,
  g: { type: string; statusId: string | null; from: string; to: string },
  f: NotificationFilter,
  limit: number,
): Promise<NotificationRow[]> {
  let q = filtered(db, accountId, f).where('n.type', '=', g.type).where('n.created_at', '>=', g.from).where('n.created_at', '<', g.to);
  q = g.statusId === null ? q.where('n.status_id', 'is', null) : q.where('n.status_id', '=', g.statusId);
  return q.orderBy('n.id', 'desc').limit(limit).execute();
}

export async function countNotificationsInGroup(db: Db, accountId: string, g: { type: string; statusId: string | null; from: string; to: string }, f: NotificationFilter): Promise<number> {
  let q = filtered(db, accountId, f).where('n.type', '=', g.type).where('n.created_at', '>=', g.from).where('n.created_at', '<', g.to);
  q = g.statusId === null ? q.where('n.status_id', 'is', null) : q.where('n.status_id', '=', g.statusId);
  const r = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}
