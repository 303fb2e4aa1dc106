// Renders statuses for one viewer: one statement loads the statuses, what they reblog and quote,
// their authors and the viewer's state (src/db/repos/status-graph.ts); mentions and tags come
// from a per-status cache keyed by edit time; polls are loaded only when present. Visibility is
// decided by the one rule in src/domain/visibility.ts, from facts the same statement loads.
// Where the caller names a filter context, the viewer's filters (loaded alongside the graph)
// mark or leave out statuses (src/services/filters/).
import type { AppContext } from '../context.ts';
import { loadStatusGraph, type GraphRow } from '../db/repos/status-graph.ts';
import type { AccountRow } from '../db/schema.ts';
import { notFound } from '../domain/errors.ts';
import { canQuote, canSee, isDistributable, quoteApprovalAutomatic, visibleAmong } from '../domain/visibility.ts';
import { serializeAccount } from '../serializers/account.ts';
import type { ApplicationJson } from '../serializers/application.ts';
import { withPollViewer } from '../serializers/poll.ts';
import { assembleStatus, serializeStatusBase, type QuoteApprovalJson, type QuoteJson, type ShallowQuoteJson, type StatusJson } from '../serializers/status.ts';
import { isPublicVisibility, plainUrls, signedUrls, type MediaUrlFor } from '../media/urls.ts';
import { serializeAttachment } from '../serializers/media-attachment.ts';
import { applicationNames } from './application-names.ts';
import { loadStatusExtras, type StatusExtras } from './status-extras.ts';
import { loadPolls, type LoadedPoll } from './status-polls.ts';
import { applyFilters, loadActiveFilters, type CompiledFilter } from '../services/filters/apply-filters.ts';
import type { FilterContext } from '../serializers/filter.ts';
import { readsStoreSafe } from '../services/authorization/store-safe-view.ts';

interface Assembly {
  ctx: AppContext;
  nodes: Map<string, GraphRow>;
  visible: Set<string>;
  extras: Map<string, StatusExtras>;
  polls: Map<string, LoadedPoll>;
  apps: Map<string, ApplicationJson>;
  viewer: AccountRow | null;
  publicUrls: MediaUrlFor;
  privateUrls: MediaUrlFor;
}

function sees(node: GraphRow, viewer: AccountRow | null, storeSafe: boolean): boolean {
  const s = node.status;
  return canSee({
    visibility: s.visibility,
    isAuthor: viewer?.id === s.account_id,
    anonymous: !viewer,
    authorHidesFromAnonymous: node.author.hide_from_logged_out === 1,
    authorUnavailable: node.author.suspended_at !== null || node.author.deleted_at !== null,
    blockedEitherWay: node.viewer?.blockedEitherWay ?? false,
    viewerFollowsAuthor: node.viewer?.followsAuthor ?? false,
    viewerMentioned: node.viewer?.mentioned ?? false,
    held: s.held_at !== null,
    // An author whose media a moderator marked sensitive: all their posts count, text included.
    sensitive: s.sensitive === 1 || node.author.sensitized_at !== null,
    storeSafe,
  });
}

function quoteTarget(a: Assembly, node: GraphRow): { state: string; target: GraphRow | null } {
  const row = node.status;
  const state = row.quote_state ?? 'pending';
  if (state !== 'accepted') return { state, target: null };
  const target = a.nodes.get(row.quote_of_id!);
  if (!target) return { state: 'deleted', target: null };
  if (!a.visible.has(target.status.id)) return { state: 'unauthorized', target: null };
  return { state, target };
}

function currentUserQuote(a: Assembly, node: GraphRow): QuoteApprovalJson['current_user'] {
  const row = node.status;
  if (!a.viewer || row.reblog_of_id) return 'denied';
  const ok = canQuote({ visibility: row.visibility, policy: row.quote_policy, isAuthor: row.account_id === a.viewer.id, viewerFollowsAuthor: node.viewer?.followsAuthor ?? false });
  return ok ? 'automatic' : 'denied';
}

