// The moderators' view of reports: the queue, one report with its notes, and its changes.
import type { Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { ReportNotesTable, ReportsTable } from '../schema.ts';
import type { Selectable } from 'kysely';
import { pageBy, type IdPage } from './paging.ts';
import type { ReportRow } from './reports.ts';

export type ReportNoteRow = Selectable<ReportNotesTable>;

export interface ReportQueueFilter {
  resolved: boolean;
  accountId?: string;
  targetAccountId?: string;
}

export async function reportPage(db: Executor, f: ReportQueueFilter, page: IdPage): Promise<ReportRow[]> {
  let q = db.selectFrom('reports as r').selectAll('r').where('r.action_taken_at', f.resolved ? 'is not' : 'is', null);
  if (f.accountId) q = q.where('r.account_id', '=', f.accountId);
  if (f.targetAccountId) q = q.where('r.target_account_id', '=', f.targetAccountId);
  return pageBy(q, 'r.id', page);
}

export async function findReport(db: Executor, id: string): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateReport(db: Executor, id: string, patch: Updateable<ReportsTable>): Promise<ReportRow> {
  return db.updateTable('reports').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function insertReportNote(db: Executor, note: ReportNoteRow): Promise<void> {
  await db.insertInto('report_notes').values(note).execute();
}

export async function notesOfReport(db: Executor, reportId: string): Promise<ReportNoteRow[]> {
  return db.selectFrom('report_notes').selectAll().where('report_id', '=', reportId).orderBy('id').execute();
}

/** Open reports whose response deadline passed and that nobody escalated yet. */
export async function overdueUnescalated(db: Executor, nowIso: string, limit: number): Promise<ReportRow[]> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('action_taken_at', 'is', null)
    .where('escalated_at', 'is', null)
    .where('deadline_at', '<', nowIso)
    .orderBy('deadline_at')
    .limit(limit)
    .execute();
}

export async function reportSnapshots(db: Executor, reportId: string) {
  return db.selectFrom('report_statuses').selectAll().where('report_id', '=', reportId).orderBy('status_id').execute();
}
