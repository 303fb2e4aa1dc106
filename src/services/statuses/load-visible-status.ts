// Loads a status the viewer may see, or answers 404 like Mastodon (never 403 for hidden things).
import type { AppContext } from '../../context.ts';
import { findStatusById } from '../../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { canViewStatus } from '../authorization/status-visibility.ts';

export async function loadVisibleStatus(ctx: AppContext, id: string, viewer: AccountRow | null): Promise<StatusRow> {
  if (!isId(id)) throw notFound();
  const status = await findStatusById(ctx.db, id);
  if (!status || !(await canViewStatus(ctx, status, viewer))) throw notFound();
  return status;
}

/** Like loadVisibleStatus, but actions on a reblog apply to the reblogged original (as in Mastodon). */
export async function loadVisibleOriginal(ctx: AppContext, id: string, viewer: AccountRow | null): Promise<StatusRow> {
  const status = await loadVisibleStatus(ctx, id, viewer);
  if (!status.reblog_of_id) return status;
  const original = await findStatusById(ctx.db, status.reblog_of_id);
  if (!original) throw notFound();
  return original;
}
