import type { Db } from '../client.ts';
import type { AppRow, AppsTable } from '../schema.ts';
import type { Insertable } from 'kysely';

export async function insertApp(db: Db, app: Insertable<AppsTable>): Promise<void> {
  await db.insertInto('apps').values(app).execute();
}

export async function findAppById(db: Db, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAppByClientId(db: Db, clientId: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}
