// GET /api/v1/endorsements: the accounts the viewer features.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { endorsementsPage } from '../../../../db/repos/account-pins.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';

export const endorsementsRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/endorsements', { config: { auth: { mode: 'user', scope: 'read:accounts' } } }, async (request, reply) => {
    const rows = await endorsementsPage(ctx.db, currentAccount(request).id, parsePage(request.query, { limit: 40, max: 80 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
};
