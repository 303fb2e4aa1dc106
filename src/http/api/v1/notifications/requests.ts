// Notification requests (Mastodon 4.3): GET /api/v1/notifications/requests, GET /:id,
// POST /:id/accept, POST /:id/dismiss, POST /accept and /dismiss (id[]), GET /merged.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput, zArray } from '../../../validation.ts';
import type { AppContext } from '../../../../context.ts';
import { notFound } from '../../../../domain/errors.ts';
import { isId } from '../../../../domain/ids.ts';
import {
  acceptNotificationRequests,
  dismissNotificationRequests,
  findRequests,
  notificationRequestsOf,
  renderNotificationRequests,
} from '../../../../services/notifications/notification-requests.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:notifications' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:notifications' } } } as const;

// Unknown or malformed ids are skipped, as Mastodon skips ids that are not the viewer's.
const BulkBody = z.object({ id: zArray(z.string().max(100), 100).optional() });

async function oneRequest(ctx: AppContext, request: FastifyRequest<{ Params: { id: string } }>) {
  const id = request.params.id;
  const [found] = isId(id) ? await findRequests(ctx, currentAccount(request), [id]) : [];
  if (!found) throw notFound();
  return found;
}

async function bulkRequests(ctx: AppContext, request: FastifyRequest) {
  const ids = (parseInput(BulkBody, paramsOf(request)).id ?? []).filter(isId);
  return findRequests(ctx, currentAccount(request), [...new Set(ids)]);
}

export const notificationRequestsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/notifications/requests', read, async (request, reply) => {
    const viewer = currentAccount(request);
    const rows = await notificationRequestsOf(ctx, viewer, parsePage(request.query, { limit: 40, max: 80 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return renderNotificationRequests(ctx, viewer, rows);
  });

  // Accepting is done before the answer, so the filtered notifications are always merged.
  app.get('/api/v1/notifications/requests/merged', read, async () => ({ merged: true }));

  app.post('/api/v1/notifications/requests/accept', write, async (request) => {
    await acceptNotificationRequests(ctx, currentAccount(request), await bulkRequests(ctx, request));
    return {};
  });

  app.post('/api/v1/notifications/requests/dismiss', write, async (request) => {
    await dismissNotificationRequests(ctx, currentAccount(request), await bulkRequests(ctx, request));
    return {};
  });

  app.get<{ Params: { id: string } }>('/api/v1/notifications/requests/:id', read, async (request) => {
    const [json] = await renderNotificationRequests(ctx, currentAccount(request), [await oneRequest(ctx, request)]);
    if (!json) throw notFound();
    return json;
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/requests/:id/accept', write, async (request) => {
    await acceptNotificationRequests(ctx, currentAccount(request), [await oneRequest(ctx, request)]);
    return {};
  });

  app.post<{ Params: { id: string } }>('/api/v1/notifications/requests/:id/dismiss', write, async (request) => {
    await dismissNotificationRequests(ctx, currentAccount(request), [await oneRequest(ctx, request)]);
    return {};
  });
};
