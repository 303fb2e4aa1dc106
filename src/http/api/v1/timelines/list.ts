// GET /api/v1/timelines/list/:list_id
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parsePage } from '../../../pagination.ts';
import { listTimelineIds } from '../../../../services/timelines/timelines.ts';
import { respondWithStatuses } from './respond.ts';

export const listTimelineRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { list_id: string } }>('/api/v1/timelines/list/:list_id', { config: { auth: { mode: 'user', scope: 'read:lists' } } }, async (request, reply) => {
    const viewer = currentAccount(request);
    const ids = await listTimelineIds(ctx, viewer, request.params.list_id, parsePage(request.query));
    return respondWithStatuses(ctx, request, reply, ids, viewer);
  });
};
