// Media jobs: processing (in the slow lane, with a claim long enough for the slowest file),
// file deletion after rows are erased, and the hourly clean-up.
import type { AppContext } from '../context.ts';
import { cleanupMedia, deleteMediaFiles } from '../services/media/cleanup-media.ts';
import { processQueuedMedia } from '../services/media/process-media.ts';
import { JOB } from './types.ts';

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export function registerMediaJobs(ctx: AppContext): void {
  // Probe, transcode, poster frame and a second probe each have the configured timeout.
  const lockMs = ctx.config.media.timeoutMs * 4 + 60_000;
  ctx.queue.register(
    JOB.processMedia,
    async (p, job) => {
      if (typeof p.mediaId !== 'string') return;
      await processQueuedMedia(ctx, p.mediaId, job.attempts >= job.max_attempts);
    },
    { slow: true, lockMs },
  );
  ctx.queue.register(JOB.deleteMediaFiles, async (p) => deleteMediaFiles(ctx, strings(p.keys), strings(p.incoming)));
  ctx.queue.registerRecurring(JOB.cleanupMedia, 3600_000, async () => {
    const erased = await cleanupMedia(ctx);
    if (erased > 0) ctx.log.info({ erased }, 'erased media uploads that were never posted');
  });
}
