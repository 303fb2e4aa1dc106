// Mastodon's Marker entity.
import type { MarkerRow } from '../db/repos/markers.ts';

export interface MarkerJson {
  last_read_id: string;
  version: number;
  updated_at: string;
}

export function serializeMarker(m: MarkerRow): MarkerJson {
  return { last_read_id: m.last_read_id, version: m.version, updated_at: m.updated_at };
}
