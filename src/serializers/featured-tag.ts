// Mastodon's full Tag entity (with history and the viewer's following) and FeaturedTag.
import type { Config } from '../config.ts';
import type { TagHistoryJson, TagJson, FeaturedTagJson } from '../../api/entities.ts';
export type { TagHistoryJson, TagJson, FeaturedTagJson };

const tagUrl = (config: Config, name: string) => `${config.baseUrl}/tags/${encodeURIComponent(name)}`;

/** history: newest day first, seven days, with zeros filled in (Mastodon sends day as a unix timestamp string). */
export function serializeTag(
  config: Config,
  tag: { id: string; name: string; display_name: string },
  uses: { day: string; uses: number; accounts: number }[],
  today: Date,
  viewer: { following: boolean; featuring: boolean } | null,
): TagJson {
  const byDay = new Map(uses.map((u) => [u.day, u]));
  const history: TagHistoryJson[] = [];
  for (let i = 0; i < 7; i++) {
    const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - i));
    const u = byDay.get(d.toISOString().slice(0, 10));
    history.push({ day: String(d.getTime() / 1000), uses: String(u?.uses ?? 0), accounts: String(u?.accounts ?? 0) });
  }
  const json: TagJson = { id: tag.id, name: tag.display_name || tag.name, url: tagUrl(config, tag.name), history };
  if (viewer) {
    json.following = viewer.following;
    json.featuring = viewer.featuring;
  }
  return json;
}

export function serializeFeaturedTag(config: Config, f: { id: string; name: string; display_name: string; count: number; last: string | null }, profileUrl: string): FeaturedTagJson {
  return {
    id: f.id,
    name: f.display_name || f.name,
    url: `${profileUrl}/tagged/${encodeURIComponent(f.name)}`,
    statuses_count: String(f.count),
    last_status_at: f.last ? f.last.slice(0, 10) : null,
  };
}

export { tagUrl };
