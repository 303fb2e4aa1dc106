// GET /api/v1/instance: the deprecated V1::Instance, still read by many clients at start-up.
import type { RouteGroup } from '../../../routes.ts';
import { describeInstance } from '../../../../services/instance/describe-instance.ts';
import { serializeInstanceV1 } from '../../../../serializers/instance.ts';

export const getInstanceV1Route: RouteGroup = (app, ctx) => {
  app.get('/api/v1/instance', { config: { auth: { mode: 'none' } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=180');
    return serializeInstanceV1(ctx.config, await describeInstance(ctx));
  });
};
