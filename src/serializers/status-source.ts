// Mastodon's StatusSource entity (GET /api/v1/statuses/:id/source).
import type { StatusRow } from '../db/schema.ts';
import type { StatusSourceJson } from '../../api/entities.ts';
export type { StatusSourceJson };

export function serializeStatusSource(s: StatusRow): StatusSourceJson {
  return { id: s.id, text: s.text ?? '', spoiler_text: s.spoiler_text };
}
