// Media on posts: which uploads a new (or edited, or scheduled) post may carry, and attaching
// them in the post's transaction. At most four pictures, or one video, animation or audio clip.
import type { Transaction } from 'kysely';
import { attachmentsByIds, updateAttachment } from '../../db/repos/media.ts';
import type { AccountRow, Database, MediaAttachmentRow } from '../../db/schema.ts';
import { unprocessable } from '../../domain/errors.ts';
import type { Executor } from '../../jobs/queue.ts';

export const MAX_ATTACHMENTS = 4;

/**
 * Resolves the ids a client sent, in its order. `ownerOf` says which rows may be used: the
 * author's uploads that are free, plus (for edits and scheduled posts) those already theirs.
 */
export async function resolveMedia(
  exec: Executor,
  author: AccountRow,
  ids: readonly string[],
  mayUse: (row: MediaAttachmentRow) => boolean = (row) => row.status_id === null && row.scheduled_status_id === null,
): Promise<MediaAttachmentRow[]> {
  const unique = [...new Set(ids.map(String))];
  if (unique.length === 0) return [];
  if (unique.length > MAX_ATTACHMENTS) throw unprocessable(`A post can have at most ${MAX_ATTACHMENTS} media attachments`);
  const rows = new Map((await attachmentsByIds(exec, unique)).map((r) => [r.id, r]));
  const missing = unique.filter((id) => {
    const row = rows.get(id);
    return !row || row.account_id !== author.id || !mayUse(row);
  });
  if (missing.length > 0) throw unprocessable(`Media attachments not found: ${missing.slice(0, MAX_ATTACHMENTS).join(', ').slice(0, 200)}`);
  const ordered = unique.map((id) => rows.get(id)!);
  if (ordered.some((r) => r.state === 'processing')) throw unprocessable('Cannot attach files that have not finished processing. Try again in a moment!');
  if (ordered.some((r) => r.state === 'failed')) throw unprocessable('Cannot attach a file that could not be processed');
  const single = ordered.filter((r) => r.type !== 'image');
  if (single.length > 0 && ordered.length > 1) throw unprocessable('A video, animation or audio clip cannot be attached together with other media');
  return ordered;
}

/** Shows `rows` on the status in this order; what it showed before and no longer does stays for the history. */
export async function attachToStatus(trx: Transaction<Database> | Executor, statusId: string, rows: readonly MediaAttachmentRow[], nowIso: string, previous: readonly MediaAttachmentRow[] = []): Promise<void> {
  const keep = new Set(rows.map((r) => r.id));
  for (const old of previous) if (!keep.has(old.id) && old.position !== null) await updateAttachment(trx, old.id, { position: null, updated_at: nowIso });
  for (const [position, row] of rows.entries()) await updateAttachment(trx, row.id, { status_id: statusId, scheduled_status_id: null, position, updated_at: nowIso });
}

export async function reserveForScheduled(exec: Executor, scheduledId: string, rows: readonly MediaAttachmentRow[], nowIso: string): Promise<void> {
  for (const row of rows) await updateAttachment(exec, row.id, { scheduled_status_id: scheduledId, updated_at: nowIso });
}
