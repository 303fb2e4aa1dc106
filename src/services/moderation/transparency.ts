// The public transparency report: per month, the reports received (by category), the
// moderation actions taken, how long reports waited for a first response (median and 95th
// percentile), and appeals with their outcomes. Actions and response times come from the audit
// log, so the figures are what moderators actually did. Only counts are published, never names.
import type { AppContext } from '../../context.ts';

export interface TransparencyMonth {
  month: string;
  reports: { total: number; by_category: Record<string, number> };
  actions: Record<string, number>;
  first_response_hours: { answered: number; unanswered: number; median: number | null; p95: number | null };
  appeals: { received: number; approved: number; rejected: number; pending: number };
}

const MONTHS = 12;
/** What counts as a moderator's response to a report (escalation is the server's, not a response). */
const RESPONSES = new Set(['report.assign', 'report.note', 'report.update', 'report.resolve', 'report.reopen']);

const monthOf = (iso: string) => iso.slice(0, 7);

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return Math.round(sorted[Math.min(Math.max(rank, 0), sorted.length - 1)]! * 10) / 10;
}

export async function transparencyReport(ctx: AppContext): Promise<TransparencyMonth[]> {
  const now = ctx.clock.now();
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1)).toISOString();
  const [reports, logs, appeals] = await Promise.all([
    ctx.db.selectFrom('reports').select(['id', 'category', 'created_at']).where('created_at', '>=', since).execute(),
    ctx.db.selectFrom('admin_action_logs').select(['action', 'target_type', 'target_id', 'created_at']).where('created_at', '>=', since).orderBy('id').execute(),
    ctx.db.selectFrom('appeals').select(['created_at', 'approved_at', 'rejected_at']).where('created_at', '>=', since).execute(),
  ]);
  const months = new Map<string, TransparencyMonth>();
  const at = (m: string) => {
    let entry = months.get(m);
    if (!entry) months.set(m, (entry = { month: m, reports: { total: 0, by_category: {} }, actions: {}, first_response_hours: { answered: 0, unanswered: 0, median: null, p95: null }, appeals: { received: 0, approved: 0, rejected: 0, pending: 0 } }));
    return entry;
  };

  const firstResponse = new Map<string, string>();
  for (const l of logs) {
    if (l.target_type === 'report' && RESPONSES.has(l.action) && !firstResponse.has(l.target_id)) firstResponse.set(l.target_id, l.created_at);
    if (l.action.startsWith('account.') || l.action === 'report.resolve') {
      const actions = at(monthOf(l.created_at)).actions;
      actions[l.action] = (actions[l.action] ?? 0) + 1;
    }
  }

  const waits = new Map<string, number[]>();
  for (const r of reports) {
    const m = at(monthOf(r.created_at));
    m.reports.total++;
    m.reports.by_category[r.category] = (m.reports.by_category[r.category] ?? 0) + 1;
    const answered = firstResponse.get(r.id);
    if (!answered) {
      m.first_response_hours.unanswered++;
      continue;
    }
    m.first_response_hours.answered++;
    const list = waits.get(m.month) ?? [];
    list.push((Date.parse(answered) - Date.parse(r.created_at)) / 3600_000);
    waits.set(m.month, list);
  }
  for (const [month, list] of waits) {
    const sorted = list.sort((a, b) => a - b);
    const m = at(month);
    m.first_response_hours.median = percentile(sorted, 50);
    m.first_response_hours.p95 = percentile(sorted, 95);
  }

  for (const a of appeals) {
    const m = at(monthOf(a.created_at)).appeals;
    m.received++;
    if (a.approved_at) m.approved++;
    else if (a.rejected_at) m.rejected++;
    else m.pending++;
  }
  return [...months.values()].sort((a, b) => b.month.localeCompare(a.month));
}
