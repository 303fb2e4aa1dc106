// Moderation jobs: every few minutes, reports past their response deadline are escalated.
import type { AppContext } from '../context.ts';
import { escalateOverdueReports } from '../services/moderation/report-queue.ts';
import { JOB } from './types.ts';

export function registerModerationJobs(ctx: AppContext): void {
  ctx.queue.registerRecurring(JOB.escalateOverdueReports, 5 * 60_000, async () => {
    const escalated = await escalateOverdueReports(ctx);
    if (escalated > 0) ctx.log.warn({ escalated }, 'reports passed their response deadline and were escalated to the admins');
  });
}
