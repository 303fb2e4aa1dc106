// The one authorisation rule of portability: an archive or an import is its owner's alone.
// Anyone else gets the same 404 as for an id that does not exist.
import type { AppContext } from '../../context.ts';
import type { AccountExportRow, AccountImportRow, AccountRow } from '../../db/schema.ts';
import { notFound } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';
import { findExport, findImport } from './store.ts';

export async function ownedExport(ctx: AppContext, owner: AccountRow, id: string): Promise<AccountExportRow> {
  const row = isId(id) ? await findExport(ctx.db, id) : undefined;
  if (!row || row.account_id !== owner.id) throw notFound();
  return row;
}

export async function ownedImport(ctx: AppContext, owner: AccountRow, id: string): Promise<AccountImportRow> {
  const row = isId(id) ? await findImport(ctx.db, id) : undefined;
  if (!row || row.account_id !== owner.id) throw notFound();
  return row;
}
