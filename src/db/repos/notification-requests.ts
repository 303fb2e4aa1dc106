// Notification requests: one per (recipient, sender) of filtered mentions and quotes. How many
// notifications a request holds is counted live from the filtered notifications, so deleting
// notifications (a deleted status, POST /notifications/clear) needs no bookkeeping here; a
// request holding none is not shown.
import type { ExpressionBuilder } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { Database, NotificationRequestRow } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

/** The types a request is opened for and counts (Mastodon's: messages, not favourites or follows). */
export const REQUEST_TYPES = ['mention', 'quote'] as const;

export interface NotificationRequestWithCount extends NotificationRequestRow {
  notifications_count: number;
}

type RequestScope = ExpressionBuilder<Database & { r: Database['notification_requests'] }, 'r'>;

const heldNotifications = (eb: RequestScope) =>
  eb
    .selectFrom('notifications as n')
    .whereRef('n.account_id', '=', 'r.account_id')
    .whereRef('n.from_account_id', '=', 'r.from_account_id')
    .where('n.filtered', '=', 1)
    .where('n.type', 'in', REQUEST_TYPES);

function visibleRequests(db: Db, accountId: string, hiddenFrom: string[]) {
  let q = db
    .selectFrom('notification_requests as r')
    .innerJoin('accounts as a', 'a.id', 'r.from_account_id')
    .where('r.account_id', '=', accountId)
    .where('a.deleted_at', 'is', null)
    .where('a.suspended_at', 'is', null)
    .where((eb) => eb.exists(heldNotifications(eb).select('n.id')));
  if (hiddenFrom.length > 0) q = q.where('r.from_account_id', 'not in', hiddenFrom);
  return q
    .selectAll('r')
    .select((eb) => heldNotifications(eb).select((e) => e.fn.countAll<number | string>().as('c')).as('notifications_count'));
}

const withNumber = (rows: (NotificationRequestRow & { notifications_count: number | string | null })[]): NotificationRequestWithCount[] =>
  rows.map((r) => ({ ...r, notifications_count: Number(r.notifications_count ?? 0) }));

export async function notificationRequestsPage(db: Db, accountId: string, hiddenFrom: string[], page: IdPage): Promise<NotificationRequestWithCount[]> {
  return withNumber(await pageBy(visibleRequests(db, accountId, hiddenFrom), 'r.id', page));
}

export async function findNotificationRequests(db: Db, accountId: string, ids: string[], hiddenFrom: string[]): Promise<NotificationRequestWithCount[]> {
  if (ids.length === 0) return [];
  return withNumber(await visibleRequests(db, accountId, hiddenFrom).where('r.id', 'in', ids).execute());
}

/** Pending requests and the notifications they hold, each counted up to `cap` like Mastodon. */
export async function pendingRequestsSummary(db: Db, accountId: string, hiddenFrom: string[], cap: number): Promise<{ requests: number; notifications: number }> {
  const rows = await visibleRequests(db, accountId, hiddenFrom).orderBy('r.id', 'desc').limit(cap).execute();
  return { requests: rows.length, notifications: rows.reduce((sum, r) => sum + Number(r.notifications_count ?? 0), 0) };
}

/** Opens the sender's request, or moves it up with the newest filtered status. */
export async function upsertNotificationRequest(exec: Executor, row: NotificationRequestRow): Promise<void> {
  await exec
    .insertInto('notification_requests')
    .values(row)
    .onConflict((oc) => oc.columns(['account_id', 'from_account_id']).doUpdateSet({ last_status_id: row.last_status_id, updated_at: row.updated_at }))
    .execute();
}

export async function deleteNotificationRequests(exec: Executor, accountId: string, fromAccountIds: string[]): Promise<void> {
  if (fromAccountIds.length === 0) return;
  await exec.deleteFrom('notification_requests').where('account_id', '=', accountId).where('from_account_id', 'in', fromAccountIds).execute();
}

/** Moves the senders' filtered notifications into the normal list. */
export async function unfilterNotificationsFrom(exec: Executor, accountId: string, fromAccountIds: string[]): Promise<void> {
  if (fromAccountIds.length === 0) return;
  await exec.updateTable('notifications').set({ filtered: 0 }).where('account_id', '=', accountId).where('from_account_id', 'in', fromAccountIds).where('filtered', '=', 1).execute();
}

export async function deleteFilteredNotificationsFrom(exec: Executor, accountId: string, fromAccountIds: string[]): Promise<void> {
  if (fromAccountIds.length === 0) return;
  await exec.deleteFrom('notifications').where('account_id', '=', accountId).where('from_account_id', 'in', fromAccountIds).where('filtered', '=', 1).execute();
}
