// Mastodon's Marker entity.
import type { MarkerRow } from '../db/repos/markers.ts';
import type { MarkerJson } from '../../api/entities.ts';
export type { MarkerJson };

export function serializeMarker(m: MarkerRow): MarkerJson {
  return { last_read_id: m.last_read_id, version: m.version, updated_at: m.updated_at };
}
