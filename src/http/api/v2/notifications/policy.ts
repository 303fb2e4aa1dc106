// GET /api/v2/notifications/policy, PATCH (and PUT) /api/v2/notifications/policy: the
// notification policy in Mastodon 4.3's shape (accept | filter | drop per rule).
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput } from '../../../validation.ts';
import { serializeNotificationPolicy } from '../../../../serializers/notification-policy.ts';
import { loadNotificationPolicy, notificationPolicySummary, POLICY_VALUES, updateNotificationPolicy } from '../../../../services/notifications/policy.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:notifications' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:notifications' } } } as const;

const value = z.enum(POLICY_VALUES).optional();
const Body = z.object({
  for_not_following: value,
  for_not_followers: value,
  for_new_accounts: value,
  for_private_mentions: value,
  for_limited_accounts: value,
});

export const notificationPolicyV2Routes: RouteGroup = (app, ctx) => {
  app.get('/api/v2/notifications/policy', read, async (request) => {
    const viewer = currentAccount(request);
    return serializeNotificationPolicy(await loadNotificationPolicy(ctx, viewer.id), await notificationPolicySummary(ctx, viewer.id));
  });

  const update = async (request: FastifyRequest) => {
    const viewer = currentAccount(request);
    const changes = Object.fromEntries(Object.entries(parseInput(Body, paramsOf(request))).filter(([, v]) => v !== undefined));
    return serializeNotificationPolicy(await updateNotificationPolicy(ctx, viewer.id, changes), await notificationPolicySummary(ctx, viewer.id));
  };
  app.patch('/api/v2/notifications/policy', write, update);
  app.put('/api/v2/notifications/policy', write, update);
};
