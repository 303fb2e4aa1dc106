// GET /api/v1/instance/activity: weekly counts for the last twelve weeks.
import type { RouteGroup } from '../../../routes.ts';
import { weeklyActivity } from '../../../../services/instance/weekly-activity.ts';

export const instanceActivityRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/instance/activity', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600');
    return weeklyActivity(ctx);
  });
};
