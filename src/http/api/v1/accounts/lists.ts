// GET /api/v1/accounts/:id/lists: the viewer's lists that contain this account.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { listsContaining } from '../../../../db/repos/lists.ts';
import { serializeList } from '../../../../serializers/list.ts';
import { loadTargetAccount } from '../../../../services/relationships/target.ts';

export const accountListsRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id/lists', { config: { auth: { mode: 'user', scope: 'read:lists' } } }, async (request) => {
    const target = await loadTargetAccount(ctx, request.params.id);
    return (await listsContaining(ctx.db, currentAccount(request).id, target.id)).map(serializeList);
  });
};
