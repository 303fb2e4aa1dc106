// Portability jobs: making an archive (slow lane, with a claim long enough for one with
// thousands of posts and files), the steps of a CSV import, and the hourly erasure of what
// is past its keeping time.
import type { AppContext } from '../context.ts';
import { buildExport } from '../services/portability/build-archive.ts';
import { eraseExpiredPortability } from '../services/portability/cleanup.ts';
import { PORTABILITY_JOB } from '../services/portability/job-types.ts';
import { runImportStep } from '../services/portability/run-import.ts';

export function registerPortabilityJobs(ctx: AppContext): void {
  ctx.queue.register(
    PORTABILITY_JOB.buildExport,
    async (p, job) => {
      if (typeof p.exportId === 'string') await buildExport(ctx, p.exportId, job.attempts >= job.max_attempts);
    },
    { slow: true, lockMs: 60 * 60_000 },
  );
  ctx.queue.register(PORTABILITY_JOB.runImport, async (p, job) => {
    if (typeof p.importId === 'string') await runImportStep(ctx, p.importId, typeof p.cursor === 'string' ? p.cursor : null, job.attempts >= job.max_attempts);
  });
  ctx.queue.registerRecurring(PORTABILITY_JOB.eraseExpired, 3600_000, async () => {
    const erased = await eraseExpiredPortability(ctx);
    if (erased.exports + erased.imports > 0) ctx.log.info(erased, 'erased expired archives and imports');
  });
}
