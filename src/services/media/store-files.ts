// Puts processed files into storage and registers them, all or nothing: if registering fails,
// the files just stored are removed again.
import type { AppContext } from '../../context.ts';
import { insertMediaFiles } from '../../db/repos/media.ts';
import type { MediaFileRow } from '../../db/schema.ts';
import type { Executor } from '../../jobs/queue.ts';
import { CONTENT_TYPES, newMediaKey, type MediaExt } from '../../media/keys.ts';

export interface FileToStore {
  role: MediaFileRow['role'];
  ext: MediaExt;
  source: { path: string } | { data: Buffer };
  size: number;
}

export interface StoredFiles {
  keys: string[];
  /** Registers the files in the caller's transaction. */
  register(exec: Executor, accountId: string, attachmentId: string | null): Promise<void>;
  /** Removes the stored files when the write they belong to failed. */
  discard(): Promise<void>;
}

export async function storeFiles(ctx: AppContext, files: FileToStore[]): Promise<StoredFiles> {
  const keys: string[] = [];
  try {
    for (const f of files) {
      const key = newMediaKey(f.ext);
      await ctx.media.storage.put(key, f.source);
      keys.push(key);
    }
  } catch (err) {
    await ctx.media.storage.delete(keys);
    throw err;
  }
  const now = ctx.clock.now().toISOString();
  return {
    keys,
    async register(exec, accountId, attachmentId) {
      await insertMediaFiles(
        exec,
        files.map((f, i) => ({ key: keys[i]!, account_id: accountId, attachment_id: attachmentId, role: f.role, content_type: CONTENT_TYPES[f.ext], size: f.size, created_at: now })),
      );
    },
    async discard() {
      await ctx.media.storage.delete(keys);
    },
  };
}

/** Runs `write` with the files registered in the same transaction; discards the files if it fails. */
export async function commitWithFiles<T>(ctx: AppContext, stored: StoredFiles, write: (exec: Executor) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction().execute(write);
  } catch (err) {
    await stored.discard();
    throw err;
  }
}
