// Mastodon's ScheduledStatus entity.
import type { ScheduledStatusRow } from '../db/repos/scheduled-statuses.ts';
import type { MediaAttachmentJson, ScheduledParams, ScheduledStatusJson } from '../../api/entities.ts';
export type { ScheduledParams, ScheduledStatusJson };

export function serializeScheduledStatus(row: ScheduledStatusRow, media: MediaAttachmentJson[]): ScheduledStatusJson {
  const params = JSON.parse(row.params) as ScheduledParams;
  return { id: row.id, scheduled_at: row.scheduled_at, params: { ...params, scheduled_at: row.scheduled_at }, media_attachments: media };
}
