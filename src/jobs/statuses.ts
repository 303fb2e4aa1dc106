// Job handlers of the statuses area: poll expiry and publication of scheduled statuses.
import type { AppContext } from '../context.ts';
import { handlePollExpired } from '../services/polls/poll-expired.ts';
import { handlePublishScheduled } from '../services/statuses/scheduled.ts';
import { JOB } from './types.ts';

export function registerStatusJobs(ctx: AppContext): void {
  ctx.queue.register(JOB.pollExpired, (payload) => handlePollExpired(ctx, payload));
  ctx.queue.register(JOB.publishScheduledStatus, (payload) => handlePublishScheduled(ctx, payload));
}
