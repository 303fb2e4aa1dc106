// The moderators' review of trends: the candidates the trends job scored (src/services/trends/),
// best first, each with its review state. Nothing trends publicly until a moderator approves it
// (requires_review: nobody decided yet); a rejection keeps it out until someone approves it.
// Parley has no link previews, so there are no links to review.
import type { AppContext } from '../../context.ts';
import { findTagsByIds } from '../../db/repos/featured-tags.ts';
import { reviewsOf, saveReview } from '../../db/repos/admin-trends.ts';
import { scoredTrendIds } from '../../db/repos/trends.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import type { AdminTagJson, StatusJson } from '../../../api/entities.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import { audit } from '../moderation/audit-log.ts';
import { renderTagsInBulk } from '../trends/render-tags.ts';

export interface Window {
  limit: number;
  offset: number;
}

/** Mastodon's REST::Admin::Trends::StatusSerializer: a Status and whether it awaits review. */
export type AdminTrendStatusJson = StatusJson & { requires_review: boolean };

async function renderAdminStatuses(ctx: AppContext, ids: string[], moderator: AccountRow): Promise<AdminTrendStatusJson[]> {
  const reviews = await reviewsOf(ctx.db, 'status', ids);
  return (await renderStatuses(ctx, ids, moderator)).map((s) => ({ ...s, requires_review: !reviews.has(s.id) }));
}

async function renderAdminTags(ctx: AppContext, ids: string[]): Promise<AdminTagJson[]> {
  const reviews = await reviewsOf(ctx.db, 'tag', ids);
  const tags = await renderTagsInBulk(ctx, ids, null);
  return tags.map((t) => ({ ...t, trendable: reviews.get(t.id) ?? false, usable: true, requires_review: !reviews.has(t.id) }));
}

/** Every scored tag, approved, rejected or awaiting review, highest score first. */
export async function trendingTagCandidates(ctx: AppContext, w: Window): Promise<AdminTagJson[]> {
  return renderAdminTags(ctx, await scoredTrendIds(ctx.db, 'tag', w.limit, w.offset));
}

/** Every scored post, approved, rejected or awaiting review, highest score first. */
export async function trendingStatusCandidates(ctx: AppContext, moderator: AccountRow, w: Window): Promise<AdminTrendStatusJson[]> {
  return renderAdminStatuses(ctx, await scoredTrendIds(ctx.db, 'status', w.limit, w.offset), moderator);
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

export async function reviewStatus(ctx: AppContext, moderator: AccountRow, id: string, trendable: boolean): Promise<AdminTrendStatusJson> {
  const exists = await ctx.db.selectFrom('statuses').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await saveReview(trx, { kind: 'status', target_id: id, trendable: trendable ? 1 : 0, account_id: moderator.id, reviewed_at: ctx.clock.now().toISOString() });
    await audit(ctx, trx, moderator, { action: `trends.status.${trendable ? 'approve' : 'reject'}`, targetType: 'status', targetId: id, summary: `@${moderator.username} ${trendable ? 'allowed' : 'kept'} post ${id} ${trendable ? 'to trend' : 'out of the trends'}` });
  });
  const [status] = await renderAdminStatuses(ctx, [id], moderator);
  if (!status) throw notFound();
  return status;
}
