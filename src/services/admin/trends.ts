// The moderators' review of trends. Parley does not compute trends yet (the public
// /api/v1/trends endpoints answer empty lists), so the review lists the raw candidates: tags used
// and public posts favourited or boosted in the last days, with each one's review state.
// Decisions are stored now and will gate the public trends once they are computed. Parley has
// no link previews, so there are no links to review.
import type { AppContext } from '../../context.ts';
import { findTagsByIds } from '../../db/repos/featured-tags.ts';
import { recentlySharedStatusIds, recentlyUsedTagIds, reviewsOf, saveReview } from '../../db/repos/admin-trends.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import type { AdminTagJson, StatusJson } from '../../../api/entities.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import { audit } from '../moderation/audit-log.ts';
import { renderTags, tagsByIdsInOrder } from '../tags/tags.ts';
import { DAY_MS } from './period.ts';

const TAG_WINDOW_DAYS = 7;
const STATUS_WINDOW_DAYS = 2;

export interface Window {
  limit: number;
  offset: number;
}

async function renderAdminTags(ctx: AppContext, ids: string[]): Promise<AdminTagJson[]> {
  const reviews = await reviewsOf(ctx.db, 'tag', ids);
  const tags = await renderTags(ctx, await tagsByIdsInOrder(ctx, ids), null);
  return tags.map((t) => ({ ...t, trendable: reviews.get(t.id) ?? false, usable: true, requires_review: !reviews.has(t.id) }));
}

export async function trendingTagCandidates(ctx: AppContext, w: Window): Promise<AdminTagJson[]> {
  const since = ctx.clock.now().getTime() - TAG_WINDOW_DAYS * DAY_MS;
  return renderAdminTags(ctx, await recentlyUsedTagIds(ctx.db, since, w.limit, w.offset));
}

export async function trendingStatusCandidates(ctx: AppContext, viewer: AccountRow, w: Window): Promise<StatusJson[]> {
  const since = ctx.clock.now().getTime() - STATUS_WINDOW_DAYS * DAY_MS;
  return renderStatuses(ctx, await recentlySharedStatusIds(ctx.db, since, w.limit, w.offset), viewer);
}

export async function reviewTag(ctx: AppContext, moderator: AccountRow, id: string, trendable: boolean): Promise<AdminTagJson> {
  const [tag] = await findTagsByIds(ctx.db, [id]);
  if (!tag) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await saveReview(trx, { kind: 'tag', target_id: id, trendable: trendable ? 1 : 0, account_id: moderator.id, reviewed_at: ctx.clock.now().toISOString() });
    await audit(ctx, trx, moderator, { action: `trends.tag.${trendable ? 'approve' : 'reject'}`, targetType: 'trend', targetId: id, summary: `@${moderator.username} ${trendable ? 'allowed' : 'kept'} #${tag.name} ${trendable ? 'to trend' : 'out of the trends'}` });
  });
  return (await renderAdminTags(ctx, [id]))[0]!;
}

export async function reviewStatus(ctx: AppContext, moderator: AccountRow, id: string, trendable: boolean): Promise<StatusJson> {
  const exists = await ctx.db.selectFrom('statuses').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await saveReview(trx, { kind: 'status', target_id: id, trendable: trendable ? 1 : 0, account_id: moderator.id, reviewed_at: ctx.clock.now().toISOString() });
    await audit(ctx, trx, moderator, { action: `trends.status.${trendable ? 'approve' : 'reject'}`, targetType: 'status', targetId: id, summary: `@${moderator.username} ${trendable ? 'allowed' : 'kept'} post ${id} ${trendable ? 'to trend' : 'out of the trends'}` });
  });
  const [status] = await renderStatuses(ctx, [id], moderator);
  if (!status) throw notFound();
  return status;
}
