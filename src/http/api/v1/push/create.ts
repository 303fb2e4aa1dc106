// POST /api/v1/push/subscription: subscribe the access token to Web Push, replacing its old subscription.
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { subscribePush } from '../../../../services/push/subscriptions.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';
import { serializeWebPushSubscription } from '../../../../serializers/web-push-subscription.ts';
import { DataParam, PUSH_AUTH, pushData } from './params.ts';

const Body = z.object({
  subscription: z.object({
    endpoint: z.string({ message: "can't be blank" }).min(1, { message: "can't be blank" }).max(2048),
    keys: z.object({
      p256dh: z.string({ message: "can't be blank" }).min(1).max(200),
      auth: z.string({ message: "can't be blank" }).min(1).max(100),
    }, { message: "can't be blank" }),
    standard: zBool.optional(),
  }, { message: "can't be blank" }),
  data: DataParam,
});

export const createPushSubscriptionRoute: RouteGroup = (app, ctx) => {
  app.post('/api/v1/push/subscription', PUSH_AUTH, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    const account = currentAccount(request);
    const row = await subscribePush(ctx, { accountId: account.id, tokenId: request.auth!.token.id }, {
      endpoint: body.subscription.endpoint,
      p256dh: body.subscription.keys.p256dh,
      auth: body.subscription.keys.auth,
      standard: body.subscription.standard ?? false,
      data: pushData(body.data),
    });
    return serializeWebPushSubscription(row, await vapidPublicKey(ctx));
  });
};
