// The registered OAuth applications as admins see them: for flagging store-safe builds.
import { sql } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AppRow } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export type AdminAppRow = Pick<AppRow, 'id' | 'name' | 'website' | 'store_safe' | 'created_at'> & { users_count: number | string };

function adminApps(db: Executor) {
  return db.selectFrom('apps as ap').select([
    'ap.id',
    'ap.name',
    'ap.website',
    'ap.store_safe',
    'ap.created_at',
    // People who hold a live token of the app: who a change of its flag affects.
    sql<number | string>`(select count(distinct t.account_id) from oauth_tokens t where t.app_id = ap.id and t.revoked_at is null and t.account_id is not null)`.as('users_count'),
  ]);
}

/** Applications, newest first. */
export async function adminAppPage(db: Executor, page: IdPage): Promise<AdminAppRow[]> {
  return pageBy(adminApps(db), 'ap.id', page);
}

export async function findAdminApp(db: Executor, id: string): Promise<AdminAppRow | undefined> {
  return adminApps(db).where('ap.id', '=', id).executeTakeFirst();
}

export async function setStoreSafe(db: Executor, id: string, storeSafe: boolean): Promise<void> {
  await db.updateTable('apps').set({ store_safe: storeSafe ? 1 : 0 }).where('id', '=', id).execute();
}
