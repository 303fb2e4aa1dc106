import type { RouteGroup } from '../../../routes.ts';
import { vapidKeys } from '../../../../services/push/vapid.ts';
import { createPushSubscriptionRoute } from './create.ts';
import { deletePushSubscriptionRoute } from './delete.ts';
import { showPushSubscriptionRoute } from './show.ts';
import { updatePushSubscriptionRoute } from './update.ts';

export const pushRoutes: RouteGroup = async (app, ctx) => {
  // The VAPID key pair is made on the first start, before any client can ask for it.
  await vapidKeys(ctx);
  for (const route of [createPushSubscriptionRoute, showPushSubscriptionRoute, updatePushSubscriptionRoute, deletePushSubscriptionRoute]) await route(app, ctx);
};
