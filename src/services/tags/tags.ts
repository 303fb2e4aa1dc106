// Tags as the viewer sees them; following and featuring them.
import type { AppContext } from '../../context.ts';
import { ensureTag, featuredTagIdsAmong, findTagByName, findTagsByIds, tagUsesByDay, type TagRowLite } from '../../db/repos/featured-tags.ts';
import { followTag, followedTagIdsAmong, unfollowTag } from '../../db/repos/tag-follows.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { serializeTag, type TagJson } from '../../serializers/featured-tag.ts';
import { normaliseTag } from '../timelines/timelines.ts';

// Letters, digits, underscores and middle dots, like Mastodon's hashtag pattern (simplified).
const TAG_NAME = /^[\p{L}\p{N}_\u00b7\u200c]{1,100}$/u;

export function checkTagName(raw: string): { name: string; display: string } {
  const display = raw.replace(/^#/, '').normalize('NFKC');
  if (!TAG_NAME.test(display) || /^\d+$/.test(display)) throw unprocessable('Name is not a valid hashtag');
  return { name: normaliseTag(display), display };
}

export async function findOrCreateTag(ctx: AppContext, raw: string): Promise<TagRowLite> {
  const { name, display } = checkTagName(raw);
  const existing = await findTagByName(ctx.db, name);
  if (existing) return existing;
  const id = await ensureTag(ctx.db, { id: newId(ctx.clock.now().getTime()), name, display_name: display, created_at: ctx.clock.now().toISOString() });
  return { id, name, display_name: display, last_status_at: null };
}

export async function renderTags(ctx: AppContext, tags: TagRowLite[], viewer: AccountRow | null): Promise<TagJson[]> {
  const ids = tags.map((t) => t.id);
  const following = viewer ? await followedTagIdsAmong(ctx.db, viewer.id, ids) : new Set<string>();
  const featuring = viewer ? await featuredTagIdsAmong(ctx.db, viewer.id, ids) : new Set<string>();
  const today = ctx.clock.now();
  const since = new Date(today.getTime() - 7 * 86400_000).toISOString().slice(0, 10);
  const out: TagJson[] = [];
  for (const t of tags) {
    const uses = await tagUsesByDay(ctx.db, t.id, since);
    out.push(serializeTag(ctx.config, t, uses, today, viewer ? { following: following.has(t.id), featuring: featuring.has(t.id) } : null));
  }
  return out;
}

export async function getTag(ctx: AppContext, raw: string, viewer: AccountRow | null): Promise<TagJson> {
  const tag = await findTagByName(ctx.db, normaliseTag(raw));
  if (!tag) throw notFound();
  return (await renderTags(ctx, [tag], viewer))[0]!;
}

export async function setTagFollow(ctx: AppContext, viewer: AccountRow, raw: string, follow: boolean): Promise<TagJson> {
  const tag = follow ? await findOrCreateTag(ctx, raw) : await findTagByName(ctx.db, normaliseTag(raw));
  if (!tag) throw notFound();
  if (follow) await followTag(ctx.db, { id: newId(ctx.clock.now().getTime()), account_id: viewer.id, tag_id: tag.id, created_at: ctx.clock.now().toISOString() });
  else await unfollowTag(ctx.db, viewer.id, tag.id);
  return (await renderTags(ctx, [tag], viewer))[0]!;
}

export async function tagsByIdsInOrder(ctx: AppContext, ids: string[]): Promise<TagRowLite[]> {
  const byId = new Map((await findTagsByIds(ctx.db, ids)).map((t) => [t.id, t]));
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}
