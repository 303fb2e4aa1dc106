// GET /api/v1/favourites: the viewer's favourited statuses, paged by the favourite ids.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { parsePage, setLinkHeader } from '../../../pagination.ts';
import { markPage } from '../../../../db/repos/status-marks.ts';
import { renderStatuses } from '../../../../hydration/render-statuses.ts';

export const favouritesRoutes: RouteGroup = (app, ctx) => {
  for (const [path, table, scope] of [
    ['/api/v1/favourites', 'favourites', 'read:favourites'],
    ['/api/v1/bookmarks', 'bookmarks', 'read:bookmarks'],
  ] as const) {
    app.get(path, { config: { auth: { mode: 'user', scope } } }, async (request, reply) => {
      const viewer = currentAccount(request);
      const page = parsePage(request.query, { limit: 20, max: 40 });
      const marks = await markPage(ctx.db, table, { accountId: viewer.id }, page);
      setLinkHeader(request, reply, ctx.config, { next: marks.at(-1)?.id, prev: marks[0]?.id });
      return renderStatuses(ctx, marks.map((m) => m.status_id), viewer);
    });
  }
};
