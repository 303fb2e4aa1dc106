// The one place where "may this viewer see this status?" is decided. Callers pass status rows;
// reblogs must come with their originals (a reblog is visible iff both it and its original are).
import type { AppContext } from '../../context.ts';
import { authorFactsAmong, blockedEitherWayAmong, followedAmong, mentioningAmong } from '../../db/repos/visibility.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { canSee, visibleAmong } from '../../domain/visibility.ts';
import { findStatusesByIds } from '../../db/repos/statuses.ts';
import { readsStoreSafe } from './store-safe-view.ts';

export async function visibleStatusIds(ctx: AppContext, statuses: StatusRow[], viewer: AccountRow | null): Promise<Set<string>> {
  const byId = new Map(statuses.map((s) => [s.id, s]));
  const missing = statuses.filter((s) => s.reblog_of_id && !byId.has(s.reblog_of_id)).map((s) => s.reblog_of_id!);
  for (const s of await findStatusesByIds(ctx.db, missing)) byId.set(s.id, s);
  const all = [...byId.values()];
  const authorIds = all.map((s) => s.account_id);
  const viewerId = viewer?.id;
  const storeSafe = readsStoreSafe(viewer);
  const [authors, follows, blocks, mentions] = await Promise.all([
    authorFactsAmong(ctx.db, authorIds),
    viewerId ? followedAmong(ctx.db, viewerId, authorIds) : new Set<string>(),
    viewerId ? blockedEitherWayAmong(ctx.db, viewerId, authorIds) : new Set<string>(),
    viewerId ? mentioningAmong(ctx.db, viewerId, all.filter((s) => s.visibility === 'private' || s.visibility === 'direct').map((s) => s.id)) : new Set<string>(),
  ]);
  const sees = (s: StatusRow) =>
    canSee({
      visibility: s.visibility,
      isAuthor: viewerId === s.account_id,
      anonymous: !viewerId,
      authorHidesFromAnonymous: authors.hidingFromLoggedOut.has(s.account_id),
      authorUnavailable: authors.unavailable.has(s.account_id),
      blockedEitherWay: blocks.has(s.account_id),
      viewerFollowsAuthor: follows.has(s.account_id),
      viewerMentioned: mentions.has(s.id),
      held: s.held_at !== null,
      sensitive: s.sensitive === 1 || authors.sensitized.has(s.account_id),
      storeSafe,
    });
  return visibleAmong(statuses, byId, sees);
}

export async function canViewStatus(ctx: AppContext, status: StatusRow, viewer: AccountRow | null): Promise<boolean> {
  return (await visibleStatusIds(ctx, [status], viewer)).has(status.id);
}
