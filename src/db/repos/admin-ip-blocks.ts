// IP range blocks.
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { IpBlockRow, IpBlocksTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export async function ipBlockPage(db: Executor, page: IdPage): Promise<IpBlockRow[]> {
  return pageBy(db.selectFrom('ip_blocks').selectAll(), 'id', page);
}

export async function findIpBlock(db: Executor, id: string): Promise<IpBlockRow | undefined> {
  return db.selectFrom('ip_blocks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findIpBlockByRange(db: Executor, ip: string): Promise<IpBlockRow | undefined> {
  return db.selectFrom('ip_blocks').selectAll().where('ip', '=', ip).executeTakeFirst();
}

/** Every block that has not expired: few enough to match in memory. */
export async function activeIpBlocks(db: Executor, nowIso: string): Promise<IpBlockRow[]> {
  return db
    .selectFrom('ip_blocks')
    .selectAll()
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', nowIso)]))
    .execute();
}

export async function insertIpBlock(db: Executor, row: Insertable<IpBlocksTable>): Promise<void> {
  await db.insertInto('ip_blocks').values(row).execute();
}

export async function updateIpBlock(db: Executor, id: string, patch: Updateable<IpBlocksTable>): Promise<void> {
  await db.updateTable('ip_blocks').set(patch).where('id', '=', id).execute();
}

export async function deleteIpBlock(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('ip_blocks').where('id', '=', id).execute();
}