/** depth 0: top level or the original of a reblog; depth 1: a quoted status (its own quote is shallow). */
function assemble(a: Assembly, node: GraphRow, depth: number): StatusJson {
  const row = node.status;
  const extras = a.extras.get(row.id);
  // Only files of public and unlisted posts have permanent URLs; the rest are signed and expire.
  const urlFor = isPublicVisibility(row.visibility) ? a.publicUrls : a.privateUrls;
  const base = serializeStatusBase(a.ctx.config, row, {
    account: serializeAccount(a.ctx.config, node.author),
    media: (extras?.media ?? []).map((m) => serializeAttachment(m, urlFor)),
    mediaForcedSensitive: node.author.sensitized_at !== null,
    mentions: extras?.mentions ?? [],
    tags: extras?.tags ?? [],
    quoteAutomatic: !row.reblog_of_id && isDistributable(row.visibility) ? quoteApprovalAutomatic(row.quote_policy) : [],
  });
  let quote: QuoteJson | ShallowQuoteJson | null = null;
  if (row.quote_of_id) {
    const { state, target } = quoteTarget(a, node);
    quote = depth === 0 ? { state, quoted_status: target ? assemble(a, target, 1) : null } : { state, quoted_status_id: target ? target.status.id : null };
  }
  const original = row.reblog_of_id ? a.nodes.get(row.reblog_of_id) : undefined;
  const isAuthor = a.viewer?.id === row.account_id;
  const loadedPoll = row.poll_id ? a.polls.get(row.poll_id) : undefined;
  const poll = loadedPoll ? withPollViewer(loadedPoll.json, a.viewer ? { isAuthor, choices: loadedPoll.viewerChoices } : null) : null;
  const v = node.viewer;
  const overlay =
    a.viewer && v
      ? {
          favourited: v.favourited,
          reblogged: v.reblogged,
          muted: v.conversationMuted,
          bookmarked: v.bookmarked,
          pinned: isAuthor && !row.reblog_of_id && (isDistributable(row.visibility) || row.visibility === 'private') ? v.pinned : undefined,
          application: isAuthor && !row.reblog_of_id ? (row.application_id ? (a.apps.get(row.application_id) ?? null) : null) : undefined,
        }
      : null;
  return assembleStatus(base, { reblog: original ? assemble(a, original, 0) : null, quote, currentUser: currentUserQuote(a, node), poll }, overlay);
}

export interface RenderOptions {
  /** Where the statuses are shown: the viewer's filters of that context apply. None: no filtering. */
  filterContext?: FilterContext;
  /** The viewer's filters when the caller already loaded them for this request. */
  filters?: readonly CompiledFilter[];
  /** Mark statuses matched by a hide filter instead of leaving them out (a status asked for by id). */
  keepHidden?: boolean;
}

export async function renderStatuses(ctx: AppContext, statusIds: string[], viewer: AccountRow | null, opts: RenderOptions = {}): Promise<StatusJson[]> {
  if (statusIds.length === 0) return [];
  const filtering = viewer !== null && opts.filterContext !== undefined;
  const [graph, filters] = await Promise.all([
    loadStatusGraph(ctx.db, statusIds, viewer?.id ?? null),
    filtering && !opts.filters ? loadActiveFilters(ctx, viewer.id) : (opts.filters ?? []),
  ]);
  const nodes = new Map(graph.map((g) => [g.status.id, g]));
  // A reblog is visible iff both it and its original are.
  const statusRows = new Map(graph.map((g) => [g.status.id, g.status]));
  const storeSafe = readsStoreSafe(viewer);
  const visible = visibleAmong(statusRows.values(), statusRows, (st) => sees(nodes.get(st.id)!, viewer, storeSafe));
  const shown = graph.filter((g) => visible.has(g.status.id)).map((g) => g.status);
  const ownAppIds = viewer ? shown.filter((s) => s.account_id === viewer.id && s.application_id).map((s) => s.application_id!) : [];
  const [extras, polls, apps] = await Promise.all([
    loadStatusExtras(ctx, shown),
    loadPolls(ctx, shown.map((s) => s.poll_id).filter((p): p is string => p !== null), viewer?.id ?? null),
    applicationNames(ctx, ownAppIds),
  ]);
  const a: Assembly = { ctx, nodes, visible, extras, polls, apps, viewer, publicUrls: plainUrls(ctx.config), privateUrls: signedUrls(ctx.config, ctx.media.signer, ctx.clock.now().getTime()) };
  const out: StatusJson[] = [];
  for (const id of statusIds) {
    const node = nodes.get(id);
    if (node && visible.has(id)) out.push(assemble(a, node, 0));
  }
  return filtering ? applyFilters(out, filters, opts.filterContext!, { keepHidden: opts.keepHidden }) : out;
}

export async function renderStatus(ctx: AppContext, id: string, viewer: AccountRow | null, opts: { filterContext?: FilterContext } = {}): Promise<StatusJson> {
  const [json] = await renderStatuses(ctx, [id], viewer, { ...opts, keepHidden: true });
  if (!json) throw notFound();
  return json;
}
