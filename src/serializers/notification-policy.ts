// Mastodon's NotificationPolicy entity (v2: accept | filter | drop per rule) and the older v1
// shape (a boolean per rule: true unless the rule accepts).
import type { NotificationPolicyJson, NotificationPolicySummaryJson, NotificationPolicyV1Json, NotificationPolicyValue } from '../../api/entities.ts';
export type { NotificationPolicyJson, NotificationPolicySummaryJson, NotificationPolicyV1Json, NotificationPolicyValue };

/** The rules of a policy, without its summary. */
export type NotificationPolicyRules = Omit<NotificationPolicyJson, 'summary'>;

export function serializeNotificationPolicy(p: NotificationPolicyRules, summary: NotificationPolicySummaryJson): NotificationPolicyJson {
  return {
    for_not_following: p.for_not_following,
    for_not_followers: p.for_not_followers,
    for_new_accounts: p.for_new_accounts,
    for_private_mentions: p.for_private_mentions,
    for_limited_accounts: p.for_limited_accounts,
    summary: { pending_requests_count: summary.pending_requests_count, pending_notifications_count: summary.pending_notifications_count },
  };
}

export function serializeNotificationPolicyV1(p: NotificationPolicyRules, summary: NotificationPolicySummaryJson): NotificationPolicyV1Json {
  return {
    filter_not_following: p.for_not_following !== 'accept',
    filter_not_followers: p.for_not_followers !== 'accept',
    filter_new_accounts: p.for_new_accounts !== 'accept',
    filter_private_mentions: p.for_private_mentions !== 'accept',
    summary: { pending_requests_count: summary.pending_requests_count, pending_notifications_count: summary.pending_notifications_count },
  };
}
