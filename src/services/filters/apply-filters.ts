// Applying a viewer's filters where statuses are shown. The filters are loaded with one
// statement per request (callers that render several times pass them along); matching is
// done on the rendered JSON, never with a query per status.
import type { AppContext } from '../../context.ts';
import { activeFilterRules } from '../../db/repos/filters.ts';
import type { GroupedNotificationsJson, NotificationJson, StatusJson } from '../../../api/entities.ts';
import type { FilterContext } from '../../serializers/filter.ts';
import { compileFilters, matchStatus, type CompiledFilter } from './match.ts';

export type { CompiledFilter };

/** The viewer's unexpired filters, compiled for matching. */
export async function loadActiveFilters(ctx: AppContext, viewerId: string): Promise<CompiledFilter[]> {
  return compileFilters(await activeFilterRules(ctx.db, viewerId, ctx.clock.now().toISOString()));
}

function mark(status: StatusJson, results: StatusJson['filtered']): void {
  // Only signed-in renders carry the key; assigning keeps its place in Mastodon's key order.
  if (status.filtered === undefined) return;
  status.filtered = results;
  if (status.reblog) status.reblog.filtered = results;
}

/**
 * Sets `filtered` on each status for the filters of `context`. Statuses matched by a hide
 * filter are left out unless `keepHidden` (a single status asked for by id is still answered,
 * with the hide filter in `filtered`, as Mastodon does).
 */
export function applyFilters(statuses: StatusJson[], filters: readonly CompiledFilter[], context: FilterContext, opts: { keepHidden?: boolean } = {}): StatusJson[] {
  if (filters.length === 0) return statuses;
  const out: StatusJson[] = [];
  for (const s of statuses) {
    const { results, hide } = matchStatus(s, filters, context);
    if (hide && !opts.keepHidden) continue;
    mark(s, results);
    out.push(s);
  }
  return out;
}

/** Statuses (by id) that a hide filter removes from notifications; marks the others. */
function hiddenInNotifications(statuses: Iterable<StatusJson>, filters: readonly CompiledFilter[]): Set<string> {
  const hidden = new Set<string>();
  for (const s of statuses) {
    const { results, hide } = matchStatus(s, filters, 'notifications');
    if (hide) hidden.add(s.id);
    else mark(s, results);
  }
  return hidden;
}

/** Notifications about a status that a hide filter matches are left out. */
export function filterNotifications(list: NotificationJson[], filters: readonly CompiledFilter[]): NotificationJson[] {
  if (filters.length === 0) return list;
  const statuses = new Map(list.flatMap((n) => (n.status ? [[n.status.id, n.status] as const] : [])));
  const hidden = hiddenInNotifications(statuses.values(), filters);
  return list.filter((n) => !n.status || !hidden.has(n.status.id));
}

/** The grouped (v2) form: hidden statuses, their groups, and accounts only those groups used, go. */
export function filterGroupedNotifications(body: GroupedNotificationsJson, filters: readonly CompiledFilter[]): GroupedNotificationsJson {
  if (filters.length === 0) return body;
  const hidden = hiddenInNotifications(body.statuses, filters);
  if (hidden.size === 0) return body;
  const groups = body.notification_groups.filter((g) => !g.status_id || !hidden.has(g.status_id));
  const used = new Set(groups.flatMap((g) => g.sample_account_ids));
  return {
    accounts: body.accounts.filter((a) => used.has(a.id)),
    statuses: body.statuses.filter((s) => !hidden.has(s.id)),
    notification_groups: groups,
  };
}
