// Trending tags as Mastodon Tag entities, for a page of them at once: one statement for the
// tags, one for their seven days of history, and the viewer's following and featuring in bulk.
import type { AppContext } from '../../context.ts';
import { featuredTagIdsAmong, findTagsByIds } from '../../db/repos/featured-tags.ts';
import { followedTagIdsAmong } from '../../db/repos/tag-follows.ts';
import { tagUsesByDayOf } from '../../db/repos/trends.ts';
import type { AccountRow } from '../../db/schema.ts';
import { serializeTag, type TagJson } from '../../serializers/featured-tag.ts';

const HISTORY_DAYS = 7;

/** The tags in the order of `ids` (missing ones left out). */
export async function renderTagsInBulk(ctx: AppContext, ids: string[], viewer: AccountRow | null): Promise<TagJson[]> {
  if (ids.length === 0) return [];
  const today = ctx.clock.now();
  const sinceDay = new Date(today.getTime() - HISTORY_DAYS * 86400_000).toISOString().slice(0, 10);
  const [tags, uses, following, featuring] = await Promise.all([
    findTagsByIds(ctx.db, ids),
    tagUsesByDayOf(ctx.db, ids, sinceDay),
    viewer ? followedTagIdsAmong(ctx.db, viewer.id, ids) : new Set<string>(),
    viewer ? featuredTagIdsAmong(ctx.db, viewer.id, ids) : new Set<string>(),
  ]);
  const byId = new Map(tags.map((t) => [t.id, t]));
  return ids.flatMap((id) => {
    const tag = byId.get(id);
    if (!tag) return [];
    return [serializeTag(ctx.config, tag, uses.get(id) ?? [], today, viewer ? { following: following.has(id), featuring: featuring.has(id) } : null)];
  });
}
