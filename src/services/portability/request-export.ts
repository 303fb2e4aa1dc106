// Requesting an archive: at most one a day (a failed one does not count), made by a job. The
// storage key is chosen now, so the job can be retried without leaving stray files.
import type { AppContext } from '../../context.ts';
import type { AccountExportRow, AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { newArchiveKey } from '../../media/keys.ts';
import { PORTABILITY_JOB } from './job-types.ts';
import { insertExport, recentExport } from './store.ts';

export const EXPORT_INTERVAL_MS = 24 * 3600_000;

export async function requestExport(ctx: AppContext, account: AccountRow): Promise<AccountExportRow> {
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    // Two requests at once must not both pass the check: on PostgreSQL they queue on the account
    // row; SQLite runs one write transaction at a time anyway.
    if (ctx.dialect === 'postgres') await trx.selectFrom('accounts').select('id').where('id', '=', account.id).forUpdate().execute();
    if (await recentExport(trx, account.id, new Date(now.getTime() - EXPORT_INTERVAL_MS).toISOString())) {
      throw new AppError(422, 'You can request an archive once every 24 hours');
    }
    const row: AccountExportRow = { id: newId(now.getTime()), account_id: account.id, state: 'pending', storage_key: newArchiveKey(), byte_size: null, created_at: now.toISOString(), finished_at: null };
    await insertExport(trx, row);
    await ctx.queue.enqueue(trx, PORTABILITY_JOB.buildExport, { exportId: row.id }, { maxAttempts: 3 });
    return row;
  });
}
