// Reports as moderators see them (Admin::Report): the accounts involved with their logins, the
// cited posts that are public, every cited post's kept copy until the report is resolved, the
// rules, notes, and where the report stands against its deadline.
import type { AppContext } from '../context.ts';
import { listInstanceRules } from '../db/repos/instance.ts';
import type { ReportRow } from '../db/repos/reports.ts';
import { accountsWithLogins, existingStatusIds, notesOfReports, snapshotsOfReports } from '../db/repos/admin-reports.ts';
import type { AdminReportJson, ReportCategory } from '../../api/entities.ts';
import { serializeAccount } from '../serializers/account.ts';
import { serializeAdminAccount } from '../serializers/admin-account.ts';
import { serializeRule } from '../serializers/rule.ts';
import { renderStatuses } from './render-statuses.ts';

/** Groups rows by a key, keeping their order. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(key(row));
    if (list) list.push(row);
    else out.set(key(row), [row]);
  }
  return out;
}

// A page costs the same few statements whatever its size: each kind of row is loaded for every
// report at once and then handed out per report.
export async function renderAdminReports(ctx: AppContext, reports: readonly ReportRow[]): Promise<AdminReportJson[]> {
  if (reports.length === 0) return [];
  const reportIds = reports.map((r) => r.id);
  const [snapshotRows, noteRows, rules] = await Promise.all([
    snapshotsOfReports(ctx.db, reportIds),
    notesOfReports(ctx.db, reportIds),
    listInstanceRules(ctx.db),
  ]);
  const snapshotsOf = groupBy(snapshotRows, (s) => s.report_id);
  const notesOf = groupBy(noteRows, (n) => n.report_id);
  const statusIds = [...new Set(snapshotRows.map((s) => s.status_id))];
  const involved = reports.flatMap((r) => [r.account_id, r.target_account_id, r.assigned_account_id, r.action_taken_by_account_id].filter((x): x is string => x !== null));
  const [people, rendered, existing] = await Promise.all([
    accountsWithLogins(ctx.db, [...involved, ...noteRows.map((n) => n.account_id)]),
    // Mastodon's `statuses` as anyone may see them; private and deleted posts are in `snapshots`.
    renderStatuses(ctx, statusIds, null),
    existingStatusIds(ctx.db, statusIds),
  ]);
  const visibleStatus = new Map(rendered.map((s) => [s.id, s]));
  const admin = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? serializeAdminAccount(ctx.config, p.account, p.user) : null;
  };
  const now = ctx.clock.now().toISOString();
  return reports.map((r) => {
    const snapshots = snapshotsOf.get(r.id) ?? [];
    const notes = notesOf.get(r.id) ?? [];
    const ruleIds: string[] = r.rule_ids ? (JSON.parse(r.rule_ids) as string[]) : [];
    return {
      id: r.id,
      action_taken: r.action_taken_at !== null,
      action_taken_at: r.action_taken_at,
      category: r.category as ReportCategory,
      comment: r.comment,
      forwarded: r.forwarded === 1,
      created_at: r.created_at,
      updated_at: r.updated_at,
      account: admin(r.account_id)!,
      target_account: admin(r.target_account_id)!,
      assigned_account: admin(r.assigned_account_id),
      action_taken_by_account: admin(r.action_taken_by_account_id),
      statuses: snapshots.flatMap((s) => visibleStatus.get(s.status_id) ?? []),
      rules: rules.filter((rule) => ruleIds.includes(rule.id)).map(serializeRule),
      deadline_at: r.deadline_at,
      overdue: r.action_taken_at === null && r.deadline_at !== null && r.deadline_at < now,
      escalated_at: r.escalated_at,
      snapshots: r.action_taken_at === null ? snapshots.map((s) => ({ status_id: s.status_id, content: s.content_html, spoiler_text: s.spoiler_text, visibility: s.visibility, created_at: s.status_created_at, deleted: !existing.has(s.status_id) })) : [],
      notes: notes.flatMap((n) => {
        const author = people.get(n.account_id);
        return author ? [{ id: n.id, content: n.content, created_at: n.created_at, account: serializeAccount(ctx.config, author.account) }] : [];
      }),
    };
  });
}
