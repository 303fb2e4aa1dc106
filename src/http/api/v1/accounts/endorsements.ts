// GET /api/v1/accounts/:id/endorsements: the accounts someone features on their profile.
import type { RouteGroup } from '../../../routes.ts';
import { linkFromIds, parsePage } from '../../../pagination.ts';
import { endorsementsPage } from '../../../../db/repos/account-pins.ts';
import { accountsInOrder } from '../../../../services/relationships/account-list.ts';
import { loadTargetAccount } from '../../../../services/relationships/target.ts';

export const accountEndorsementsRoute: RouteGroup = (app, ctx) => {
  app.get<{ Params: { id: string } }>('/api/v1/accounts/:id/endorsements', { config: { auth: { mode: 'public', scope: 'read:accounts' } } }, async (request, reply) => {
    const target = await loadTargetAccount(ctx, request.params.id);
    const rows = await endorsementsPage(ctx.db, target.id, parsePage(request.query, { limit: 40, max: 80 }));
    linkFromIds(request, reply, ctx.config, rows.map((r) => r.id));
    return accountsInOrder(ctx, rows.map((r) => r.other));
  });
};
