// The parts of a status that change only when it is edited (mentions, hashtags, media), cached
// in-process per status and keyed by its edit time, so an edit anywhere (in any process) makes
// the next render reload them. Everything volatile (counters, the author's profile, the
// viewer's state) is loaded fresh on every render.
import type { AppContext } from '../context.ts';
import type { Db } from '../db/client.ts';
import { attachmentsOfStatuses } from '../db/repos/media.ts';
import { mentionsOfStatuses } from '../db/repos/statuses.ts';
import { tagsOfStatuses } from '../db/repos/tags.ts';
import type { MediaAttachmentRow, StatusRow } from '../db/schema.ts';
import { Lru } from '../infra/lru.ts';
import { serializeMention, type StatusMentionJson } from '../serializers/status.ts';
import { serializeStatusTag, type StatusTagJson } from '../serializers/tag.ts';

export interface StatusExtras {
  stamp: string;
  mentions: StatusMentionJson[];
  tags: StatusTagJson[];
  /** Rows, not JSON: the URLs of non-public media are signed for each render. */
  media: MediaAttachmentRow[];
}

const caches = new WeakMap<Db, Lru<string, StatusExtras>>();
const CACHE_SIZE = 20_000;

function cacheOf(db: Db): Lru<string, StatusExtras> {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new Lru(CACHE_SIZE)));
  return c;
}

const stampOf = (row: StatusRow) => row.edited_at ?? row.created_at;

export async function loadStatusExtras(ctx: AppContext, rows: readonly StatusRow[]): Promise<Map<string, StatusExtras>> {
  const cache = cacheOf(ctx.db);
  const out = new Map<string, StatusExtras>();
  const missing: StatusRow[] = [];
  for (const row of rows) {
    const hit = cache.get(row.id);
    if (hit && hit.stamp === stampOf(row)) out.set(row.id, hit);
    else missing.push(row);
  }
  if (missing.length === 0) return out;
  const ids = missing.map((r) => r.id);
  const [mentions, tags, media] = await Promise.all([mentionsOfStatuses(ctx.db, ids), tagsOfStatuses(ctx.db, ids), attachmentsOfStatuses(ctx.db, ids)]);
  for (const row of missing) out.set(row.id, { stamp: stampOf(row), mentions: [], tags: [], media: [] });
  for (const m of media) out.get(m.status_id!)!.media.push(m);
  for (const m of mentions) out.get(m.status_id)!.mentions.push(serializeMention(ctx.config, m.account));
  for (const t of tags) out.get(t.status_id)!.tags.push(serializeStatusTag(ctx.config, t.name));
  for (const row of missing) cache.set(row.id, out.get(row.id)!);
  return out;
}
