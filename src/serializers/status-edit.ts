// Mastodon's StatusEdit entity (GET /api/v1/statuses/:id/history).
import type { StatusEditRow } from '../db/repos/status-edits.ts';
import type { AccountJson } from './account.ts';
import type { MediaAttachmentJson, StatusEditJson } from '../../api/entities.ts';
export type { StatusEditJson };

export function serializeStatusEdit(e: StatusEditRow, account: AccountJson, media: MediaAttachmentJson[]): StatusEditJson {
  const options = e.poll_options ? (JSON.parse(e.poll_options) as string[]) : null;
  return {
    content: e.content_html,
    spoiler_text: e.spoiler_text,
    sensitive: e.sensitive === 1,
    created_at: e.created_at,
    account,
    poll: options ? { options: options.map((title) => ({ title })) } : null,
    media_attachments: media,
    emojis: [],
  };
}
