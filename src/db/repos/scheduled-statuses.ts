// Scheduled statuses: the parameters of a post to publish later.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { ScheduledStatusesTable } from '../schema.ts';

export type ScheduledStatusRow = Selectable<ScheduledStatusesTable>;

export async function insertScheduledStatus(exec: Executor, row: Insertable<ScheduledStatusesTable>): Promise<void> {
  await exec.insertInto('scheduled_statuses').values(row).execute();
}

export async function findScheduledStatus(db: Executor, id: string): Promise<ScheduledStatusRow | undefined> {
  return db.selectFrom('scheduled_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function scheduledStatusPage(db: Executor, accountId: string, page: { maxId?: string; sinceId?: string; minId?: string; limit: number }): Promise<ScheduledStatusRow[]> {
  let q = db.selectFrom('scheduled_statuses').selectAll().where('account_id', '=', accountId);
  if (page.maxId) q = q.where('id', '<', page.maxId);
  if (page.sinceId) q = q.where('id', '>', page.sinceId);
  if (page.minId) return (await q.where('id', '>', page.minId).orderBy('id', 'asc').limit(page.limit).execute()).reverse();
  return q.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function updateScheduledAt(exec: Executor, id: string, scheduledAt: string): Promise<void> {
  await exec.updateTable('scheduled_statuses').set({ scheduled_at: scheduledAt }).where('id', '=', id).execute();
}

export async function deleteScheduledStatus(exec: Executor, id: string): Promise<boolean> {
  const r = await exec.deleteFrom('scheduled_statuses').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function countScheduled(db: Executor, accountId: string, from: string, to: string): Promise<number> {
  const r = await db
    .selectFrom('scheduled_statuses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('scheduled_at', '>=', from)
    .where('scheduled_at', '<', to)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
