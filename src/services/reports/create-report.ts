// A person reports an account, optionally citing some of its posts and the rules they break.
// Only posts of the reported account that the reporter can see may be cited, and their text is
// copied into the report so that deleting a post does not destroy the evidence.
import type { AppContext } from '../../context.ts';
import { findAccountById } from '../../db/repos/accounts.ts';
import { getSetting } from '../../db/repos/settings.ts';
import { existingRuleIds, insertReport, type ReportRow, type ReportStatusRow } from '../../db/repos/reports.ts';
import type { AccountRow, StatusRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { ReportCategory } from '../../../api/entities.ts';
import { loadVisibleStatus } from '../statuses/load-visible-status.ts';
import { notifyStaffOfReport } from '../moderation/staff-notifications.ts';

export interface ReportInput {
  accountId: string;
  statusIds: string[];
  comment: string;
  category: ReportCategory | undefined;
  ruleIds: string[];
  forward: boolean;
}

export interface CreatedReport {
  report: ReportRow;
  statusIds: string[];
  target: AccountRow;
}

export async function createReport(ctx: AppContext, reporter: AccountRow, input: ReportInput): Promise<CreatedReport> {
  const target = await findAccountById(ctx.db, input.accountId);
  if (!target || target.deleted_at) throw notFound();
  if (target.id === reporter.id) throw unprocessable('You cannot report yourself');

  const statuses: StatusRow[] = [];
  for (const id of [...new Set(input.statusIds)]) {
    const status = await loadVisibleStatus(ctx, id, reporter);
    if (status.account_id !== target.id) throw notFound();
    statuses.push(status);
  }

  const ruleIds = [...new Set(input.ruleIds)];
  const known = await existingRuleIds(ctx.db, ruleIds);
  const unknown = ruleIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw unprocessable(`rule_ids contains unknown rules: ${unknown.join(', ')}`);
  // As in Mastodon: citing rules makes the report a violation report.
  const category: ReportCategory = ruleIds.length > 0 ? 'violation' : (input.category ?? 'other');

  const now = ctx.clock.now();
  const report: ReportRow = {
    id: newId(now.getTime()),
    account_id: reporter.id,
    target_account_id: target.id,
    comment: input.comment,
    category,
    rule_ids: category === 'violation' ? JSON.stringify(ruleIds) : null,
    // Forwarding goes to the reported account's server; local accounts have nowhere to forward to.
    forwarded: 0,
    action_taken_at: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    assigned_account_id: null,
    action_taken_by_account_id: null,
    // Every report gets a deadline for its first response; overdue ones are escalated.
    deadline_at: new Date(now.getTime() + (await getSetting(ctx.db, ctx.config, 'report_response_hours')) * 3600_000).toISOString(),
    escalated_at: null,
  };
  const snapshots: ReportStatusRow[] = statuses.map((s) => ({
    report_id: report.id,
    status_id: s.id,
    text: s.text,
    content_html: s.content_html,
    spoiler_text: s.spoiler_text,
    visibility: s.visibility,
    status_created_at: s.created_at,
  }));
  await ctx.db.transaction().execute(async (trx) => {
    await insertReport(trx, report, snapshots);
    await notifyStaffOfReport(ctx, trx, report, ['moderator', 'admin']);
  });
  return { report, statusIds: statuses.map((s) => s.id).sort(), target };
}
