// GET /api/v1/mutes: accounts the viewer mutes (expired mutes excluded), newest first.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { mutesPage } from '../../../../db/repos/mutes.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';

export const mutesRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/mutes', { config: { auth: { mode: 'user', scope: 'read:mutes' } } }, async (request, reply) => {
    const rows = await mutesPage(ctx.db, currentAccount(request).id, parsePage(request.query, { limit: 40, max: 80 }), ctx.clock.now().toISOString());
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
};
