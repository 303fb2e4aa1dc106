// GET /api/v1/followed_tags, paginated by the follow row id.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { followedTagsPage } from '../../../../db/repos/tag-follows.ts';
import { renderTags, tagsByIdsInOrder } from '../../../../services/tags/tags.ts';

export const followedTagsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/followed_tags', { config: { auth: { mode: 'user', scope: 'read:follows' } } }, async (request, reply) => {
    const viewer = currentAccount(request);
    const rows = await followedTagsPage(ctx.db, viewer.id, parsePage(request.query, { limit: 100, max: 200 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return renderTags(ctx, await tagsByIdsInOrder(ctx, rows.map((r) => r.tag_id)), viewer);
  });
};
