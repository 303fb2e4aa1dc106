// Starting an import: the file is parsed and checked at once (a bad file changes nothing), its
// rows are stored, and a job works through them. One import at a time per account, so two
// overwrites cannot undo each other halfway.
import type { AppContext } from '../../context.ts';
import type { AccountImportRow, AccountRow } from '../../db/schema.ts';
import { AppError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { PORTABILITY_JOB } from './job-types.ts';
import { parseImport, type ImportMode, type ImportType } from './parse-import.ts';
import { insertImport, unfinishedImport } from './store.ts';

export async function requestImport(ctx: AppContext, account: AccountRow, input: { type: ImportType; mode: ImportMode; text: string }): Promise<AccountImportRow> {
  const rows = parseImport(input.type, input.text).map((r) => JSON.stringify(r));
  const now = ctx.clock.now();
  const row: AccountImportRow = {
    id: newId(now.getTime()),
    account_id: account.id,
    type: input.type,
    mode: input.mode,
    state: 'pending',
    total_items: rows.length,
    processed_items: 0,
    imported_items: 0,
    failed_items: 0,
    failures_read_at: null,
    created_at: now.toISOString(),
    finished_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    if (ctx.dialect === 'postgres') await trx.selectFrom('accounts').select('id').where('id', '=', account.id).forUpdate().execute();
    if (await unfinishedImport(trx, account.id)) throw new AppError(422, 'An import is still running; start the next one when it has finished');
    await insertImport(trx, row, rows);
    await ctx.queue.enqueue(trx, PORTABILITY_JOB.runImport, { importId: row.id });
  });
  return row;
}
