// Moderators hear of reports: every moderator and admin gets an admin.report notification when a
// report is filed, and the admins get another when it passes its deadline unanswered.
import type { AppContext } from '../../context.ts';
import { newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';

export async function notifyStaffOfReport(ctx: AppContext, exec: Executor, report: { id: string; account_id: string; target_account_id: string }, roles: readonly ('moderator' | 'admin')[]): Promise<void> {
  const staff = await exec
    .selectFrom('accounts')
    .select('id')
    .where('role', 'in', [...roles])
    .where('deleted_at', 'is', null)
    .where('suspended_at', 'is', null)
    // A moderator who is the subject of the report does not hear of it this way.
    .where('id', '<>', report.target_account_id)
    .execute();
  const now = ctx.clock.now();
  for (const s of staff) {
    await exec
      .insertInto('notifications')
      .values({ id: newId(now.getTime()), account_id: s.id, from_account_id: report.account_id, type: 'admin.report', status_id: null, created_at: now.toISOString(), report_id: report.id })
      .execute();
  }
}
