// Reading notifications: filters, rendering with bulk loads, and the grouped (v2) view.
import type { AppContext } from '../../context.ts';
import { findAccountsByIds } from '../../db/repos/accounts.ts';
import { blockRelatedIds } from '../../db/repos/blocks.ts';
import { markersOf } from '../../db/repos/markers.ts';
import { countNotificationsAfter, countNotificationsInGroup, notificationsPage, type NotificationFilter } from '../../db/repos/notifications.ts';
import { reportedStatusIdsOf } from '../../db/repos/reports.ts';
import type { IdPage } from '../../db/repos/paging.ts';
import type { AccountRow, NotificationRow } from '../../db/schema.ts';
import { renderStatuses } from '../../hydration/render-statuses.ts';
import { serializeAccount, type AccountJson } from '../../serializers/account.ts';
import {
  groupKeyOf,
  parseGroupKey,
  serializeNotification,
  type GroupedNotificationsJson,
  type NotificationGroupJson,
  type NotificationJson,
} from '../../serializers/notification.ts';
import type { StatusJson } from '../../serializers/status.ts';
import { appealsOfWarnings } from '../../db/repos/account-warnings.ts';
import { serializeWarning, type AccountWarningJson } from '../../serializers/account-warning.ts';
import { serializeReport, type ReportJson } from '../../serializers/report.ts';

export interface FilterInput {
  types?: string[];
  excludeTypes?: string[];
  accountId?: string;
}

export async function notificationFilter(ctx: AppContext, viewer: AccountRow, input: FilterInput): Promise<NotificationFilter> {
  return { types: input.types, excludeTypes: input.excludeTypes, fromAccountId: input.accountId, hiddenFrom: await blockRelatedIds(ctx.db, viewer.id) };
}

interface Loaded {
  accounts: Map<string, AccountJson>;
  statuses: Map<string, StatusJson>;
  warnings: Map<string, AccountWarningJson>;
  reports: Map<string, ReportJson>;
}

/** The report of an admin.report notification (like the strike, a column outside NotificationRow). */
const reportIdOf = (n: NotificationRow) => (n as NotificationRow & { report_id?: string | null }).report_id ?? null;

