// Mastodon's WebPushSubscription entity.
import { PUSH_ALERT_TYPES, type PushPolicy, type WebPushSubscriptionJson } from '../../api/entities.ts';
import type { PushSubscriptionRow } from '../db/repos/push-subscriptions.ts';
export type { WebPushSubscriptionJson };

/** Stored alerts as a complete map: types the client never mentioned are off. */
export function alertsOf(stored: string): WebPushSubscriptionJson['alerts'] {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(stored) as Record<string, unknown>;
  } catch {
    // a bad row shows as all alerts off
  }
  return Object.fromEntries(PUSH_ALERT_TYPES.map((t) => [t, parsed[t] === true])) as WebPushSubscriptionJson['alerts'];
}

export function serializeWebPushSubscription(row: PushSubscriptionRow, serverKey: string): WebPushSubscriptionJson {
  return {
    id: row.id,
    endpoint: row.endpoint,
    standard: row.standard === 1,
    alerts: alertsOf(row.alerts),
    policy: row.policy as PushPolicy,
    server_key: serverKey,
  };
}
