// Notification requests: the senders whose mentions the recipient's policy filtered. Accepting
// one moves the sender's filtered notifications into the normal list and lets their future ones
// through; dismissing one deletes them.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { blockRelatedIds } from '../../db/repos/blocks.ts';
import { grantNotificationPermissions } from '../../db/repos/notification-policy.ts';
import {
  deleteFilteredNotificationsFrom,
  deleteNotificationRequests,
  findNotificationRequests,
  notificationRequestsPage,
  REQUEST_TYPES,
  unfilterNotificationsFrom,
  upsertNotificationRequest,
  type NotificationRequestWithCount,
} from '../../db/repos/notification-requests.ts';
import type { IdPage } from '../../db/repos/paging.ts';
import type { AccountRow } from '../../db/schema.ts';
import { newId } from '../../domain/ids.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import type { Executor } from '../../jobs/queue.ts';
import { serializeAccount } from '../../serializers/account.ts';
import { serializeNotificationRequest, type NotificationRequestJson } from '../../serializers/notification-request.ts';

/** Called in the transaction that stores a filtered notification. */
export async function recordFilteredNotification(ctx: AppContext, exec: Executor, n: { account_id: string; from_account_id: string; type: string; status_id: string | null }): Promise<void> {
  if (!(REQUEST_TYPES as readonly string[]).includes(n.type)) return;
  const now = ctx.clock.now();
  await upsertNotificationRequest(exec, {
    id: newId(now.getTime()),
    account_id: n.account_id,
    from_account_id: n.from_account_id,
    last_status_id: n.status_id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  });
}

export async function notificationRequestsOf(ctx: AppContext, viewer: AccountRow, page: IdPage): Promise<NotificationRequestWithCount[]> {
  return notificationRequestsPage(ctx.db, viewer.id, await blockRelatedIds(ctx.db, viewer.id), page);
}

export async function findRequests(ctx: AppContext, viewer: AccountRow, ids: string[]): Promise<NotificationRequestWithCount[]> {
  return findNotificationRequests(ctx.db, viewer.id, ids, await blockRelatedIds(ctx.db, viewer.id));
}

export async function acceptNotificationRequests(ctx: AppContext, viewer: AccountRow, requests: NotificationRequestWithCount[]): Promise<void> {
  const senders = requests.map((r) => r.from_account_id);
  await ctx.db.transaction().execute(async (trx) => {
    await grantNotificationPermissions(trx, viewer.id, senders, ctx.clock.now().toISOString());
    await unfilterNotificationsFrom(trx, viewer.id, senders);
    await deleteNotificationRequests(trx, viewer.id, senders);
  });
}

export async function dismissNotificationRequests(ctx: AppContext, viewer: AccountRow, requests: NotificationRequestWithCount[]): Promise<void> {
  const senders = requests.map((r) => r.from_account_id);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteFilteredNotificationsFrom(trx, viewer.id, senders);
    await deleteNotificationRequests(trx, viewer.id, senders);
  });
}

/** Requests as JSON, in order, with their senders and last statuses loaded in bulk. */
export async function renderNotificationRequests(ctx: AppContext, viewer: AccountRow, requests: NotificationRequestWithCount[]): Promise<NotificationRequestJson[]> {
  const accounts = new Map((await findAccountsByIds(ctx.db, requests.map((r) => r.from_account_id))).map((a) => [a.id, serializeAccount(ctx.config, a)]));
  const statusIds = [...new Set(requests.flatMap((r) => (r.last_status_id ? [r.last_status_id] : [])))];
  const statuses = new Map((await renderStatuses(ctx, statusIds, viewer)).map((s) => [s.id, s]));
  return requests.flatMap((r) => {
    const account = accounts.get(r.from_account_id);
    if (!account) return [];
    return [serializeNotificationRequest(r, account, r.last_status_id ? (statuses.get(r.last_status_id) ?? null) : null)];
  });
}
