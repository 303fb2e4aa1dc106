// GET /api/v1/timelines/home
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parsePage } from '../../../pagination.ts';
import { homeTimelineIds } from '../../../../services/timelines/timelines.ts';
import { respondWithStatuses } from './respond.ts';

export const homeTimelineRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/timelines/home', { config: { auth: { mode: 'user', scope: 'read:statuses' } } }, async (request, reply) => {
    const viewer = currentAccount(request);
    const ids = await homeTimelineIds(ctx, viewer, parsePage(request.query));
    return respondWithStatuses(ctx, request, reply, ids, viewer);
  });
};
