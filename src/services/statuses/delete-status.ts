// DELETE /api/v1/statuses/:id: a hard delete of the status, its reblogs and everything attached,
// with counters fixed and JOB.distributeDelete enqueued (audience captured before deletion).
import type { AppContext } from '../../context.ts';
import type { Executor } from '../../jobs/queue.ts';
import { bumpAccountStatusesCount, bumpStatusCounter, feedAudience, findStatusById, hardDeleteStatus, reblogsOf } from '../../db/repos/statuses.ts';
import { allAttachmentsOfStatus, updateAttachment } from '../../db/repos/media.ts';
import { tagsOfStatuses } from '../../db/repos/tags.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { eraseAttachments } from '../media/erase-media.ts';

export interface RemoveOptions {
  /**
   * Mastodon's delete_media=false (its default): the post's current media become plain,
   * unattached uploads of the author for "delete and redraft". They are no longer served to
   * anyone but the author and are erased within a day if not posted again.
   */
  keepMediaForRedraft?: boolean;
}

/** Removes one status row (and its attachments) and enqueues its delete fan-out. */
export async function removeStatus(ctx: AppContext, trx: Executor, status: StatusRow, opts: RemoveOptions = {}): Promise<void> {
  const audience = await feedAudience(trx, status.id);
  const media = await allAttachmentsOfStatus(trx, status.id);
  const kept = opts.keepMediaForRedraft ? media.filter((m) => m.position !== null) : [];
  const nowIso = ctx.clock.now().toISOString();
  for (const m of kept) await updateAttachment(trx, m.id, { status_id: null, position: null, updated_at: nowIso });
  await eraseAttachments(ctx, trx, media.filter((m) => !kept.includes(m)));
  const tagNames = (await tagsOfStatuses(trx, [status.id])).map((t) => t.name);
  await hardDeleteStatus(trx, ctx.dialect, status.id);
  await bumpAccountStatusesCount(trx, status.account_id, -1);
  if (status.reblog_of_id) await bumpStatusCounter(trx, status.reblog_of_id, 'reblogs_count', -1);
  if (status.in_reply_to_id) await bumpStatusCounter(trx, status.in_reply_to_id, 'replies_count', -1);
  if (status.quote_of_id && status.quote_state === 'accepted') await bumpStatusCounter(trx, status.quote_of_id, 'quotes_count', -1);
  await ctx.queue.enqueue(trx, JOB.distributeDelete, { statusId: status.id, accountId: status.account_id, visibility: status.visibility, tagNames, audienceIds: audience.accountIds, listIds: audience.listIds });
}

/** Deletes the author's status; returns the row as it was (for the delete-and-redraft answer). */
export async function deleteStatus(ctx: AppContext, author: AccountRow, id: string, opts: RemoveOptions = {}): Promise<StatusRow> {
  const status = isId(id) ? await findStatusById(ctx.db, id) : undefined;
  if (!status || status.account_id !== author.id) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    for (const reblog of await reblogsOf(trx, status.id)) await removeStatus(ctx, trx, reblog);
    await removeStatus(ctx, trx, status, opts);
  });
  return status;
}
