// PUT /api/v1/push/subscription: change which notifications are pushed (alerts, policy).
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { updatePushData } from '../../../../services/push/subscriptions.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';
import { serializeWebPushSubscription } from '../../../../serializers/web-push-subscription.ts';
import { DataParam, PUSH_AUTH, pushData } from './params.ts';

const Body = z.object({ data: DataParam });

export const updatePushSubscriptionRoute: RouteGroup = (app, ctx) => {
  app.put('/api/v1/push/subscription', PUSH_AUTH, async (request) => {
    const body = parseInput(Body, paramsOf(request));
    const row = await updatePushData(ctx, request.auth!.token.id, pushData(body.data));
    return serializeWebPushSubscription(row, await vapidPublicKey(ctx));
  });
};
