// What one viewer has done to a set of statuses: favourited, reblogged, bookmarked, pinned,
// muted (conversation), voted, and whom they follow (for quote permissions). Bulk, no N+1.
import type { AppContext } from '../context.ts';
import { mutedConversationsAmong } from '../db/repos/conversation-mutes.ts';
import { votesOf } from '../db/repos/polls.ts';
import { markedAmong } from '../db/repos/status-marks.ts';
import { appsByIds, rebloggedAmong } from '../db/repos/statuses.ts';
import { followedAmong } from '../db/repos/visibility.ts';
import type { StatusRow } from '../db/schema.ts';

export interface ViewerState {
  favourited: Set<string>;
  reblogged: Set<string>;
  bookmarked: Set<string>;
  pinned: Set<string>;
  mutedConversations: Set<string>;
  votes: Map<string, number[]>;
  follows: Set<string>;
  apps: Map<string, { name: string; website: string | null }>;
}

export async function loadViewerState(ctx: AppContext, viewerId: string, rows: readonly StatusRow[]): Promise<ViewerState> {
  const ids = rows.map((r) => r.id);
  const own = rows.filter((r) => r.account_id === viewerId);
  const [favourited, reblogged, bookmarked, pinned, mutedConversations, votes, follows, apps] = await Promise.all([
    markedAmong(ctx.db, 'favourites', viewerId, ids),
    rebloggedAmong(ctx.db, viewerId, ids),
    markedAmong(ctx.db, 'bookmarks', viewerId, ids),
    markedAmong(ctx.db, 'status_pins', viewerId, own.map((r) => r.id)),
    mutedConversationsAmong(ctx.db, viewerId, rows.map((r) => r.conversation_id)),
    votesOf(ctx.db, viewerId, rows.map((r) => r.poll_id).filter((p): p is string => p !== null)),
    followedAmong(ctx.db, viewerId, rows.filter((r) => r.quote_policy === 'followers').map((r) => r.account_id)),
    appsByIds(ctx.db, own.map((r) => r.application_id).filter((a): a is string => a !== null)),
  ]);
  const voteMap = new Map<string, number[]>();
  for (const v of votes) voteMap.set(v.poll_id, [...(voteMap.get(v.poll_id) ?? []), Number(v.choice)]);
  return { favourited, reblogged, bookmarked, pinned, mutedConversations, votes: voteMap, follows, apps: new Map(apps.map((a) => [a.id, { name: a.name, website: a.website }])) };
}
