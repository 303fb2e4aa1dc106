// Local accounts with their logins, for the moderators' account list.
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

const like = (s: string) => `%${s.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function adminAccountPage(db: Executor, f: AdminAccountFilter, page: IdPage): Promise<{ account: AccountRow; user: UserRow }[]> {
  let q = db.selectFrom('accounts as a').innerJoin('users as u', 'u.account_id', 'a.id').selectAll('a').where('a.deleted_at', 'is', null);
  if (f.status === 'pending') q = q.where('u.approved', '=', 0);
  if (f.status === 'disabled') q = q.where('u.disabled_at', 'is not', null);
  if (f.status === 'silenced') q = q.where('a.silenced_at', 'is not', null);
  if (f.status === 'suspended') q = q.where('a.suspended_at', 'is not', null);
  if (f.status === 'active') q = q.where('u.approved', '=', 1).where('u.disabled_at', 'is', null).where('a.suspended_at', 'is', null);
  if (f.username) q = q.where('a.username_lower', 'like', like(f.username));
  if (f.displayName) q = q.where('a.display_name', 'like', like(f.displayName));
  if (f.email) q = q.where('u.email_lower', 'like', like(f.email));
  if (f.roles && f.roles.length > 0) q = q.where('a.role', 'in', f.roles);
  const accounts = await pageBy(q, 'a.id', page);
  if (accounts.length === 0) return [];
  const users = new Map((await db.selectFrom('users').selectAll().where('account_id', 'in', accounts.map((a) => a.id)).execute()).map((u) => [u.account_id, u]));
  return accounts.flatMap((account) => {
    const user = users.get(account.id);
    return user ? [{ account, user }] : [];
  });
}
