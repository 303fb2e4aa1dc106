// GET /api/v2/instance: the Instance entity in Mastodon 4.5's shape.
import type { RouteGroup } from '../../../routes.ts';
import { describeInstance } from '../../../../services/instance/describe-instance.ts';
import { serializeInstanceV2 } from '../../../../serializers/instance.ts';
import { vapidPublicKey } from '../../../../services/push/vapid.ts';

export const getInstanceV2Route: RouteGroup = (app, ctx) => {
  app.get('/api/v2/instance', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=180');
    return serializeInstanceV2(ctx.config, await describeInstance(ctx), await vapidPublicKey(ctx));
  });
};
