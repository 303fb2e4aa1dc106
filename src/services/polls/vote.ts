// POST /api/v1/polls/:id/votes: one vote per account (several choices if the poll allows it).
import type { AppContext } from '../../context.ts';
import { bumpPollCounts, findPollById, insertVotes, votesOf } from '../../db/repos/polls.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import type { AccountRow, PollRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { isPollExpired, pollOptions } from '../../serializers/poll.ts';
import { canViewStatus } from '../authorization/status-visibility.ts';

/** The poll, if its status is visible to the viewer. */
export async function loadVisiblePoll(ctx: AppContext, id: string, viewer: AccountRow | null): Promise<PollRow> {
  const poll = isId(id) ? await findPollById(ctx.db, id) : undefined;
  const status = poll ? await findStatusById(ctx.db, poll.status_id) : undefined;
  if (!poll || !status || !(await canViewStatus(ctx, status, viewer))) throw notFound();
  return poll;
}

export async function voteInPoll(ctx: AppContext, voter: AccountRow, pollId: string, choices: number[]): Promise<PollRow> {
  const poll = await loadVisiblePoll(ctx, pollId, voter);
  if (isPollExpired(poll, ctx.clock.now())) throw unprocessable('The poll has already ended');
  if (poll.account_id === voter.id) throw unprocessable('You cannot vote in your own poll');
  const unique = [...new Set(choices)];
  if (unique.length === 0) throw unprocessable("Choices can't be blank");
  if (unique.length > 1 && poll.multiple !== 1) throw unprocessable('This poll allows only one choice');
  const count = pollOptions(poll).length;
  if (unique.some((c) => c < 0 || c >= count)) throw unprocessable('Choice is not one of the options');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if ((await votesOf(trx, voter.id, [poll.id])).length > 0) throw unprocessable('You have already voted on this poll');
    await insertVotes(trx, unique.map((choice) => ({ id: newId(), poll_id: poll.id, account_id: voter.id, choice, created_at: now })));
    await bumpPollCounts(trx, poll.id, unique.length, 1);
  });
  return poll;
}
