// DELETE /api/v1/push/subscription: stop pushing to this access token's subscription.
import type { RouteGroup } from '../../../routes.ts';
import { unsubscribePush } from '../../../../services/push/subscriptions.ts';
import { PUSH_AUTH } from './params.ts';

export const deletePushSubscriptionRoute: RouteGroup = (app, ctx) => {
  app.delete('/api/v1/push/subscription', PUSH_AUTH, async (request) => {
    await unsubscribePush(ctx, request.auth!.token.id);
    return {};
  });
};
