// The profile directory: discoverable, available accounts.
import type { Db } from '../client.ts';
import type { AccountRow } from '../schema.ts';

export async function directoryAccounts(db: Db, opts: { order: 'active' | 'new'; offset: number; limit: number }): Promise<AccountRow[]> {
  let q = db.selectFrom('accounts').selectAll().where('discoverable', '=', 1).where('suspended_at', 'is', null).where('deleted_at', 'is', null);
  // Accounts that never posted sort last among the active ones, on both databases.
  q = opts.order === 'active' ? q.orderBy((eb) => eb.fn.coalesce('last_status_at', eb.val('')), 'desc').orderBy('id', 'desc') : q.orderBy('id', 'desc');
  return q.offset(opts.offset).limit(opts.limit).execute();
}
