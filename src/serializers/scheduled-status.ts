// Mastodon's ScheduledStatus entity.
import type { ScheduledStatusRow } from '../db/repos/scheduled-statuses.ts';

/** What POST /api/v1/statuses received, as stored for later publication. */
export interface ScheduledParams {
  text: string;
  spoiler_text: string | null;
  sensitive: boolean | null;
  visibility: string | null;
  language: string | null;
  in_reply_to_id: string | null;
  quoted_status_id: string | null;
  quote_approval_policy: string | null;
  poll: { options: string[]; expires_in: number; multiple: boolean; hide_totals: boolean } | null;
  media_ids: string[] | null;
  scheduled_at: string | null;
  application_id: string | null;
  idempotency: string | null;
  with_rate_limit: boolean;
}

export interface ScheduledStatusJson {
  id: string;
  scheduled_at: string;
  params: ScheduledParams;
  media_attachments: never[];
}

export function serializeScheduledStatus(row: ScheduledStatusRow): ScheduledStatusJson {
  const params = JSON.parse(row.params) as ScheduledParams;
  return { id: row.id, scheduled_at: row.scheduled_at, params: { ...params, scheduled_at: row.scheduled_at }, media_attachments: [] };
}
