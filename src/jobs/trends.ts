// Recurring: score the trending tags and posts every 10 minutes (nothing while the admin has
// trends turned off).
import type { AppContext } from '../context.ts';
import { computeTrends } from '../services/trends/compute-trends.ts';

/** The job type (kept here rather than in types.ts: nothing enqueues it, the queue schedules it). */
export const COMPUTE_TRENDS_JOB = 'compute_trends';
const EVERY_MS = 10 * 60_000;

export function registerTrendsJob(ctx: AppContext): void {
  ctx.queue.registerRecurring(COMPUTE_TRENDS_JOB, EVERY_MS, async () => {
    const stored = await computeTrends(ctx);
    if (stored) ctx.log.debug(stored, 'trend candidates scored');
  });
}
