// Scheduled statuses: listing, re-timing, cancelling, and publishing when due.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { deleteScheduledStatus, findScheduledStatus, updateScheduledAt, type ScheduledStatusRow } from '../../db/repos/scheduled-statuses.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import type { ScheduledParams } from '../../serializers/scheduled-status.ts';
import { createStatus, inputFromScheduled } from './create-status.ts';

export async function loadOwnScheduled(ctx: AppContext, owner: AccountRow, id: string): Promise<ScheduledStatusRow> {
  const row = isId(id) ? await findScheduledStatus(ctx.db, id) : undefined;
  if (!row || row.account_id !== owner.id) throw notFound();
  return row;
}

export async function rescheduleStatus(ctx: AppContext, owner: AccountRow, id: string, scheduledAt: string): Promise<ScheduledStatusRow> {
  const row = await loadOwnScheduled(ctx, owner, id);
  const at = new Date(scheduledAt);
  if (Number.isNaN(at.getTime())) throw unprocessable('Scheduled at is invalid');
  if (at.getTime() - ctx.clock.now().getTime() < 5 * 60_000) throw unprocessable('Scheduled at must be at least 5 minutes in the future');
  await ctx.db.transaction().execute(async (trx) => {
    await updateScheduledAt(trx, row.id, at.toISOString());
    // The earlier job finds the new time not yet due and does nothing.
    await ctx.queue.enqueue(trx, JOB.publishScheduledStatus, { scheduledStatusId: row.id }, { runAt: at });
  });
  return { ...row, scheduled_at: at.toISOString() };
}

export async function cancelScheduledStatus(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  const row = await loadOwnScheduled(ctx, owner, id);
  await deleteScheduledStatus(ctx.db, row.id);
}

/** JOB.publishScheduledStatus. Idempotent: the scheduled row is removed in the publishing transaction. */
export async function handlePublishScheduled(ctx: AppContext, payload: Record<string, unknown>): Promise<void> {
  const row = await findScheduledStatus(ctx.db, String(payload.scheduledStatusId ?? ''));
  if (!row || row.scheduled_at > ctx.clock.now().toISOString()) return;
  const author = await findAccountById(ctx.db, row.account_id);
  if (!author || author.suspended_at) {
    await deleteScheduledStatus(ctx.db, row.id);
    return;
  }
  const params = JSON.parse(row.params) as ScheduledParams;
  try {
    await createStatus(ctx, author, { ...inputFromScheduled(params), scheduledAt: null }, {
      appId: row.app_id,
      scheduledStatusId: row.id,
      beforeCommit: async (trx) => {
        await deleteScheduledStatus(trx, row.id);
      },
    });
  } catch (err) {
    // The post became invalid meanwhile (reply target deleted...): drop it rather than retry forever.
    if (err instanceof Error && 'status' in err && typeof err.status === 'number' && err.status < 500) {
      ctx.log.warn({ scheduledStatusId: row.id, err: err.message }, 'scheduled status could not be published');
      await deleteScheduledStatus(ctx.db, row.id);
      return;
    }
    throw err;
  }
}
