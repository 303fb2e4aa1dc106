// GET /api/v1/accounts/:id/featured_tags
import type { RouteGroup } from '../../../routes.ts';
import { loadTargetAccount } from '../../../../services/relationships/target.ts';
import { featuredTagsJson } from '../../../../services/tags/featured-tags.ts';

export const accountFeaturedTagsRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id/featured_tags', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request) =>
    featuredTagsJson(ctx, await loadTargetAccount(ctx, request.params.id)),
  );
};
