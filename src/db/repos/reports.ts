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

/** The posts each report cites, in one statement for all of them. */
export async function reportedStatusIdsOf(exec: Executor, reportIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (reportIds.length === 0) return out;
  const rows = await exec.selectFrom('report_statuses').select(['report_id', 'status_id']).where('report_id', 'in', [...reportIds]).orderBy('report_id').orderBy('status_id').execute();
  for (const { report_id, status_id } of rows) {
    const list = out.get(report_id);
    if (list) list.push(status_id);
    else out.set(report_id, [status_id]);
  }
  return out;
}

export async function existingRuleIds(exec: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await exec.selectFrom('instance_rules').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}
