// The facts visibility depends on, loaded in bulk: one query each, whatever the number of statuses.
import type { Db } from '../client.ts';

/** Of `authorIds`, those the viewer follows. */
export async function followedAmong(db: Db, viewerId: string, authorIds: readonly string[]): Promise<Set<string>> {
  if (authorIds.length === 0) return new Set();
  const rows = await db.selectFrom('follows').select('target_account_id').where('account_id', '=', viewerId).where('target_account_id', 'in', [...new Set(authorIds)]).execute();
  return new Set(rows.map((r) => r.target_account_id));
}

/** Of `accountIds`, those that block the viewer or that the viewer blocks. */
export async function blockedEitherWayAmong(db: Db, viewerId: string, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const ids = [...new Set(accountIds)];
  const rows = await db
    .selectFrom('blocks')
    .select(['account_id', 'target_account_id'])
    .where((eb) =>
      eb.or([
        eb.and([eb('account_id', '=', viewerId), eb('target_account_id', 'in', ids)]),
        eb.and([eb('target_account_id', '=', viewerId), eb('account_id', 'in', ids)]),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => (r.account_id === viewerId ? r.target_account_id : r.account_id)));
}

/** Of `statusIds`, those that mention the viewer. */
export async function mentioningAmong(db: Db, viewerId: string, statusIds: readonly string[]): Promise<Set<string>> {
  if (statusIds.length === 0) return new Set();
  const rows = await db.selectFrom('mentions').select('status_id').where('account_id', '=', viewerId).where('status_id', 'in', [...new Set(statusIds)]).execute();
  return new Set(rows.map((r) => r.status_id));
}

/** Authors that are suspended or deleted. */
export async function unavailableAmong(db: Db, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('id', 'in', [...new Set(accountIds)])
    .where((eb) => eb.or([eb('suspended_at', 'is not', null), eb('deleted_at', 'is not', null)]))
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these accounts, those whose media a moderator marked sensitive. */
export async function sensitizedAmong(db: Db, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db.selectFrom('accounts').select('id').where('id', 'in', [...new Set(accountIds)]).where('sensitized_at', 'is not', null).execute();
  return new Set(rows.map((r) => r.id));
}

/** Of these accounts, those who hide their posts from people who are not signed in. */
export async function hidingFromLoggedOutAmong(db: Db, accountIds: readonly string[]): Promise<Set<string>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db.selectFrom('accounts').select('id').where('id', 'in', [...new Set(accountIds)]).where('hide_from_logged_out', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}
