// The import job, one step per run: first (overwrite mode only) the clean-up a page at a time,
// then the rows in batches of 100. Each step enqueues the next, so a 20,000-row import is many
// short jobs and other work runs in between; each batch settles its rows and counters in one
// transaction with the next step's job.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { applyRows } from './apply-rows.ts';
import { PORTABILITY_JOB } from './job-types.ts';
import { overwriteStep } from './overwrite.ts';
import { findImport, pendingRows, setImportState, settleRows } from './store.ts';

const BATCH = 100;

export async function runImportStep(ctx: AppContext, importId: string, cursor: string | null, lastAttempt: boolean): Promise<void> {
  const imp = await findImport(ctx.db, importId);
  if (!imp || imp.state === 'finished' || imp.state === 'failed') return;
  const nowIso = () => ctx.clock.now().toISOString();
  const owner = await findAccountById(ctx.db, imp.account_id);
  if (!owner || owner.deleted_at || owner.suspended_at) {
    await setImportState(ctx.db, imp.id, ['pending', 'processing'], { state: 'failed', finished_at: nowIso() });
    return;
  }
  try {
    if (imp.state === 'pending') {
      const next = imp.mode === 'overwrite' ? await overwriteStep(ctx, imp, owner, cursor) : null;
      if (next !== null) {
        await ctx.queue.enqueue(ctx.db, PORTABILITY_JOB.runImport, { importId, cursor: next });
        return;
      }
      await setImportState(ctx.db, imp.id, ['pending'], { state: 'processing' });
    }
    const batch = await pendingRows(ctx.db, imp.id, BATCH);
    const { done, failed } = await applyRows(ctx, owner, imp.type, batch);
    await ctx.db.transaction().execute(async (trx) => {
      await settleRows(trx, imp.id, done, failed);
      if (batch.length === BATCH) await ctx.queue.enqueue(trx, PORTABILITY_JOB.runImport, { importId });
      else await setImportState(trx, imp.id, ['processing'], { state: 'finished', finished_at: nowIso() });
    });
  } catch (err) {
    if (lastAttempt) await setImportState(ctx.db, imp.id, ['pending', 'processing'], { state: 'failed', finished_at: nowIso() });
    throw err;
  }
}
