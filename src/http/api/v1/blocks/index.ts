// GET /api/v1/blocks: accounts the viewer blocks, newest first.
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { blocksPage } from '../../../../db/repos/blocks.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';

export const blocksRoutes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/blocks', { config: { auth: { mode: 'user', scope: 'read:blocks' } } }, async (request, reply) => {
    const rows = await blocksPage(ctx.db, currentAccount(request).id, parsePage(request.query, { limit: 40, max: 80 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
};
