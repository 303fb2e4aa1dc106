// Turns (cursor id, account id) rows into Account JSON in the same order, skipping vanished accounts.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { serializeAccount, type AccountJson } from '../../serializers/account.ts';

export async function accountsInOrder(ctx: AppContext, ids: string[]): Promise<AccountJson[]> {
  const rows = await findAccountsByIds(ctx.db, ids);
  const byId = new Map(rows.filter((a) => !a.suspended_at).map((a) => [a.id, a]));
  return ids.flatMap((id) => {
    const a = byId.get(id);
    return a ? [serializeAccount(ctx.config, a)] : [];
  });
}
