// Reblogging (boosting): one reblog per account and status; only public and unlisted posts.
import type { AppContext } from '../../context.ts';
import { bumpAccountStatusesCount, bumpStatusCounter, findReblog, findStatusById, insertStatus } from '../../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { isDistributable } from '../../domain/visibility.ts';
import { JOB } from '../../jobs/types.ts';
import { canViewStatus } from '../authorization/status-visibility.ts';
import { loadVisibleOriginal } from './load-visible-status.ts';
import { removeStatus } from './delete-status.ts';

/** Returns the reblog row (existing or new). */
export async function reblogStatus(ctx: AppContext, viewer: AccountRow, id: string, visibility: 'public' | 'unlisted' | 'private' | null, appId: string | null): Promise<StatusRow> {
  const original = await loadVisibleOriginal(ctx, id, viewer);
  if (!isDistributable(original.visibility)) throw new AppError(403, 'This action is not allowed');
  const existing = await findReblog(ctx.db, viewer.id, original.id);
  if (existing) return existing;
  const now = ctx.clock.now();
  const row: StatusRow = {
    id: newId(now.getTime()),
    account_id: viewer.id,
    text: null,
    content_html: '',
    spoiler_text: '',
    sensitive: 0,
    visibility: visibility ?? 'public',
    language: null,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog_of_id: original.id,
    quote_of_id: null,
    quote_state: null,
    conversation_id: original.conversation_id,
    application_id: appId,
    poll_id: null,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    quotes_count: 0,
    quote_policy: 'nobody',
    created_at: now.toISOString(),
    edited_at: null,
    held_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertStatus(trx, row);
    await bumpStatusCounter(trx, original.id, 'reblogs_count', 1);
    await bumpAccountStatusesCount(trx, viewer.id, 1, row.created_at);
    await ctx.queue.enqueue(trx, JOB.distributeStatus, { statusId: row.id });
    if (original.account_id !== viewer.id) await ctx.queue.enqueue(trx, JOB.notify, { type: 'reblog', accountId: original.account_id, fromAccountId: viewer.id, statusId: original.id });
  });
  return row;
}

/** Returns the original status. */
export async function unreblogStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  if (!isId(id)) throw notFound();
  let status = await findStatusById(ctx.db, id);
  if (status?.reblog_of_id) status = await findStatusById(ctx.db, status.reblog_of_id);
  if (!status) throw notFound();
  const reblog = await findReblog(ctx.db, viewer.id, status.id);
  if (!reblog) {
    if (!(await canViewStatus(ctx, status, viewer))) throw notFound();
    return status;
  }
  await ctx.db.transaction().execute((trx) => removeStatus(ctx, trx, reblog));
  return status;
}