async function loadReports(ctx: AppContext, rows: NotificationRow[]): Promise<Map<string, ReportJson>> {
  const ids = [...new Set(rows.map(reportIdOf).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  // Every report's cited posts in one statement, not one per report (a moderator's page of
  // admin.report notifications can hold dozens).
  const [reports, statusIdsOf] = await Promise.all([ctx.db.selectFrom('reports').selectAll().where('id', 'in', ids).execute(), reportedStatusIdsOf(ctx.db, ids)]);
  const targets = new Map((await findAccountsByIds(ctx.db, reports.map((r) => r.target_account_id))).map((a) => [a.id, a]));
  const out = new Map<string, ReportJson>();
  for (const r of reports) {
    const target = targets.get(r.target_account_id);
    if (target) out.set(r.id, serializeReport(ctx.config, r, statusIdsOf.get(r.id) ?? [], target));
  }
  return out;
}

/** The strike of a moderation_warning notification (the column is not part of NotificationRow). */
const warningIdOf = (n: NotificationRow) => (n as NotificationRow & { account_warning_id?: string | null }).account_warning_id ?? null;

async function loadWarnings(ctx: AppContext, viewer: AccountRow, rows: NotificationRow[]): Promise<Map<string, AccountWarningJson>> {
  const ids = [...new Set(rows.map(warningIdOf).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const warnings = await ctx.db.selectFrom('account_warnings').selectAll().where('id', 'in', ids).where('target_account_id', '=', viewer.id).execute();
  const appeals = new Map((await appealsOfWarnings(ctx.db, ids)).map((a) => [a.account_warning_id, a]));
  return new Map(warnings.map((w) => [w.id, serializeWarning(ctx.config, w, viewer, appeals.get(w.id))]));
}

async function loadFor(ctx: AppContext, viewer: AccountRow, rows: NotificationRow[]): Promise<Loaded> {
  const accounts = await findAccountsByIds(ctx.db, rows.map((r) => r.from_account_id));
  const statusIds = [...new Set(rows.flatMap((r) => (r.status_id ? [r.status_id] : [])))];
  const statuses = await renderStatuses(ctx, statusIds, viewer);
  const warnings = await loadWarnings(ctx, viewer, rows);
  const reports = await loadReports(ctx, rows);
  return {
    warnings,
    reports,
    accounts: new Map(accounts.map((a) => [a.id, serializeAccount(ctx.config, a)])),
    statuses: new Map(statuses.map((s) => [s.id, s])),
  };
}

/** A notification whose status the viewer can no longer see is left out. */
const usable = (n: NotificationRow, l: Loaded) => l.accounts.has(n.from_account_id) && (!n.status_id || l.statuses.has(n.status_id)) && (warningIdOf(n) === null || l.warnings.has(warningIdOf(n)!)) && (reportIdOf(n) === null || l.reports.has(reportIdOf(n)!));

export async function renderNotifications(ctx: AppContext, viewer: AccountRow, rows: NotificationRow[]): Promise<NotificationJson[]> {
  const l = await loadFor(ctx, viewer, rows);
  return rows.filter((n) => usable(n, l)).map((n) => serializeNotification(n, l.accounts.get(n.from_account_id)!, n.status_id ? l.statuses.get(n.status_id) : undefined, l.warnings.get(warningIdOf(n) ?? ''), l.reports.get(reportIdOf(n) ?? '')));
}

export async function unreadNotificationCount(ctx: AppContext, viewer: AccountRow, filter: NotificationFilter, cap: number): Promise<number> {
  const [marker] = await markersOf(ctx.db, viewer.id, ['notifications']);
  return countNotificationsAfter(ctx.db, viewer.id, filter, marker?.last_read_id ?? null, cap);
}

const SCAN_BATCH = 100;
const SCAN_MAX = 2000;

/**
 * Groups notifications newest first until `limit` groups are found. Returns the groups and the
 * ids of the scanned range (for the Link header).
 */
export async function groupedNotifications(
  ctx: AppContext,
  viewer: AccountRow,
  filter: NotificationFilter,
  groupedTypes: string[],
  page: IdPage,
): Promise<{ body: GroupedNotificationsJson; minId?: string; maxId?: string }> {
  const groups = new Map<string, NotificationRow[]>();
  const scanned: NotificationRow[] = [];
  let cursor: IdPage = { ...page, limit: SCAN_BATCH };
  outer: while (scanned.length < SCAN_MAX) {
    const batch = await notificationsPage(ctx.db, viewer.id, filter, cursor);
    for (const n of batch) {
      const key = groupKeyOf(n, groupedTypes);
      if (!groups.has(key)) {
        if (groups.size >= page.limit) break outer;
        groups.set(key, []);
      }
      groups.get(key)!.push(n);
      scanned.push(n);
    }
    // min_id pages forward from a point: one batch is the page.
    if (batch.length < SCAN_BATCH || page.minId) break;
    cursor = { maxId: batch[batch.length - 1]!.id, sinceId: page.sinceId, limit: SCAN_BATCH };
  }
  const body = await renderGroups(ctx, viewer, filter, [...groups.entries()]);
  return { body, maxId: scanned[0]?.id, minId: scanned[scanned.length - 1]?.id };
}

export async function renderGroups(ctx: AppContext, viewer: AccountRow, filter: NotificationFilter, entries: [string, NotificationRow[]][]): Promise<GroupedNotificationsJson> {
  const all = entries.flatMap(([, rows]) => rows);
  const l = await loadFor(ctx, viewer, all);
  const groups: NotificationGroupJson[] = [];
  const accountIds = new Set<string>();
  const statusIds = new Set<string>();
  for (const [key, rows] of entries) {
    const kept = rows.filter((n) => usable(n, l));
    if (kept.length === 0) continue;
    const newest = kept[0]!;
    const parsed = parseGroupKey(key);
    const count = parsed?.kind === 'group' ? await countNotificationsInGroup(ctx.db, viewer.id, parsed, filter) : 1;
    const sample = [...new Set(kept.map((n) => n.from_account_id))].slice(0, 8);
    sample.forEach((id) => accountIds.add(id));
    const g: NotificationGroupJson = {
      group_key: key,
      notifications_count: Math.max(count, kept.length),
      type: newest.type,
      most_recent_notification_id: newest.id,
      page_min_id: kept[kept.length - 1]!.id,
      page_max_id: newest.id,
      latest_page_notification_at: newest.created_at,
      sample_account_ids: sample,
    };
    if (newest.status_id) {
      g.status_id = newest.status_id;
      statusIds.add(newest.status_id);
    }
    const warning = l.warnings.get(warningIdOf(newest) ?? '');
    if (warning) g.moderation_warning = warning;
    const report = l.reports.get(reportIdOf(newest) ?? '');
    if (report) g.report = report;
    groups.push(g);
  }
  return {
    accounts: [...accountIds].map((id) => l.accounts.get(id)!),
    statuses: [...statusIds].map((id) => l.statuses.get(id)!),
    notification_groups: groups,
  };
}
