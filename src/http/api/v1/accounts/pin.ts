// POST /api/v1/accounts/:id/endorse and /unendorse, with their older names /pin and /unpin.
import type { RouteGroup } from '../../../routes.ts';
import { endorseAccount, unendorseAccount } from '../../../../services/relationships/endorse.ts';
import { relationshipAction } from './relationship-action.ts';

export const pinRoute: RouteGroup = (app, ctx) => {
  for (const name of ['endorse', 'pin']) relationshipAction(app, ctx, name, 'write:accounts', (actor, id) => endorseAccount(ctx, actor, id));
  for (const name of ['unendorse', 'unpin']) relationshipAction(app, ctx, name, 'write:accounts', (actor, id) => unendorseAccount(ctx, actor, id));
};
