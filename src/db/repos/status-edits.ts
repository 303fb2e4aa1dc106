// Edit history of statuses.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { StatusEditsTable } from '../schema.ts';

export type StatusEditRow = Selectable<StatusEditsTable>;

export async function insertStatusEdit(exec: Executor, row: Insertable<StatusEditsTable>): Promise<void> {
  await exec.insertInto('status_edits').values(row).execute();
}

export async function editsOf(db: Executor, statusId: string): Promise<StatusEditRow[]> {
  return db.selectFrom('status_edits').selectAll().where('status_id', '=', statusId).orderBy('id').execute();
}

export async function countEdits(db: Executor, statusId: string): Promise<number> {
  const r = await db.selectFrom('status_edits').select((eb) => eb.fn.countAll<number>().as('n')).where('status_id', '=', statusId).executeTakeFirstOrThrow();
  return Number(r.n);
}
