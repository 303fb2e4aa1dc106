// Mastodon's List entity.
import type { ListRow } from '../db/schema.ts';

export interface ListJson {
  id: string;
  title: string;
  replies_policy: string;
  exclusive: boolean;
}

export function serializeList(l: ListRow): ListJson {
  return { id: l.id, title: l.title, replies_policy: l.replies_policy, exclusive: l.exclusive === 1 };
}
