// GET /api/v1/follow_requests, POST /api/v1/follow_requests/:account_id/authorize and /reject.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { followPage } from '../../../../db/repos/follows.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';
import { authorizeFollowRequest, rejectFollowRequest } from '../../../../services/relationships/follow-requests.ts';
import { relationshipFor } from '../../../../services/relationships/relationships.ts';

export const followRequestsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/follow_requests', { config: { auth: { mode: 'user', scope: 'read:follows' } } }, async (request, reply) => {
    const rows = await followPage(ctx.db, 'follow_requests', 'followers', currentAccount(request).id, parsePage(request.query, { limit: 40, max: 80 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
  for (const [action, run] of [['authorize', authorizeFollowRequest], ['reject', rejectFollowRequest]] as const) {
    app.post<{ Params: { account_id: string } }>(`/api/v1/follow_requests/:account_id/${action}`, { config: { auth: { mode: 'user', scope: 'write:follows' } } }, async (request) => {
      const owner = currentAccount(request);
      await run(ctx, owner, request.params.account_id);
      return relationshipFor(ctx, owner.id, request.params.account_id);
    });
  }
};
