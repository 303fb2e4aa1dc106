// The grouped notifications API (Mastodon 4.3+): GET /api/v2/notifications, GET /:group_key,
// POST /:group_key/dismiss, GET /:group_key/accounts, GET /unread_count.
import type { FastifyRequest } from 'fastify';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parsePage, setLinkHeader } from '../../../pagination.ts';
import { parseInput, zInt } from '../../../validation.ts';
import { deleteNotifications, findNotification, notificationsInGroup } from '../../../../db/repos/notifications.ts';
import type { NotificationRow } from '../../../../db/schema.ts';
import { notFound } from '../../../../domain/errors.ts';
import { GROUPABLE_TYPES, groupKeyOf, parseGroupKey } from '../../../../serializers/notification.ts';
import type { AppContext } from '../../../../context.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';
import { groupedNotifications, notificationFilter, renderGroups } from '../../../../services/notifications/read-notifications.ts';
import { filterInput, NotificationQuery } from '../../v1/notifications/params.ts';
import { markersOf } from '../../../../db/repos/markers.ts';
import { filterGroupedNotifications, loadActiveFilters } from '../../../../services/filters/apply-filters.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:notifications' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:notifications' } } } as const;

async function groupRows(ctx: AppContext, request: FastifyRequest<{ Params: { group_key: string } }>, limit: number): Promise<NotificationRow[]> {
  const viewer = currentAccount(request);
  const parsed = parseGroupKey(request.params.group_key);
  if (!parsed) throw notFound();
  if (parsed.kind === 'single') {
    const row = await findNotification(ctx.db, viewer.id, parsed.id);
    return row ? [row] : [];
  }
  return notificationsInGroup(ctx.db, viewer.id, parsed, await notificationFilter(ctx, viewer, {}), limit);
}

export const notificationsV2Routes: RouteGroup = (app, ctx) => {
  app.get('/api/v2/notifications', read, async (request, reply) => {
    const viewer = currentAccount(request);
    const q = parseInput(NotificationQuery, request.query);
    const page = parsePage(request.query, { limit: 40, max: 80 });
    const filter = { ...(await notificationFilter(ctx, viewer, filterInput(q))), includeFiltered: q.include_filtered === true };
    const { body, minId, maxId } = await groupedNotifications(ctx, viewer, filter, q.grouped_types ?? [...GROUPABLE_TYPES], page);
    setLinkHeader(request, reply, ctx.config, { next: minId, prev: maxId });
    // Groups about statuses the viewer's hide filters match are left out (the page may be shorter).
    return filterGroupedNotifications(body, await loadActiveFilters(ctx, viewer.id));
  });

  app.get('/api/v2/notifications/unread_count', read, async (request) => {
    const viewer = currentAccount(request);
    const q = parseInput(NotificationQuery.extend({ limit: zInt(1, 1000).optional() }), request.query);
    const [marker] = await markersOf(ctx.db, viewer.id, ['notifications']);
    const filter = await notificationFilter(ctx, viewer, filterInput(q));
    const cap = q.limit ?? 100;
    const { body } = await groupedNotifications(ctx, viewer, filter, q.grouped_types ?? [...GROUPABLE_TYPES], { limit: cap, sinceId: marker?.last_read_id });
    return { count: filterGroupedNotifications(body, await loadActiveFilters(ctx, viewer.id)).notification_groups.length };
  });

  app.get<{ Params: { group_key: string } }>('/api/v2/notifications/:group_key', read, async (request) => {
    const viewer = currentAccount(request);
    const rows = await groupRows(ctx, request, 40);
    if (rows.length === 0) throw notFound();
    const rendered = await renderGroups(ctx, viewer, await notificationFilter(ctx, viewer, {}), [[groupKeyOf(rows[0]!), rows]]);
    const body = filterGroupedNotifications(rendered, await loadActiveFilters(ctx, viewer.id));
    if (body.notification_groups.length === 0) throw notFound();
    return body;
  });

  app.get<{ Params: { group_key: string } }>('/api/v2/notifications/:group_key/accounts', read, async (request) => {
    const rows = await groupRows(ctx, request, 80);
    if (rows.length === 0) throw notFound();
    return accountsInOrder(ctx, [...new Set(rows.map((r) => r.from_account_id))]);
  });

  app.post<{ Params: { group_key: string } }>('/api/v2/notifications/:group_key/dismiss', write, async (request) => {
    const rows = await groupRows(ctx, request, 10_000);
    if (rows.length === 0) throw notFound();
    await deleteNotifications(ctx.db, currentAccount(request).id, rows.map((r) => r.id));
    return {};
  });
};
