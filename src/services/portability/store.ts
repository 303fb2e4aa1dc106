// The SQL of the portability tables: account_exports, account_imports, account_import_rows.
import type { Insertable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { AccountExportRow, AccountExportsTable, AccountImportRow, AccountImportsTable } from '../../db/schema.ts';
import type { Executor } from '../../jobs/queue.ts';

export async function insertExport(exec: Executor, row: Insertable<AccountExportsTable>): Promise<void> {
  await exec.insertInto('account_exports').values(row).execute();
}

export async function findExport(db: Db, id: string): Promise<AccountExportRow | undefined> {
  return db.selectFrom('account_exports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function exportsOf(db: Db, accountId: string): Promise<AccountExportRow[]> {
  return db.selectFrom('account_exports').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

/** An archive requested since `sinceIso` that did not fail: the once-a-day rule. */
export async function recentExport(exec: Executor, accountId: string, sinceIso: string): Promise<{ id: string } | undefined> {
  return exec.selectFrom('account_exports').select('id').where('account_id', '=', accountId).where('created_at', '>', sinceIso).where('state', '!=', 'failed').executeTakeFirst();
}

/** Moves a pending export on; false when it was not pending any more (another worker finished it). */
export async function finishExport(db: Db, id: string, set: { state: 'ready' | 'failed'; byte_size: number | null; finished_at: string }): Promise<boolean> {
  const r = await db.updateTable('account_exports').set(set).where('id', '=', id).where('state', '=', 'pending').executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertImport(exec: Executor, row: Insertable<AccountImportsTable>, rows: readonly string[]): Promise<void> {
  await exec.insertInto('account_imports').values(row).execute();
  // 500 rows (1,500 parameters) per statement stays far below SQLite's and PostgreSQL's limits.
  for (let i = 0; i < rows.length; i += 500) {
    await exec
      .insertInto('account_import_rows')
      .values(rows.slice(i, i + 500).map((data, j) => ({ import_id: row.id, seq: i + j, data })))
      .execute();
  }
}

export async function findImport(db: Db, id: string): Promise<AccountImportRow | undefined> {
  return db.selectFrom('account_imports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function importsOf(db: Db, accountId: string, limit: number): Promise<AccountImportRow[]> {
  return db.selectFrom('account_imports').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(limit).execute();
}

export async function unfinishedImport(exec: Executor, accountId: string): Promise<{ id: string } | undefined> {
  return exec.selectFrom('account_imports').select('id').where('account_id', '=', accountId).where('state', 'in', ['pending', 'processing']).executeTakeFirst();
}

export async function setImportState(exec: Executor, id: string, from: AccountImportRow['state'][], set: Partial<Pick<AccountImportRow, 'state' | 'finished_at'>>): Promise<boolean> {
  const r = await exec.updateTable('account_imports').set(set).where('id', '=', id).where('state', 'in', from).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** Rows still to do, in file order. */
export async function pendingRows(db: Db, importId: string, limit: number): Promise<{ seq: number; data: string }[]> {
  return db.selectFrom('account_import_rows').select(['seq', 'data']).where('import_id', '=', importId).where('failed', '=', 0).orderBy('seq').limit(limit).execute();
}

/** Every row of an import (at most the row limit): what an overwrite keeps. */
export async function allRows(db: Db, importId: string): Promise<string[]> {
  return (await db.selectFrom('account_import_rows').select('data').where('import_id', '=', importId).orderBy('seq').execute()).map((r) => r.data);
}

export async function failedRows(db: Db, importId: string): Promise<string[]> {
  return (await db.selectFrom('account_import_rows').select('data').where('import_id', '=', importId).where('failed', '=', 1).orderBy('seq').execute()).map((r) => r.data);
}

/**
 * Settles processed rows: done ones are deleted, failed ones marked. The counters grow by the
 * rows this call changed, so a batch that two workers happened to run is counted once.
 */
export async function settleRows(exec: Executor, importId: string, done: number[], failed: number[]): Promise<void> {
  const deleted = done.length === 0 ? 0 : Number((await exec.deleteFrom('account_import_rows').where('import_id', '=', importId).where('failed', '=', 0).where('seq', 'in', done).executeTakeFirst()).numDeletedRows);
  const marked = failed.length === 0 ? 0 : Number((await exec.updateTable('account_import_rows').set({ failed: 1 }).where('import_id', '=', importId).where('failed', '=', 0).where('seq', 'in', failed).executeTakeFirst()).numUpdatedRows);
  if (deleted + marked === 0) return;
  await exec
    .updateTable('account_imports')
    .set((eb) => ({
      processed_items: eb('processed_items', '+', deleted + marked),
      imported_items: eb('imported_items', '+', deleted),
      failed_items: eb('failed_items', '+', marked),
    }))
    .where('id', '=', importId)
    .execute();
}

export async function markFailuresRead(db: Db, id: string, nowIso: string): Promise<void> {
  await db.updateTable('account_imports').set({ failures_read_at: nowIso }).where('id', '=', id).where('failures_read_at', 'is', null).execute();
}
