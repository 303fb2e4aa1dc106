// An account's notification policy (Mastodon 4.3): for each kind of sender, accept, filter (kept
// aside in notification requests) or drop. Reading it, changing it, and its summary.
import type { AppContext } from '../../context.ts';
import { blockRelatedIds } from '../../db/repos/blocks.ts';
import { findNotificationPolicy, saveNotificationPolicy } from '../../db/repos/notification-policy.ts';
import { pendingRequestsSummary } from '../../db/repos/notification-requests.ts';
import type { NotificationPolicyRules, NotificationPolicySummaryJson, NotificationPolicyValue } from '../../serializers/notification-policy.ts';

export const POLICY_VALUES = ['accept', 'filter', 'drop'] as const satisfies readonly NotificationPolicyValue[];
export type PolicyValue = NotificationPolicyValue;

export type NotificationPolicy = NotificationPolicyRules;
export type PolicyRule = keyof NotificationPolicy;
export const POLICY_RULES: readonly PolicyRule[] = ['for_not_following', 'for_not_followers', 'for_new_accounts', 'for_private_mentions', 'for_limited_accounts'];

/** Mastodon's defaults: private mentions and limited accounts are filtered, the rest accepted. */
export const DEFAULT_POLICY: Readonly<NotificationPolicy> = Object.freeze({
  for_not_following: 'accept',
  for_not_followers: 'accept',
  for_new_accounts: 'accept',
  for_private_mentions: 'filter',
  for_limited_accounts: 'filter',
});

export type PolicySummary = NotificationPolicySummaryJson;

/** Like Mastodon, the summary counts at most this many requests. */
const SUMMARY_CAP = 100;

const asValue = (v: string, fallback: PolicyValue): PolicyValue => ((POLICY_VALUES as readonly string[]).includes(v) ? (v as PolicyValue) : fallback);

export async function loadNotificationPolicy(ctx: AppContext, accountId: string): Promise<NotificationPolicy> {
  const row = await findNotificationPolicy(ctx.db, accountId);
  if (!row) return { ...DEFAULT_POLICY };
  const policy = { ...DEFAULT_POLICY };
  for (const rule of POLICY_RULES) policy[rule] = asValue(row[rule], DEFAULT_POLICY[rule]);
  return policy;
}

export async function updateNotificationPolicy(ctx: AppContext, accountId: string, changes: Partial<NotificationPolicy>): Promise<NotificationPolicy> {
  const policy = { ...(await loadNotificationPolicy(ctx, accountId)), ...changes };
  await saveNotificationPolicy(ctx.db, { account_id: accountId, ...policy, updated_at: ctx.clock.now().toISOString() });
  return policy;
}

export async function notificationPolicySummary(ctx: AppContext, accountId: string): Promise<PolicySummary> {
  const { requests, notifications } = await pendingRequestsSummary(ctx.db, accountId, await blockRelatedIds(ctx.db, accountId), SUMMARY_CAP);
  return { pending_requests_count: requests, pending_notifications_count: notifications };
}
