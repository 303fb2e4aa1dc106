// Reports as moderators see them (Admin::Report): the accounts involved with their logins, the
// cited posts that are public, every cited post's kept copy until the report is resolved, the
// rules, notes, and where the report stands against its deadline.
import type { AppContext } from '../context.ts';
import { notesOfReport, reportSnapshots } from '../db/repos/admin-reports.ts';
import { listInstanceRules } from '../db/repos/instance.ts';
import type { ReportRow } from '../db/repos/reports.ts';
import type { AccountRow, UserRow } from '../db/schema.ts';
import type { AdminReportJson, ReportCategory } from '../../api/entities.ts';
import { serializeAccount } from '../serializers/account.ts';
import { serializeAdminAccount } from '../serializers/admin-account.ts';
import { serializeRule } from '../serializers/rule.ts';
import { renderStatuses } from './render-statuses.ts';

async function logins(ctx: AppContext, ids: string[]): Promise<Map<string, { account: AccountRow; user: UserRow | undefined }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const accounts = await ctx.db.selectFrom('accounts').selectAll().where('id', 'in', unique).execute();
  const users = await ctx.db.selectFrom('users').selectAll().where('account_id', 'in', unique).execute();
  const userOf = new Map(users.map((u) => [u.account_id, u]));
  return new Map(accounts.map((a) => [a.id, { account: a, user: userOf.get(a.id) }]));
}

export async function renderAdminReports(ctx: AppContext, reports: readonly ReportRow[]): Promise<AdminReportJson[]> {
  const people = await logins(ctx, reports.flatMap((r) => [r.account_id, r.target_account_id, r.assigned_account_id, r.action_taken_by_account_id].filter((x): x is string => x !== null)));
  const admin = (id: string | null) => {
    const p = id ? people.get(id) : undefined;
    return p ? serializeAdminAccount(ctx.config, p.account, p.user) : null;
  };
  const rules = await listInstanceRules(ctx.db);
  const now = ctx.clock.now().toISOString();
  const out: AdminReportJson[] = [];
  for (const r of reports) {
    const snapshots = await reportSnapshots(ctx.db, r.id);
    const ids = snapshots.map((s) => s.status_id);
    // Mastodon's `statuses` as anyone may see them; private and deleted posts are in `snapshots`.
    const statuses = await renderStatuses(ctx, ids, null);
    const existing = new Set((await ctx.db.selectFrom('statuses').select('id').where('id', 'in', ids.length ? ids : ['']).execute()).map((s) => s.id));
    const notes = await notesOfReport(ctx.db, r.id);
    const noteAuthors = await logins(ctx, notes.map((n) => n.account_id));
    const ruleIds: string[] = r.rule_ids ? (JSON.parse(r.rule_ids) as string[]) : [];
    out.push({
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
      statuses,
      rules: rules.filter((rule) => ruleIds.includes(rule.id)).map(serializeRule),
      deadline_at: r.deadline_at,
      overdue: r.action_taken_at === null && r.deadline_at !== null && r.deadline_at < now,
      escalated_at: r.escalated_at,
      snapshots: r.action_taken_at === null ? snapshots.map((s) => ({ status_id: s.status_id, content: s.content_html, spoiler_text: s.spoiler_text, visibility: s.visibility, created_at: s.status_created_at, deleted: !existing.has(s.status_id) })) : [],
      notes: notes.flatMap((n) => {
        const author = noteAuthors.get(n.account_id);
        return author ? [{ id: n.id, content: n.content, created_at: n.created_at, account: serializeAccount(ctx.config, author.account) }] : [];
      }),
    });
  }
  return out;
}
