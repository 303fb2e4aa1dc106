// POST /api/v1/accounts/:id/unblock
import type { RouteGroup } from '../../../routes.ts';
import { unblockAccount } from '../../../../services/relationships/block.ts';
import { relationshipAction } from './relationship-action.ts';

export const unblockRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'unblock', 'write:blocks', (actor, id) => unblockAccount(ctx, actor, id));
};
