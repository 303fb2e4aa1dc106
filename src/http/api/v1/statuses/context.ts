// GET /api/v1/statuses/:id/context: ancestors and descendants the viewer may see.
import type { RouteGroup } from '../../../routes.ts';
import { viewerOf } from '../../../plugins/auth.ts';
import { renderStatuses } from '../../../../hydration/render-statuses.ts';
import { threadOf } from '../../../../services/statuses/context.ts';
import { loadVisibleStatus } from '../../../../services/statuses/load-visible-status.ts';

export const statusContextRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/statuses/:id/context', { config: { auth: { mode: 'public', scope: 'read:statuses' } } }, async (request) => {
    const viewer = viewerOf(request);
    const status = await loadVisibleStatus(ctx, request.params.id, viewer);
    const { ancestors, descendants } = await threadOf(ctx, status, viewer);
    const rendered = await renderStatuses(ctx, [...ancestors, ...descendants], viewer, { filterContext: 'thread' });
    const byId = new Map(rendered.map((s) => [s.id, s]));
    const pick = (ids: string[]) => ids.map((i) => byId.get(i)).filter((s) => s !== undefined);
    return { ancestors: pick(ancestors), descendants: pick(descendants) };
  });
};
