// GET/POST /api/v1/featured_tags, DELETE /api/v1/featured_tags/:id, GET /api/v1/featured_tags/suggestions
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { featuredTagsJson, featureTag, suggestedTags, unfeatureTag } from '../../../../services/tags/featured-tags.ts';
import { renderTags } from '../../../../services/tags/tags.ts';

const Body = z.object({ name: z.string({ message: "can't be blank" }).min(1, { message: "can't be blank" }).max(100) });

export const featuredTagsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/featured_tags', { config: { auth: { mode: 'user', scope: 'read:accounts' } } }, async (request) => featuredTagsJson(ctx, currentAccount(request)));
  app.get('/api/v1/featured_tags/suggestions', { config: { auth: { mode: 'user', scope: 'read:accounts' } } }, async (request) => {
    const viewer = currentAccount(request);
    return renderTags(ctx, await suggestedTags(ctx, viewer), viewer);
  });
  app.post('/api/v1/featured_tags', { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async (request) =>
    featureTag(ctx, currentAccount(request), parseInput(Body, paramsOf(request)).name),
  );
  app.delete<{ Params: { id: string } }>('/api/v1/featured_tags/:id', { config: { auth: { mode: 'user', scope: 'write:accounts' } } }, async (request) => {
    await unfeatureTag(ctx, currentAccount(request), request.params.id);
    return {};
  });
};
