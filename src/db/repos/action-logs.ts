// The audit log of moderator and admin actions: written, read, never changed.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AdminActionLogsTable } from '../schema.ts';
import { pageBy, type IdPage } from './paging.ts';

export type ActionLogRow = Selectable<AdminActionLogsTable>;

export async function insertActionLog(exec: Executor, row: Insertable<AdminActionLogsTable>): Promise<void> {
  await exec.insertInto('admin_action_logs').values(row).execute();
}

export interface ActionLogFilter {
  accountId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
}

export async function actionLogPage(db: Executor, f: ActionLogFilter, page: IdPage): Promise<ActionLogRow[]> {
  let q = db.selectFrom('admin_action_logs as l').selectAll('l');
  if (f.accountId) q = q.where('l.account_id', '=', f.accountId);
  if (f.action) q = q.where('l.action', '=', f.action);
  if (f.targetType) q = q.where('l.target_type', '=', f.targetType);
  if (f.targetId) q = q.where('l.target_id', '=', f.targetId);
  return pageBy(q, 'l.id', page);
}
