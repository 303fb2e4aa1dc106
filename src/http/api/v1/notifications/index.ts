// GET /api/v1/notifications, GET /:id, POST /:id/dismiss, POST /clear, GET /unread_count
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zInt } from '../../../validation.ts';
import { deleteNotifications, findNotification, notificationsPage } from '../../../../db/repos/notifications.ts';
import { notFound } from '../../../../domain/errors.ts';
import { isId } from '../../../../domain/ids.ts';
import { notificationFilter, renderNotifications, unreadNotificationCount } from '../../../../services/notifications/read-notifications.ts';
import { filterNotifications, loadActiveFilters } from '../../../../services/filters/apply-filters.ts';
import { filterInput, NotificationQuery } from './params.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:notifications' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:notifications' } } } as const;

export const notificationsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/notifications', read, async (request, reply) => {
    const viewer = currentAccount(request);
    const q = parseInput(NotificationQuery, request.query);
    const page = parsePage(request.query, { limit: 40, max: 80 });
    const filter = { ...(await notificationFilter(ctx, viewer, filterInput(q))), includeFiltered: q.include_filtered === true };
    const rows = await notificationsPage(ctx.db, viewer.id, filter, page);
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return filterNotifications(await renderNotifications(ctx, viewer, rows), await loadActiveFilters(ctx, viewer.id));
  });

  app.get('/api/v1/notifications/unread_count', read, async (request) => {
    const viewer = currentAccount(request);
    const q = parseInput(NotificationQuery.extend({ limit: zInt(1, 1000).optional() }), request.query);
    return { count: await unreadNotificationCount(ctx, viewer, await notificationFilter(ctx, viewer, filterInput(q)), q.limit ?? 100) };
  });

  app.post('/api/v1/notifications/clear', write, async (request) => {
    await deleteNotifications(ctx.db, currentAccount(request).id);
    return {};
  });

  app.get<{ Params: { id: string } }>('/api/v1/notifications/:id', read, async (request) => {
    const viewer = currentAccount(request);
    const row = isId(request.params.id) ? await findNotification(ctx.db, viewer.id, request.params.id) : undefined;
    const [json] = row ? filterNotifications(await renderNotifications(ctx, viewer, [row]), await loadActiveFilters(ctx, viewer.id)) : [];
    if (!json) throw notFound();
    return json;
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/:id/dismiss', write, async (request) => {
    const viewer = currentAccount(request);
    const row = isId(request.params.id) ? await findNotification(ctx.db, viewer.id, request.params.id) : undefined;
    if (!row) throw notFound();
    await deleteNotifications(ctx.db, viewer.id, [row.id]);
    return {};
  });
};

// Older clients dismiss with POST /api/v1/notifications/dismiss?id=.
export const legacyDismissRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/notifications/dismiss', write, async (request) => {
    const viewer = currentAccount(request);
    const { id } = parseInput(z.object({ id: z.string() }), paramsOf(request));
    const row = isId(id) ? await findNotification(ctx.db, viewer.id, id) : undefined;
    if (!row) throw notFound();
    await deleteNotifications(ctx.db, viewer.id, [row.id]);
    return {};
  });
};
