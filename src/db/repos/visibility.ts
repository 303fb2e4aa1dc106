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
export interface AuthorFacts {
  /** Suspended or deleted: nobody sees their posts. */
  unavailable: Set<string>;
  /** A moderator marked their media sensitive. */
  sensitized: Set<string>;
  /** They hide their posts from people who are not signed in. */
  hidingFromLoggedOut: Set<string>;
}

/** What visibility needs to know about the authors of some posts, in one statement. */
export async function authorFactsAmong(db: Db, accountIds: readonly string[]): Promise<AuthorFacts> {
  const facts: AuthorFacts = { unavailable: new Set(), sensitized: new Set(), hidingFromLoggedOut: new Set() };
  if (accountIds.length === 0) return facts;
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'suspended_at', 'deleted_at', 'sensitized_at', 'hide_from_logged_out'])
    .where('id', 'in', [...new Set(accountIds)])
    .where((eb) => eb.or([eb('suspended_at', 'is not', null), eb('deleted_at', 'is not', null), eb('sensitized_at', 'is not', null), eb('hide_from_logged_out', '=', 1)]))
    .execute();
  for (const r of rows) {
    if (r.suspended_at !== null || r.deleted_at !== null) facts.unavailable.add(r.id);
    if (r.sensitized_at !== null) facts.sensitized.add(r.id);
    if (Number(r.hide_from_logged_out) === 1) facts.hidingFromLoggedOut.add(r.id);
  }
  return facts;
}
