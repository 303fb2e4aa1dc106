// GET /api/v1/tags/:name, POST /api/v1/tags/:name/follow and /unfollow
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount, viewerOf } from '../../../plugins/auth.ts';
import { getTag, setTagFollow } from '../../../../services/tags/tags.ts';

type WithName = { Params: { name: string } };

export const tagsRoutes: RouteGroup = (app, ctx) => {
  app.get<WithName>('/api/v1/tags/:name', { config: { auth: { mode: 'public' } } }, async (request) => getTag(ctx, request.params.name, viewerOf(request)));
  for (const [action, follow] of [['follow', true], ['unfollow', false]] as const) {
    app.post<WithName>(`/api/v1/tags/:name/${action}`, { config: { auth: { mode: 'user', scope: 'write:follows' } } }, async (request) =>
      setTagFollow(ctx, currentAccount(request), request.params.name, follow),
    );
  }
};
