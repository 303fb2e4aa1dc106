// DELETE /api/v1/statuses/:id: a hard delete of the status, its reblogs and everything attached,
// with counters fixed and JOB.distributeDelete enqueued (audience captured before deletion).
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import { bumpAccountStatusesCount, bumpStatusCounter, feedAudience, findStatusById, hardDeleteStatus, reblogsOf } from '../../db/repos/statuses.ts';
import { tagsOfStatuses } from '../../db/repos/tags.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';

/** Removes one status row (and its attachments) and enqueues its delete fan-out. */
export async function removeStatus(ctx: AppContext, trx: Executor, status: StatusRow): Promise<void> {
  const audience = await feedAudience(trx, status.id);
  const tagNames = (await tagsOfStatuses(trx, [status.id])).map((t) => t.name);
  await hardDeleteStatus(trx, ctx.dialect, status.id);
  await bumpAccountStatusesCount(trx, status.account_id, -1);
  if (status.reblog_of_id) await bumpStatusCounter(trx, status.reblog_of_id, 'reblogs_count', -1);
  if (status.in_reply_to_id) await bumpStatusCounter(trx, status.in_reply_to_id, 'replies_count', -1);
  if (status.quote_of_id && status.quote_state === 'accepted') await bumpStatusCounter(trx, status.quote_of_id, 'quotes_count', -1);
  await ctx.queue.enqueue(trx, JOB.distributeDelete, { statusId: status.id, accountId: status.account_id, visibility: status.visibility, tagNames, audienceIds: audience.accountIds, listIds: audience.listIds });
}

/** Deletes the author's status; returns the row as it was (for the delete-and-redraft answer). */
export async function deleteStatus(ctx: AppContext, author: AccountRow, id: string): Promise<StatusRow> {
  const status = isId(id) ? await findStatusById(ctx.db, id) : undefined;
  if (!status || status.account_id !== author.id) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    for (const reblog of await reblogsOf(trx, status.id)) await removeStatus(ctx, trx, reblog);
    await removeStatus(ctx, trx, status);
  });
  return status;
}
