// Renders statuses for one viewer in four steps: load rows (with reblogged and quoted statuses),
// decide visibility, load the viewer-independent bases and the viewer's state, assemble.
// The number of queries does not depend on how many statuses are rendered.
import type { AppContext } from '../context.ts';
import { findStatusesByIds } from '../db/repos/statuses.ts';
import type { AccountRow, StatusRow } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { canQuote, isDistributable } from '../domain/visibility.ts';
import { visibleStatusIds } from '../services/authorization/status-visibility.ts';
import { withPollViewer } from '../serializers/poll.ts';
import { assembleStatus, type QuoteApprovalJson, type QuoteJson, type ShallowQuoteJson, type StatusJson } from '../serializers/status.ts';
import { loadStatusBases, type StatusBase } from './status-bases.ts';
import { loadViewerState, type ViewerState } from './viewer-state.ts';

/** Rows of the given ids plus the statuses they reblog and quote (two levels, like Mastodon). */
async function loadGraph(ctx: AppContext, ids: readonly string[]): Promise<Map<string, StatusRow>> {
  const rows = new Map<string, StatusRow>();
  const add = (list: StatusRow[]) => list.forEach((r) => rows.set(r.id, r));
  add(await findStatusesByIds(ctx.db, ids));
  const more = (pick: (r: StatusRow) => string | null) => [...rows.values()].map(pick).filter((x): x is string => x !== null && !rows.has(x));
  add(await findStatusesByIds(ctx.db, more((r) => r.reblog_of_id)));
  add(await findStatusesByIds(ctx.db, more((r) => r.quote_of_id)));
  return rows;
}

interface Assembly {
  bases: Map<string, StatusBase>;
  visible: Set<string>;
  viewer: AccountRow | null;
  state: ViewerState | null;
}

function quoteState(a: Assembly, row: StatusRow): { state: string; target: StatusBase | null } {
  const state = row.quote_state ?? 'pending';
  if (state !== 'accepted') return { state, target: null };
  const target = a.bases.get(row.quote_of_id!);
  if (!target) return { state: 'deleted', target: null };
  if (!a.visible.has(target.row.id)) return { state: 'unauthorized', target: null };
  return { state, target };
}

function currentUserQuote(a: Assembly, base: StatusBase): QuoteApprovalJson['current_user'] {
  if (!a.viewer) return 'denied';
  const row = base.row;
  if (row.reblog_of_id) return 'denied';
  const isAuthor = row.account_id === a.viewer.id;
  const ok = canQuote({ visibility: row.visibility, policy: row.quote_policy, isAuthor, viewerFollowsAuthor: a.state?.follows.has(row.account_id) ?? false });
  return ok ? 'automatic' : 'denied';
}

/** depth 0: top level or the original of a reblog; depth 1: a quoted status (its own quote is shallow). */
function assemble(a: Assembly, base: StatusBase, depth: number): StatusJson {
  const row = base.row;
  let quote: QuoteJson | ShallowQuoteJson | null = null;
  if (row.quote_of_id) {
    const { state, target } = quoteState(a, row);
    quote = depth === 0 ? { state, quoted_status: target ? assemble(a, target, 1) : null } : { state, quoted_status_id: target ? target.row.id : null };
  }
  const reblogBase = row.reblog_of_id ? a.bases.get(row.reblog_of_id) : undefined;
  const isAuthor = a.viewer?.id === row.account_id;
  const st = a.state;
  const poll = base.poll ? withPollViewer(base.poll.json, a.viewer ? { isAuthor, choices: st?.votes.get(base.poll.row.id) ?? [] } : null) : null;
  const overlay =
    a.viewer && st
      ? {
          favourited: st.favourited.has(row.id),
          reblogged: st.reblogged.has(row.id),
          muted: st.mutedConversations.has(row.conversation_id),
          bookmarked: st.bookmarked.has(row.id),
          pinned: isAuthor && !row.reblog_of_id && (isDistributable(row.visibility) || row.visibility === 'private') ? st.pinned.has(row.id) : undefined,
          application: isAuthor && !row.reblog_of_id ? (row.application_id ? (st.apps.get(row.application_id) ?? null) : null) : undefined,
        }
      : null;
  return assembleStatus(base.json, { reblog: reblogBase ? assemble(a, reblogBase, 0) : null, quote, currentUser: currentUserQuote(a, base), poll }, overlay);
}

export async function renderStatuses(ctx: AppContext, statusIds: string[], viewer: AccountRow | null): Promise<StatusJson[]> {
  if (statusIds.length === 0) return [];
  const rows = await loadGraph(ctx, statusIds);
  const all = [...rows.values()];
  const [visible, bases, state] = await Promise.all([
    visibleStatusIds(ctx, all, viewer),
    loadStatusBases(ctx, all),
    viewer ? loadViewerState(ctx, viewer.id, all) : Promise.resolve(null),
  ]);
  const a: Assembly = { bases, visible, viewer, state };
  const out: StatusJson[] = [];
  for (const id of statusIds) {
    const base = bases.get(id);
    if (!base || !visible.has(id)) continue;
    out.push(assemble(a, base, 0));
  }
  return out;
}

export async function renderStatus(ctx: AppContext, id: string, viewer: AccountRow | null): Promise<StatusJson> {
  const [json] = await renderStatuses(ctx, [id], viewer);
  if (!json) throw notFound();
  return json;
}
