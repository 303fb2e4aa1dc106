// GET /api/v1/scheduled_statuses, GET/PUT/DELETE /api/v1/scheduled_statuses/:id.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { parseInput } from '../../../validation.ts';
import { scheduledStatusPage } from '../../../../db/repos/scheduled-statuses.ts';
import { renderOneScheduled, renderScheduled } from '../../../../hydration/render-scheduled.ts';
import { cancelScheduledStatus, loadOwnScheduled, rescheduleStatus } from '../../../../services/statuses/scheduled.ts';

const UpdateBody = z.object({ scheduled_at: z.string().min(1).max(100) });

export const scheduledStatusesRoutes: RouteGroup = (app, ctx) => {
  const read = { config: { auth: { mode: 'user', scope: 'read:statuses' } as const } };
  const write = { config: { auth: { mode: 'user', scope: 'write:statuses' } as const } };
  app.get('/api/v1/scheduled_statuses', read, async (request, reply) => {
    const page = parsePage(request.query, { limit: 20, max: 40 });
    const rows = await scheduledStatusPage(ctx.db, currentAccount(request).id, page);
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return renderScheduled(ctx, rows);
  });
  app.get<{ Params: { id: string } }>('/api/v1/scheduled_statuses/:id', read, async (request) => {
    return renderOneScheduled(ctx, await loadOwnScheduled(ctx, currentAccount(request), request.params.id));
  });
  app.put<{ Params: { id: string } }>('/api/v1/scheduled_statuses/:id', write, async (request) => {
    const { scheduled_at } = parseInput(UpdateBody, paramsOf(request));
    return renderOneScheduled(ctx, await rescheduleStatus(ctx, currentAccount(request), request.params.id, scheduled_at));
  });
  app.delete<{ Params: { id: string } }>('/api/v1/scheduled_statuses/:id', write, async (request) => {
    await cancelScheduledStatus(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
