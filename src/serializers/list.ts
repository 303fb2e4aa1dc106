// Mastodon's List entity.
import type { ListRow } from '../db/schema.ts';
import type { ListJson } from '../../api/entities.ts';
export type { ListJson };

export function serializeList(l: ListRow): ListJson {
  return { id: l.id, title: l.title, replies_policy: l.replies_policy, exclusive: l.exclusive === 1 };
}
