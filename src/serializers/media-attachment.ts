// Mastodon's MediaAttachment entity.
import type { MediaAttachmentJson, MediaMetaJson } from '../../api/entities.ts';
import type { MediaAttachmentRow } from '../db/schema.ts';
import type { MediaUrlFor } from '../media/urls.ts';
export type { MediaAttachmentJson };

export function serializeAttachment(row: MediaAttachmentRow, urlFor: MediaUrlFor): MediaAttachmentJson {
  const meta = row.meta ? (JSON.parse(row.meta) as MediaMetaJson) : null;
  const withFocus: MediaMetaJson | null = row.focus_x !== null && row.focus_y !== null ? { ...(meta ?? {}), focus: { x: row.focus_x, y: row.focus_y } } : meta;
  return {
    id: row.id,
    type: row.type,
    url: row.state === 'ready' && row.file_key ? urlFor(row.file_key) : null,
    preview_url: row.preview_key ? urlFor(row.preview_key) : null,
    remote_url: null,
    preview_remote_url: null,
    text_url: null,
    meta: withFocus,
    description: row.description,
    blurhash: row.blurhash,
  };
}
