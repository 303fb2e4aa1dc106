// POST /api/v1/accounts/:id/remove_from_followers
import type { RouteGroup } from '../../../routes.ts';
import { removeFromFollowers } from '../../../../services/relationships/unfollow.ts';
import { relationshipAction } from './relationship-action.ts';

export const removeFromFollowersRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'remove_from_followers', 'write:follows', (actor, id) => removeFromFollowers(ctx, actor, id));
};
