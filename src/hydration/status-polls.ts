// Polls of the statuses being rendered: totals and the viewer's votes are volatile, so they are
// loaded on every render (only when the page has polls at all).
import type { AppContext } from '../context.ts';
import { findPollsByIds, tallies, votesOf } from '../db/repos/polls.ts';
import type { PollRow } from '../db/schema.ts';
import { serializePollBase, type PollJson } from '../serializers/poll.ts';

export interface LoadedPoll {
  row: PollRow;
  json: PollJson;
  /** The viewer's choices (empty when anonymous or not voted). */
  viewerChoices: number[];
}

export async function loadPolls(ctx: AppContext, pollIds: readonly string[], viewerId: string | null): Promise<Map<string, LoadedPoll>> {
  const out = new Map<string, LoadedPoll>();
  if (pollIds.length === 0) return out;
  const [polls, tally, votes] = await Promise.all([
    findPollsByIds(ctx.db, pollIds),
    tallies(ctx.db, pollIds),
    viewerId ? votesOf(ctx.db, viewerId, pollIds) : Promise.resolve([]),
  ]);
  const tallyBy = new Map<string, Map<number, number>>();
  for (const t of tally) {
    const m = tallyBy.get(t.poll_id) ?? new Map<number, number>();
    m.set(Number(t.choice), Number(t.n));
    tallyBy.set(t.poll_id, m);
  }
  const now = ctx.clock.now();
  for (const row of polls) out.set(row.id, { row, json: serializePollBase(row, tallyBy.get(row.id) ?? new Map(), now), viewerChoices: [] });
  for (const v of votes) out.get(v.poll_id)?.viewerChoices.push(Number(v.choice));
  return out;
}
