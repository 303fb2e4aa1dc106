// Erasing media: the rows go in the caller's transaction, the files by a job right after it
// commits (a file is never deleted for a write that then rolls back). From the moment the
// transaction commits, the media route no longer finds the files and answers 404.
import type { AppContext } from '../../context.ts';
import { deleteAttachments, unregisterFiles, unregisterFilesOfAttachments } from '../../db/repos/media.ts';
import type { MediaAttachmentRow } from '../../db/schema.ts';
import type { Executor } from '../../jobs/queue.ts';
import { JOB } from '../../jobs/types.ts';

export async function eraseAttachments(ctx: AppContext, exec: Executor, rows: readonly MediaAttachmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.id);
  const keys = await unregisterFilesOfAttachments(exec, ids);
  const incoming = rows.map((r) => r.incoming_name).filter((n): n is string => n !== null);
  await deleteAttachments(exec, ids);
  await ctx.queue.enqueue(exec, JOB.deleteMediaFiles, { keys, incoming });
}

/** Erases single files (a replaced avatar or header, a replaced thumbnail). */
export async function eraseFiles(ctx: AppContext, exec: Executor, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await unregisterFiles(exec, keys);
  await ctx.queue.enqueue(exec, JOB.deleteMediaFiles, { keys: [...keys], incoming: [] });
}
