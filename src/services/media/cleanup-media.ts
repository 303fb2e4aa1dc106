// Erases what nobody will post: uploads not attached to any post a day after their last change
// (including those kept for a redraft), and files in the incoming folder that no queued upload
// owns (left by a crash mid-request).
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AppContext } from '../../context.ts';
import { orphanAttachments } from '../../db/repos/media.ts';
import { isIncomingName } from '../../media/keys.ts';
import { eraseAttachments } from './erase-media.ts';

export const ORPHAN_AGE_MS = 24 * 3600_000;
const BATCH = 200;

export async function cleanupMedia(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now().getTime();
  const before = new Date(now - ORPHAN_AGE_MS).toISOString();
  let erased = 0;
  for (;;) {
    const rows = await orphanAttachments(ctx.db, before, BATCH);
    if (rows.length === 0) break;
    await ctx.db.transaction().execute((trx) => eraseAttachments(ctx, trx, rows));
    erased += rows.length;
    if (rows.length < BATCH) break;
  }
  await sweepIncoming(ctx, now);
  return erased;
}

/** Files in the incoming folder older than a day that no processing row refers to. */
async function sweepIncoming(ctx: AppContext, now: number): Promise<void> {
  const dir = ctx.config.media.incomingDir;
  const names = (await readdir(dir).catch(() => [] as string[])).filter(isIncomingName);
  if (names.length === 0) return;
  const owned = new Set(
    (await ctx.db.selectFrom('media_attachments').select('incoming_name').where('incoming_name', 'in', names).execute()).map((r) => r.incoming_name),
  );
  for (const name of names) {
    if (owned.has(name)) continue;
    const info = await stat(path.join(dir, name)).catch(() => null);
    if (info && now - info.mtimeMs > ORPHAN_AGE_MS) await rm(path.join(dir, name), { force: true });
  }
}

/** JOB.deleteMediaFiles: the rows are gone; remove the bytes. Idempotent. */
export async function deleteMediaFiles(ctx: AppContext, keys: string[], incoming: string[]): Promise<void> {
  await ctx.media.storage.delete(keys);
  for (const name of incoming) if (isIncomingName(name)) await rm(path.join(ctx.config.media.incomingDir, name), { force: true });
}
