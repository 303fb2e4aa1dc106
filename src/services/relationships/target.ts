// Loads the account an action is aimed at; unknown, deleted and suspended accounts are all a 404.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';

export async function loadTargetAccount(ctx: AppContext, id: string): Promise<AccountRow> {
  if (!isId(id)) throw notFound();
  const account = await findAccountById(ctx.db, id);
  if (!account || account.suspended_at || account.deleted_at) throw notFound();
  return account;
}

export function refuseSelf(actor: AccountRow, target: AccountRow, what: string): void {
  if (actor.id === target.id) throw unprocessable(`You cannot ${what} yourself`);
}
