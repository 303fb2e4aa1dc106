// Logins (the users table) and the profile writes of a local account.
import type { Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountRow, AccountsTable, UserRow, UsersTable } from '../schema.ts';

export interface Login {
  account: AccountRow;
  user: UserRow;
}

/** A local login by username or e-mail address (case-insensitive); deleted accounts excluded. */
export async function findLogin(exec: Executor, usernameOrEmail: string): Promise<Login | undefined> {
  const key = usernameOrEmail.trim().toLowerCase();
  const byEmail = key.includes('@');
  const row = await exec
    .selectFrom('users')
    .innerJoin('accounts', 'accounts.id', 'users.account_id')
    .selectAll('users')
    .select('accounts.id as a_id')
    .where(byEmail ? 'users.email_lower' : 'accounts.username_lower', '=', key)
    .where('accounts.domain', 'is', null)
    .where('accounts.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const account = await exec.selectFrom('accounts').selectAll().where('id', '=', row.a_id).executeTakeFirstOrThrow();
  const { a_id: _ignored, ...user } = row;
  return { account, user };
}

export async function findLoginByAccountId(exec: Executor, accountId: string): Promise<Login | undefined> {
  const account = await exec.selectFrom('accounts').selectAll().where('id', '=', accountId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!account) return undefined;
  const user = await exec.selectFrom('users').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  return user ? { account, user } : undefined;
}

export async function findUserByConfirmationHash(exec: Executor, hash: string): Promise<UserRow | undefined> {
  return exec.selectFrom('users').selectAll().where('confirmation_token_hash', '=', hash).executeTakeFirst();
}

export async function updateUser(exec: Executor, accountId: string, values: Updateable<UsersTable>): Promise<void> {
  await exec.updateTable('users').set(values).where('account_id', '=', accountId).execute();
}

export async function updateAccount(exec: Executor, accountId: string, values: Updateable<AccountsTable>): Promise<AccountRow> {
  return exec.updateTable('accounts').set(values).where('id', '=', accountId).returningAll().executeTakeFirstOrThrow();
}

export async function countPendingFollowRequests(exec: Executor, accountId: string): Promise<number> {
  const r = await exec
    .selectFrom('follow_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('target_account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findLocalAccountForView(exec: Executor, where: { id: string } | { usernameLower: string }): Promise<AccountRow | undefined> {
  let q = exec.selectFrom('accounts').selectAll().where('deleted_at', 'is', null);
  q = 'id' in where ? q.where('id', '=', where.id) : q.where('username_lower', '=', where.usernameLower).where('domain', 'is', null);
  return q.executeTakeFirst();
}
