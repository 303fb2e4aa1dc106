// GET /api/v1/push/subscription: the access token's subscription, or 404.
import type { RouteGroup } from '../../../routes.ts';
import { findPushSubscription } from '../../../../services/push/subscriptions.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';
import { serializeWebPushSubscription } from '../../../../serializers/web-push-subscription.ts';
import { PUSH_AUTH } from './params.ts';

export const showPushSubscriptionRoute: RouteGroup = (app, ctx) => {
  app.get('/api/v1/push/subscription', PUSH_AUTH, async (request) => {
    const row = await findPushSubscription(ctx, request.auth!.token.id);
    return serializeWebPushSubscription(row, await vapidPublicKey(ctx));
  });
};
