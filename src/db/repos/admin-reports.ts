// The moderators' view of reports: the queue, one report with its notes, and its changes.
import type { Updateable } from 'kysely';
import type { Executor } from '../../jobs/queue.ts';
import type { AccountRow, ReportNotesTable, ReportsTable, UserRow } from '../schema.ts';
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

/** The notes of several reports, oldest first. */
export async function notesOfReports(db: Executor, reportIds: readonly string[]): Promise<ReportNoteRow[]> {
  if (reportIds.length === 0) return [];
  return db.selectFrom('report_notes').selectAll().where('report_id', 'in', [...reportIds]).orderBy('id').execute();
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

/** The cited posts' kept copies of several reports, by report then post. */
export async function snapshotsOfReports(db: Executor, reportIds: readonly string[]) {
  if (reportIds.length === 0) return [];
  return db.selectFrom('report_statuses').selectAll().where('report_id', 'in', [...reportIds]).orderBy('report_id').orderBy('status_id').execute();
}

/** Of these ids, the posts that still exist. */
export async function existingStatusIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  return new Set((await db.selectFrom('statuses').select('id').where('id', 'in', [...ids]).execute()).map((s) => s.id));
}

/** Accounts with their logins (undefined for an account without one). */
export async function accountsWithLogins(db: Executor, ids: readonly string[]): Promise<Map<string, { account: AccountRow; user: UserRow | undefined }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [accounts, users] = await Promise.all([
    db.selectFrom('accounts').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('users').selectAll().where('account_id', 'in', unique).execute(),
  ]);
  const userOf = new Map(users.map((u) => [u.account_id, u]));
  return new Map(accounts.map((a) => [a.id, { account: a, user: userOf.get(a.id) }]));
}
