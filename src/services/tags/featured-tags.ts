// Featured hashtags on a profile.
import type { AppContext } from '../../context.ts';
import { deleteFeaturedTag, featuredTagsOf, insertFeaturedTag, suggestedTagIds, tagStatsForAccount } from '../../db/repos/featured-tags.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { accountUrl } from '../../serializers/account.ts';
import { serializeFeaturedTag, type FeaturedTagJson } from '../../serializers/featured-tag.ts';
import { findOrCreateTag, tagsByIdsInOrder } from './tags.ts';

const MAX_FEATURED = 10;

export async function featuredTagsJson(ctx: AppContext, account: AccountRow): Promise<FeaturedTagJson[]> {
  const rows = await featuredTagsOf(ctx.db, account.id);
  const tags = new Map((await tagsByIdsInOrder(ctx, rows.map((r) => r.tag_id))).map((t) => [t.id, t]));
  const stats = await tagStatsForAccount(ctx.db, account.id, rows.map((r) => r.tag_id));
  return rows.flatMap((r) => {
    const t = tags.get(r.tag_id);
    if (!t) return [];
    const s = stats.get(r.tag_id);
    return [serializeFeaturedTag(ctx.config, { id: r.id, name: t.name, display_name: t.display_name, count: s?.count ?? 0, last: s?.last ?? null }, accountUrl(ctx.config, account.username))];
  });
}

export async function featureTag(ctx: AppContext, account: AccountRow, rawName: string): Promise<FeaturedTagJson> {
  const tag = await findOrCreateTag(ctx, rawName);
  const existing = await featuredTagsOf(ctx.db, account.id);
  if (existing.some((r) => r.tag_id === tag.id)) throw unprocessable('Tag has already been featured');
  if (existing.length >= MAX_FEATURED) throw unprocessable(`You can feature at most ${MAX_FEATURED} hashtags`);
  await insertFeaturedTag(ctx.db, { id: newId(ctx.clock.now().getTime()), account_id: account.id, tag_id: tag.id, created_at: ctx.clock.now().toISOString() });
  const all = await featuredTagsJson(ctx, account);
  return all.find((f) => f.name === (tag.display_name || tag.name))!;
}

export async function unfeatureTag(ctx: AppContext, account: AccountRow, id: string): Promise<void> {
  if (!isId(id) || !(await deleteFeaturedTag(ctx.db, account.id, id))) throw notFound();
}

export async function suggestedTags(ctx: AppContext, account: AccountRow) {
  return tagsByIdsInOrder(ctx, await suggestedTagIds(ctx.db, account.id, 10));
}
