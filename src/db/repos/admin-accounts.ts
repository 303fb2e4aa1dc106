// Local accounts with their logins, for the moderators' account list.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountRow, UserRow } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export type AdminAccountStatus = 'active' | 'pending' | 'disabled' | 'silenced' | 'suspended';

export interface AdminAccountFilter {
  status?: AdminAccountStatus;
  username?: string;
  displayName?: string;
  email?: string;
  roles?: string[];
}

const pattern = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
/**
 * Case-insensitive "contains" on both databases: lower() on the column (PostgreSQL's LIKE is
 * case-sensitive) and an explicit ESCAPE (SQLite has no default escape character).
 */
const contains = (column: string, text: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern(text)} escape '\\'`;

export async function adminAccountPage(db: Executor, f: AdminAccountFilter, page: IdPage): Promise<{ account: AccountRow; user: UserRow }[]> {
  let q = db.selectFrom('accounts as a').innerJoin('users as u', 'u.account_id', 'a.id').selectAll('a').where('a.deleted_at', 'is', null);
  if (f.status === 'pending') q = q.where('u.approved', '=', 0);
  if (f.status === 'disabled') q = q.where('u.disabled_at', 'is not', null);
  if (f.status === 'silenced') q = q.where('a.silenced_at', 'is not', null);
  if (f.status === 'suspended') q = q.where('a.suspended_at', 'is not', null);
  if (f.status === 'active') q = q.where('u.approved', '=', 1).where('u.disabled_at', 'is', null).where('a.suspended_at', 'is', null);
  if (f.username) q = q.where(contains('a.username_lower', f.username));
  if (f.displayName) q = q.where(contains('a.display_name', f.displayName));
  if (f.email) q = q.where(contains('u.email_lower', f.email));
  if (f.roles && f.roles.length > 0) q = q.where('a.role', 'in', f.roles);
  const accounts = await pageBy(q, 'a.id', page);
  if (accounts.length === 0) return [];
  const users = new Map((await db.selectFrom('users').selectAll().where('account_id', 'in', accounts.map((a) => a.id)).execute()).map((u) => [u.account_id, u]));
  return accounts.flatMap((account) => {
    const user = users.get(account.id);
    return user ? [{ account, user }] : [];
  });
}
