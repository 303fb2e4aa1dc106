// Reports to the moderators and the snapshots of the posts they cite.
import type { Insertable, Selectable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { ReportStatusesTable, ReportsTable } from '../schema.ts';

export type ReportRow = Selectable<ReportsTable>;
export type ReportStatusRow = Insertable<ReportStatusesTable>;

export async function insertReport(exec: Executor, report: ReportRow, statuses: readonly ReportStatusRow[]): Promise<void> {
  await exec.insertInto('reports').values(report).execute();
  if (statuses.length > 0) await exec.insertInto('report_statuses').values([...statuses]).execute();
}

export async function reportedStatusIds(exec: Executor, reportId: string): Promise<string[]> {
  const rows = await exec.selectFrom('report_statuses').select('status_id').where('report_id', '=', reportId).orderBy('status_id').execute();
  return rows.map((r) => r.status_id);
}

export async function existingRuleIds(exec: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await exec.selectFrom('instance_rules').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
