// Moderation jobs: reports past their response deadline are escalated; deleted accounts, and
// suspended ones after 30 days, are erased.
import type { AppContext } from '../context.ts';
import { eraseAccountStep } from '../services/accounts/erase-account.ts';
import { eraseLongSuspended } from '../services/accounts/delete-own-account.ts';
import { escalateOverdueReports } from '../services/moderation/report-queue.ts';
import { JOB } from './types.ts';

export function registerModerationJobs(ctx: AppContext): void {
  ctx.queue.registerRecurring(JOB.escalateOverdueReports, 5 * 60_000, async () => {
    const escalated = await escalateOverdueReports(ctx);
    if (escalated > 0) ctx.log.warn({ escalated }, 'reports passed their response deadline and were escalated to the admins');
  });
  ctx.queue.register(JOB.eraseAccount, async (p) => {
    if (typeof p.accountId === 'string') await eraseAccountStep(ctx, p.accountId);
  });
  ctx.queue.registerRecurring(JOB.eraseLongSuspended, 3600_000, async () => {
    const erased = await eraseLongSuspended(ctx);
    if (erased > 0) ctx.log.info({ erased }, 'suspensions older than 30 days: accounts being erased');
  });
}
