// JOB.pollExpired: when a poll ends, notify its voters and its author (type "poll").
import type { AppContext } from '../../context.ts';
import { findPollById, voterIds } from '../../db/repos/polls.ts';
import { JOB } from '../../jobs/types.ts';

export async function handlePollExpired(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  const pollId = String(payload.pollId ?? '');
  const poll = await findPollById(ctx.db, pollId);
  // Deleted, or replaced by an edit, or re-timed: nothing to do (this keeps the job idempotent).
  if (!poll || !poll.expires_at || poll.expires_at > ctx.clock.now().toISOString()) return;
  const recipients = new Set([poll.account_id, ...(await voterIds(ctx.db, poll.id))]);
  await ctx.db.transaction().execute(async (trx) => {
    for (const accountId of recipients) await ctx.queue.enqueue(trx, JOB.notify, { type: 'poll', accountId, fromAccountId: poll.account_id, statusId: poll.status_id });
  });
}
