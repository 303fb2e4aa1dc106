// POST /api/v1/accounts/:id/unfollow (also withdraws a pending request).
import type { RouteGroup } from '../../../routes.ts';
import { unfollowAccount } from '../../../../services/relationships/unfollow.ts';
import { relationshipAction } from './relationship-action.ts';

export const unfollowRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'unfollow', 'write:follows', (actor, id) => unfollowAccount(ctx, actor, id));
};
