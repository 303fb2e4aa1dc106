// GET/PUT/DELETE /api/v1/media/:id: an uploader's own media before it is posted.
import type { AppContext } from '../../context.ts';
import { findAttachment, updateAttachment } from '../../db/repos/media.ts';
import type { AccountRow, MediaAttachmentRow } from '../../db/schema.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { eraseAttachments } from './erase-media.ts';
import { checkDescription, parseFocus } from './media-input.ts';

/** The viewer's own upload; anyone else's is "not found", never "forbidden". */
export async function loadOwnMedia(ctx: AppContext, owner: AccountRow, id: string): Promise<MediaAttachmentRow> {
  const row = isId(id) ? await findAttachment(ctx.db, id) : undefined;
  if (!row || row.account_id !== owner.id) throw notFound();
  return row;
}

export async function updateMedia(ctx: AppContext, owner: AccountRow, id: string, input: { description?: string | null; focus?: string | null }): Promise<MediaAttachmentRow> {
  const row = await loadOwnMedia(ctx, owner, id);
  const description = checkDescription(input.description);
  const focus = parseFocus(input.focus);
  // Posted media changes only through an edit of its post (media_attributes), as in Mastodon.
  if (row.status_id) throw notFound();
  const patch: Partial<MediaAttachmentRow> = { updated_at: ctx.clock.now().toISOString() };
  if (description !== undefined) patch.description = description;
  if (focus !== undefined) Object.assign(patch, { focus_x: focus?.x ?? null, focus_y: focus?.y ?? null });
  return (await updateAttachment(ctx.db, row.id, patch)) ?? row;
}

export async function deleteMedia(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  const row = await loadOwnMedia(ctx, owner, id);
  if (row.status_id || row.scheduled_status_id) throw new AppError(422, 'Media attachment is currently used by a status');
  await ctx.db.transaction().execute((trx) => eraseAttachments(ctx, trx, [row]));
}
