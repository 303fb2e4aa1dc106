// Recurring erasure: archives are kept seven days (file and row), imports seven days, and the
// failed rows of an import one day after the person first downloaded them. Everything of an
// account that was deleted goes at the next run, whatever its age.
import { sql } from 'kysely';
import type { AppContext } from '../../context.ts';

export const EXPORT_KEPT_MS = 7 * 24 * 3600_000;
export const IMPORT_KEPT_MS = 7 * 24 * 3600_000;
export const FAILURES_KEPT_AFTER_READ_MS = 24 * 3600_000;
const BATCH = 200;

export async function eraseExpiredPortability(ctx: AppContext): Promise<{ exports: number; imports: number }> {
  const now = ctx.clock.now().getTime();
  const exportsBefore = new Date(now - EXPORT_KEPT_MS).toISOString();
  const importsBefore = new Date(now - IMPORT_KEPT_MS).toISOString();
  const readBefore = new Date(now - FAILURES_KEPT_AFTER_READ_MS).toISOString();
  const ofDeletedAccount = sql<boolean>`account_id in (select id from accounts where deleted_at is not null)`;

  let exports = 0;
  for (;;) {
    const rows = await ctx.db
      .selectFrom('account_exports')
      .select(['id', 'storage_key'])
      .where((eb) => eb.or([eb('created_at', '<', exportsBefore), ofDeletedAccount]))
      .limit(BATCH)
      .execute();
    if (rows.length === 0) break;
    // Files first: if this run stops halfway, the rows are still there for the next one.
    await ctx.media.storage.delete(rows.map((r) => r.storage_key));
    await ctx.db.deleteFrom('account_exports').where('id', 'in', rows.map((r) => r.id)).execute();
    exports += rows.length;
    if (rows.length < BATCH) break;
  }

  let imports = 0;
  for (;;) {
    const ids = (await ctx.db.selectFrom('account_imports').select('id').where((eb) => eb.or([eb('created_at', '<', importsBefore), ofDeletedAccount])).limit(BATCH).execute()).map((r) => r.id);
    if (ids.length === 0) break;
    await ctx.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('account_import_rows').where('import_id', 'in', ids).execute();
      await trx.deleteFrom('account_imports').where('id', 'in', ids).execute();
    });
    imports += ids.length;
    if (ids.length < BATCH) break;
  }

  await ctx.db
    .deleteFrom('account_import_rows')
    .where('failed', '=', 1)
    .where('import_id', 'in', (eb) => eb.selectFrom('account_imports').select('id').where('failures_read_at', '<', readBefore))
    .execute();
  return { exports, imports };
}
