// Accept or reject a pending follow request addressed to `owner`.
import type { AppContext } from '../../context.ts';
import { adjustFollowCounters, deleteFollowLike, findFollowLike, insertFollowLike } from '../../db/repos/follows.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';

export async function authorizeFollowRequest(ctx: AppContext, owner: AccountRow, requesterId: string): Promise<void> {
  if (!isId(requesterId)) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    const request = await findFollowLike(trx, 'follow_requests', requesterId, owner.id);
    if (!request) throw notFound();
    await deleteFollowLike(trx, 'follow_requests', requesterId, owner.id);
    const inserted = await insertFollowLike(trx, 'follows', { ...request, id: newId(ctx.clock.now().getTime()), created_at: ctx.clock.now().toISOString() });
    if (!inserted) return;
    await adjustFollowCounters(trx, requesterId, owner.id, 1);
    await ctx.queue.enqueue(trx, JOB.mergeIntoHome, { accountId: requesterId, targetAccountId: owner.id });
  });
}

export async function rejectFollowRequest(ctx: AppContext, owner: AccountRow, requesterId: string): Promise<void> {
  if (!isId(requesterId)) throw notFound();
  const deleted = await deleteFollowLike(ctx.db, 'follow_requests', requesterId, owner.id);
  if (!deleted) throw notFound();
}
