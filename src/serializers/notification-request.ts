// Mastodon's NotificationRequest entity. Like Mastodon, notifications_count is a string.
import type { NotificationRequestRow } from '../db/schema.ts';
import type { AccountJson } from './account.ts';
import type { StatusJson } from './status.ts';
import type { NotificationRequestJson } from '../../api/entities.ts';
export type { NotificationRequestJson };

export function serializeNotificationRequest(r: NotificationRequestRow & { notifications_count: number }, account: AccountJson, lastStatus: StatusJson | null): NotificationRequestJson {
  return {
    id: r.id,
    created_at: r.created_at,
    updated_at: r.updated_at,
    notifications_count: String(r.notifications_count),
    account,
    last_status: lastStatus,
  };
}
