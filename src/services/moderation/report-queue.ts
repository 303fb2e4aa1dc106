// The moderators' report queue: taking a report, notes, resolving and reopening, and the
// escalation of reports nobody answered in time. Each change is audited in its transaction.
// Resolving purges the copies of the reported posts the report kept as evidence: they were
// kept only so a deleted post could still be judged.
import type { AppContext } from '../../context.ts';
import { findReport, insertReportNote, overdueUnescalated, updateReport } from '../../db/repos/admin-reports.ts';
import { existingRuleIds, type ReportRow } from '../../db/repos/reports.ts';
import { getSetting } from '../../db/repos/settings.ts';
import type { AccountRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import type { ReportCategory } from '../../../api/entities.ts';
import type { Executor } from '../../jobs/queue.ts';
import { audit } from './audit-log.ts';
import { notifyStaffOfReport } from './staff-notifications.ts';

/** The account id the audit log names for what the server does by itself. */
export const SYSTEM_ACTOR = { id: 'system' };
export const NOTE_LIMIT = 2000;

export async function loadReport(ctx: AppContext, id: string): Promise<ReportRow> {
  const report = isId(id) ? await findReport(ctx.db, id) : undefined;
  if (!report) throw notFound();
  return report;
}

async function change(ctx: AppContext, moderator: AccountRow, id: string, action: string, summary: (r: ReportRow) => string, patch: (r: ReportRow, nowIso: string) => Partial<ReportRow>): Promise<ReportRow> {
  const report = await loadReport(ctx, id);
  const nowIso = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const updated = await updateReport(trx, report.id, { ...patch(report, nowIso), updated_at: nowIso });
    await audit(ctx, trx, moderator, { action, targetType: 'report', targetId: report.id, summary: summary(report) });
    if (action === 'report.resolve') await purgeSnapshots(trx, report.id);
    return updated;
  });
}

/** The copies of reported posts are evidence only while the report is open. */
async function purgeSnapshots(trx: Executor, reportId: string): Promise<void> {
  await trx.updateTable('report_statuses').set({ text: null, content_html: '', spoiler_text: '' }).where('report_id', '=', reportId).execute();
}

/** Resolves a report as part of another action (an account action taken on it), in its transaction. */
export async function resolveWithin(ctx: AppContext, trx: Executor, moderator: AccountRow, report: ReportRow, nowIso: string, why: string): Promise<void> {
  await updateReport(trx, report.id, { action_taken_at: nowIso, action_taken_by_account_id: moderator.id, updated_at: nowIso });
  await purgeSnapshots(trx, report.id);
  await audit(ctx, trx, moderator, { action: 'report.resolve', targetType: 'report', targetId: report.id, summary: `@${moderator.username} resolved report ${report.id}: ${why}` });
}

export const assignToSelf = (ctx: AppContext, mod: AccountRow, id: string) =>
  change(ctx, mod, id, 'report.assign', () => `@${mod.username} took report ${id}`, () => ({ assigned_account_id: mod.id }));

export const unassign = (ctx: AppContext, mod: AccountRow, id: string) =>
  change(ctx, mod, id, 'report.unassign', () => `@${mod.username} released report ${id}`, () => ({ assigned_account_id: null }));

export const resolveReport = (ctx: AppContext, mod: AccountRow, id: string) =>
  change(ctx, mod, id, 'report.resolve', () => `@${mod.username} resolved report ${id}`, (_r, nowIso) => ({ action_taken_at: nowIso, action_taken_by_account_id: mod.id }));

export async function reopenReport(ctx: AppContext, mod: AccountRow, id: string): Promise<ReportRow> {
  const hours = await getSetting(ctx.db, ctx.config, 'report_response_hours');
  return change(ctx, mod, id, 'report.reopen', () => `@${mod.username} reopened report ${id}`, () => ({
    action_taken_at: null,
    action_taken_by_account_id: null,
    // A reopened report is due again, with a fresh deadline.
    deadline_at: new Date(ctx.clock.now().getTime() + hours * 3600_000).toISOString(),
    escalated_at: null,
  }));
}

export async function recategorise(ctx: AppContext, mod: AccountRow, id: string, input: { category?: ReportCategory; ruleIds?: string[] }): Promise<ReportRow> {
  const ruleIds = [...new Set(input.ruleIds ?? [])];
  const known = await existingRuleIds(ctx.db, ruleIds);
  const unknown = ruleIds.filter((r) => !known.has(r));
  if (unknown.length > 0) throw unprocessable(`rule_ids contains unknown rules: ${unknown.join(', ')}`);
  return change(ctx, mod, id, 'report.update', (r) => `@${mod.username} changed report ${id} from ${r.category} to ${input.category ?? r.category}`, (r) => {
    const category = ruleIds.length > 0 ? 'violation' : (input.category ?? r.category);
    return { category, rule_ids: category === 'violation' ? JSON.stringify(ruleIds.length > 0 ? ruleIds : (JSON.parse(r.rule_ids ?? '[]') as string[])) : null };
  });
}

export async function addReportNote(ctx: AppContext, mod: AccountRow, id: string, content: string): Promise<void> {
  const report = await loadReport(ctx, id);
  const text = content.trim();
  if (text === '') throw unprocessable("Content can't be blank");
  if ([...text].length > NOTE_LIMIT) throw unprocessable(`Content is too long (maximum is ${NOTE_LIMIT} characters)`);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await insertReportNote(trx, { id: newId(now.getTime()), report_id: report.id, account_id: mod.id, content: text, created_at: now.toISOString() });
    await audit(ctx, trx, mod, { action: 'report.note', targetType: 'report', targetId: report.id, summary: `@${mod.username} added a note to report ${report.id}` });
  });
}

/** Marks open reports past their deadline as escalated (the admins' dashboard shows them first). */
export async function escalateOverdueReports(ctx: AppContext): Promise<number> {
  const nowIso = ctx.clock.now().toISOString();
  const overdue = await overdueUnescalated(ctx.db, nowIso, 500);
  for (const r of overdue) {
    await ctx.db.transaction().execute(async (trx) => {
      await updateReport(trx, r.id, { escalated_at: nowIso });
      await notifyStaffOfReport(ctx, trx, r, ['admin']);
      await audit(ctx, trx, SYSTEM_ACTOR, { action: 'report.escalate', targetType: 'report', targetId: r.id, summary: `Report ${r.id} passed its deadline (${r.deadline_at}) without an answer and was escalated to the admins` });
    });
  }
  return overdue.length;
}
