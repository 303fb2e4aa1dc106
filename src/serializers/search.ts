// Mastodon's Search entity and the full Tag entity it lists (with history and following).
import type { Config } from '../config.ts';
import type { SearchJson, TagJson } from '../../api/entities.ts';
export type { SearchJson };

/** Search results carry no usage history (it costs a query per tag); `following` only for signed-in viewers. */
export function serializeSearchTag(config: Config, tag: { id: string; name: string; display_name: string }, following?: boolean): TagJson {
  const json: TagJson = { id: tag.id, name: tag.display_name || tag.name, url: `${config.baseUrl}/tags/${encodeURIComponent(tag.name)}`, history: [] };
  if (following !== undefined) json.following = following;
  return json;
}
