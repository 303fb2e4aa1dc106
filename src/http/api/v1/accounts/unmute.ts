// POST /api/v1/accounts/:id/unmute
import type { RouteGroup } from '../../../routes.ts';
import { unmuteAccount } from '../../../../services/relationships/mute.ts';
import { relationshipAction } from './relationship-action.ts';

export const unmuteRoute: RouteGroup = (app, ctx) => {
  relationshipAction(app, ctx, 'unmute', 'write:mutes', (actor, id) => unmuteAccount(ctx, actor, id));
};
