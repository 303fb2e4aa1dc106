// Moderators review what the content policies decided: a held post is released (and only then
// delivered) or removed; every review is audited.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { removeStatus } from '../statuses/delete-status.ts';
import { audit } from './audit-log.ts';

export async function reviewDecision(ctx: AppContext, moderator: AccountRow, id: string, approve: boolean): Promise<void> {
  const decision = isId(id) ? await ctx.db.selectFrom('policy_decisions').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
  if (!decision) throw notFound();
  if (decision.reviewed_at) throw unprocessable('This decision was already reviewed');
  const status = decision.subject_type === 'status' ? await findStatusById(ctx.db, decision.subject_id) : undefined;
  const author = await findAccountById(ctx.db, decision.account_id);
  const nowIso = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('policy_decisions').set({ reviewed_at: nowIso, reviewed_by_account_id: moderator.id, outcome: approve ? 'approved' : 'rejected' }).where('id', '=', decision.id).execute();
    if (status && status.held_at && approve) {
      await trx.updateTable('statuses').set({ held_at: null }).where('id', '=', status.id).execute();
      await ctx.queue.enqueue(trx, JOB.distributeStatus, { statusId: status.id });
    }
    if (status && !approve) {
      for (const reblog of await trx.selectFrom('statuses').selectAll().where('reblog_of_id', '=', status.id).execute()) await removeStatus(ctx, trx, reblog);
      await removeStatus(ctx, trx, status);
    }
    const what = decision.subject_type === 'status' ? `post ${decision.subject_id}` : 'profile';
    await audit(ctx, trx, moderator, {
      action: approve ? 'policy.approve' : 'policy.reject',
      targetType: decision.subject_type === 'status' ? 'status' : 'account',
      targetId: decision.subject_id,
      summary: `@${moderator.username} ${approve ? 'approved' : 'rejected'} the ${what} of @${author?.username ?? decision.account_id} (automated decision: ${decision.action})`,
    });
  });
}
