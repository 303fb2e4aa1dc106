// POST /api/v1/accounts/:id/block
import type { RouteGroup } from '../../../routes.ts';
import { blockAccount } from '../../../../services/relationships/block.ts';
import { relationshipAction } from './relationship-action.ts';

export const blockRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'block', 'write:blocks', (actor, id) => blockAccount(ctx, actor, id));
};
