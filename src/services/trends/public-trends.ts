// What GET /api/v1/trends/* shows: the scored tags and posts that a moderator approved, best
// first. Nothing while the admin has trends turned off.
import type { AppContext } from '../../context.ts';
import { blockRelatedIds } from '../../db/repos/blocks.ts';
import { mutedIds } from '../../db/repos/mutes.ts';
import { approvedStatusIds, approvedTagIds } from '../../db/repos/trends.ts';
import type { AccountRow } from '../../db/schema.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import type { TagJson } from '../../serializers/featured-tag.ts';
import type { StatusJson } from '../../serializers/status.ts';
import { trendsEnabled } from './enabled.ts';
import { renderTagsInBulk } from './render-tags.ts';

export interface Window {
  limit: number;
  offset: number;
}

export async function trendingTags(ctx: AppContext, viewer: AccountRow | null, w: Window): Promise<TagJson[]> {
  if (!(await trendsEnabled(ctx))) return [];
  return renderTagsInBulk(ctx, await approvedTagIds(ctx.db, w.limit, w.offset), viewer);
}

/**
 * Like the public timeline: authors the viewer blocked or muted (or who blocked them) are left
 * out before paging, then rendering applies visibility and the viewer's public-context filters.
 */
export async function trendingStatuses(ctx: AppContext, viewer: AccountRow | null, w: Window): Promise<StatusJson[]> {
  if (!(await trendsEnabled(ctx))) return [];
  const hidden = viewer ? [...new Set([...(await blockRelatedIds(ctx.db, viewer.id)), ...(await mutedIds(ctx.db, viewer.id, ctx.clock.now().toISOString()))])] : [];
  return renderStatuses(ctx, await approvedStatusIds(ctx.db, hidden, w.limit, w.offset), viewer, { filterContext: 'public' });
}
