// Favouriting and bookmarking: idempotent, like Mastodon (doing it twice is not an error).
import type { AppContext } from '../../context.ts';
import { addMark, findMark, removeMark } from '../../db/repos/status-marks.ts';
import { bumpStatusCounter, findStatusById } from '../../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { JOB } from '../../jobs/types.ts';
import { loadVisibleOriginal } from './load-visible-status.ts';

export async function favouriteStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await loadVisibleOriginal(ctx, id, viewer);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const added = await addMark(trx, 'favourites', { id: newId(now.getTime()), account_id: viewer.id, status_id: status.id, created_at: now.toISOString() });
    if (!added) return;
    await bumpStatusCounter(trx, status.id, 'favourites_count', 1);
    if (status.account_id !== viewer.id) await ctx.queue.enqueue(trx, JOB.notify, { type: 'favourite', accountId: status.account_id, fromAccountId: viewer.id, statusId: status.id });
  });
  return status;
}

/** Works on a status the viewer favourited even if it is no longer visible to them. */
export async function unfavouriteStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await markedOrVisible(ctx, viewer, id, 'favourites');
  await ctx.db.transaction().execute(async (trx) => {
    if (await removeMark(trx, 'favourites', viewer.id, status.id)) await bumpStatusCounter(trx, status.id, 'favourites_count', -1);
  });
  return status;
}

export async function bookmarkStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await loadVisibleOriginal(ctx, id, viewer);
  const now = ctx.clock.now();
  await addMark(ctx.db, 'bookmarks', { id: newId(now.getTime()), account_id: viewer.id, status_id: status.id, created_at: now.toISOString() });
  return status;
}

export async function unbookmarkStatus(ctx: AppContext, viewer: AccountRow, id: string): Promise<StatusRow> {
  const status = await markedOrVisible(ctx, viewer, id, 'bookmarks');
  await removeMark(ctx.db, 'bookmarks', viewer.id, status.id);
  return status;
}

async function markedOrVisible(ctx: AppContext, viewer: AccountRow, id: string, table: 'favourites' | 'bookmarks'): Promise<StatusRow> {
  if (!isId(id)) throw notFound();
  if (await findMark(ctx.db, table, viewer.id, id)) {
    const s = await findStatusById(ctx.db, id);
    if (s) return s;
  }
  return loadVisibleOriginal(ctx, id, viewer);
}
