// Mastodon's Search entity and the full Tag entity it lists (with history and following).
import type { Config } from '../config.ts';
import type { AccountJson } from './account.ts';
import type { StatusJson } from './status.ts';

export interface TagJson {
  id: string;
  name: string;
  url: string;
  history: { day: string; uses: string; accounts: string }[];
  following?: boolean;
}

export interface SearchJson {
  accounts: AccountJson[];
  statuses: StatusJson[];
  hashtags: TagJson[];
}

/** `following` is only present for signed-in viewers, as in Mastodon. */
export function serializeTag(config: Config, tag: { id: string; name: string; display_name: string }, following?: boolean): TagJson {
  const json: TagJson = { id: tag.id, name: tag.display_name || tag.name, url: `${config.baseUrl}/tags/${encodeURIComponent(tag.name)}`, history: [] };
  if (following !== undefined) json.following = following;
  return json;
}
