// Lists and their members.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { ListRow } from '../schema.ts';

export async function insertList(exec: Executor, row: ListRow): Promise<void> {
  await exec.insertInto('lists').values(row).execute();
}

export async function findList(db: Db, ownerId: string, id: string): Promise<ListRow | undefined> {
  return db.selectFrom('lists').selectAll().where('id', '=', id).where('account_id', '=', ownerId).executeTakeFirst();
}

export async function listsOf(db: Db, ownerId: string): Promise<ListRow[]> {
  return db.selectFrom('lists').selectAll().where('account_id', '=', ownerId).orderBy('id').execute();
}

export async function updateList(exec: Executor, id: string, set: Partial<Pick<ListRow, 'title' | 'replies_policy' | 'exclusive'>>): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await exec.updateTable('lists').set(set).where('id', '=', id).execute();
}

export async function deleteList(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('feed_entries').where('feed', '=', `list:${id}`).execute();
  await exec.deleteFrom('lists').where('id', '=', id).execute();
}

/** The owner's lists that contain `memberId`. */
export async function listsContaining(db: Db, ownerId: string, memberId: string): Promise<ListRow[]> {
  return db
    .selectFrom('lists')
    .innerJoin('list_accounts', 'list_accounts.list_id', 'lists.id')
    .selectAll('lists')
    .where('lists.account_id', '=', ownerId)
    .where('list_accounts.account_id', '=', memberId)
    .orderBy('lists.id')
    .execute();
}

/** Lists (of any owner) that contain `memberId`: the fan-out targets of that member's statuses. */
export async function listsWithMember(db: Db, memberId: string): Promise<ListRow[]> {
  return db.selectFrom('lists').innerJoin('list_accounts', 'list_accounts.list_id', 'lists.id').selectAll('lists').where('list_accounts.account_id', '=', memberId).execute();
}

export async function listMemberIds(db: Db, listId: string): Promise<string[]> {
  const rows = await db.selectFrom('list_accounts').select('account_id').where('list_id', '=', listId).execute();
  return rows.map((r) => r.account_id);
}

export async function listMembersPage(db: Db, listId: string, afterId: string | null, limit: number | null): Promise<string[]> {
  let q = db
    .selectFrom('list_accounts as l')
    .innerJoin('accounts as a', 'a.id', 'l.account_id')
    .select('a.id')
    .where('l.list_id', '=', listId)
    .where('a.deleted_at', 'is', null)
    .orderBy('a.id');
  if (afterId) q = q.where('a.id', '>', afterId);
  if (limit !== null) q = q.limit(limit);
  return (await q.execute()).map((r) => r.id);
}

export async function addListMembers(exec: Executor, listId: string, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await exec
    .insertInto('list_accounts')
    .values(accountIds.map((account_id) => ({ list_id: listId, account_id })))
    .onConflict((oc) => oc.columns(['list_id', 'account_id']).doNothing())
    .execute();
}

export async function removeListMembers(exec: Executor, listId: string, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await exec.deleteFrom('list_accounts').where('list_id', '=', listId).where('account_id', 'in', accountIds).execute();
  await exec.deleteFrom('feed_entries').where('feed', '=', `list:${listId}`).where('account_id', 'in', accountIds).execute();
}

/** Drops `memberId` from every list of `ownerId` (after an unfollow or a block), with its list-feed entries. */
export async function removeFromOwnersLists(exec: Executor, ownerId: string, memberId: string): Promise<void> {
  const lists = await exec
    .selectFrom('lists')
    .innerJoin('list_accounts', 'list_accounts.list_id', 'lists.id')
    .select('lists.id')
    .where('lists.account_id', '=', ownerId)
    .where('list_accounts.account_id', '=', memberId)
    .execute();
  for (const l of lists) await removeListMembers(exec, l.id, [memberId]);
}
