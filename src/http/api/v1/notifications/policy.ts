// GET /api/v1/notifications/policy, PUT (and PATCH) /api/v1/notifications/policy: the older
// boolean shape that pre-4.3 clients use. true filters, false accepts.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { RouteGroup } from '../../../routes.ts';
import { currentAccount } from '../../../plugins/auth.ts';
import { paramsOf } from '../../../plugins/body.ts';
import { parseInput, zBool } from '../../../validation.ts';
import { serializeNotificationPolicyV1 } from '../../../../serializers/notification-policy.ts';
import { loadNotificationPolicy, notificationPolicySummary, updateNotificationPolicy, type NotificationPolicy } from '../../../../services/notifications/policy.ts';

const read = { config: { auth: { mode: 'user', scope: 'read:notifications' } } } as const;
const write = { config: { auth: { mode: 'user', scope: 'write:notifications' } } } as const;

const Body = z.object({
  filter_not_following: zBool.optional(),
  filter_not_followers: zBool.optional(),
  filter_new_accounts: zBool.optional(),
  filter_private_mentions: zBool.optional(),
});

const RULE_OF = {
  filter_not_following: 'for_not_following',
  filter_not_followers: 'for_not_followers',
  filter_new_accounts: 'for_new_accounts',
  filter_private_mentions: 'for_private_mentions',
} as const;

export const notificationPolicyV1Routes: RouteGroup = (app, ctx) => {
  app.get('/api/v1/notifications/policy', read, async (request) => {
    const viewer = currentAccount(request);
    return serializeNotificationPolicyV1(await loadNotificationPolicy(ctx, viewer.id), await notificationPolicySummary(ctx, viewer.id));
  });

  const update = async (request: FastifyRequest) => {
    const viewer = currentAccount(request);
    const body = parseInput(Body, paramsOf(request));
    const changes: Partial<NotificationPolicy> = {};
    for (const key of Object.keys(RULE_OF) as (keyof typeof RULE_OF)[]) {
      const v = body[key];
      if (v !== undefined) changes[RULE_OF[key]] = v ? 'filter' : 'accept';
    }
    return serializeNotificationPolicyV1(await updateNotificationPolicy(ctx, viewer.id, changes), await notificationPolicySummary(ctx, viewer.id));
  };
  app.put('/api/v1/notifications/policy', write, update);
  app.patch('/api/v1/notifications/policy', write, update);
};
