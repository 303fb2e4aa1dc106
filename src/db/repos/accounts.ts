import type { Insertable } from 'kysely';
import type { Db } from '../client.ts';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountRow, AccountsTable, UserRow, UsersTable } from '../schema.ts';

export async function insertAccountWithUser(exec: Executor, account: Insertable<AccountsTable>, user: Insertable<UsersTable>): Promise<void> {
  await exec.insertInto('accounts').values(account).execute();
  await exec.insertInto('users').values(user).execute();
}

export async function findAccountById(db: Db, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findAccountsByIds(db: Db, ids: readonly string[]): Promise<AccountRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('accounts').selectAll().where('id', 'in', [...new Set(ids)]).where('deleted_at', 'is', null).execute();
}

/** Local accounts by name, case-insensitively. Includes deleted ones so their names stay reserved. */
export async function findLocalAccountByUsername(db: Db, username: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('username_lower', '=', username.toLowerCase()).where('domain', 'is', null).executeTakeFirst();
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email_lower', '=', email.toLowerCase()).executeTakeFirst();
}

export async function findUserByAccountId(db: Db, accountId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function countAdmins(db: Db): Promise<number> {
  const r = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('role', '=', 'admin').where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Local, usable accounts by lower-cased usernames (for resolving @mentions). */
export async function findLocalAccountsByUsernames(db: Db, usernamesLower: readonly string[]): Promise<AccountRow[]> {
  if (usernamesLower.length === 0) return [];
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('username_lower', 'in', [...new Set(usernamesLower)])
    .where('domain', 'is', null)
    .where('deleted_at', 'is', null)
    .where('suspended_at', 'is', null)
    .execute();
}
