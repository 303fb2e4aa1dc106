// The use case behind GET /api/v2/search and /api/v1/accounts/search: finds accounts, hashtags
// and statuses for a query, keeping only what the viewer may see.
import type { AppContext } from '../../context.ts';
import { findAccountById, findLocalAccountByUsername } from '../../db/repos/accounts.ts';
import { followedTagsAmong, searchAccounts, searchStatusIds, searchTags, type TagHit } from '../../db/repos/search.ts';
import { findStatusById, findStatusesByIds } from '../../db/repos/statuses.ts';
import type { AccountRow } from '../../db/schema.ts';
import { canViewStatus, visibleStatusIds } from '../authorization/status-visibility.ts';
import { localUrlTarget, parseAccountQuery, tagPrefix } from './parse-query.ts';

export type SearchType = 'accounts' | 'hashtags' | 'statuses';

export interface SearchParams {
  q: string;
  type?: SearchType;
  following: boolean;
  accountId?: string;
  maxId?: string;
  minId?: string;
  limit: number;
  offset: number;
}

export interface SearchResult {
  accounts: AccountRow[];
  statusIds: string[];
  tags: TagHit[];
  /** Ids of the found tags the viewer follows (empty for anonymous viewers). */
  followedTagIds: Set<string>;
}

// Visibility is checked after the full-text match: scan a few batches, then give up, so a
// query that matches only hidden posts cannot make one request read the whole index.
const STATUS_BATCH = 80;
const STATUS_MAX_ROUNDS = 6;

const usable = (a: AccountRow | undefined): a is AccountRow => !!a && !a.deleted_at && !a.suspended_at;

export async function search(ctx: AppContext, viewer: AccountRow | null, p: SearchParams): Promise<SearchResult> {
  const result: SearchResult = { accounts: [], statusIds: [], tags: [], followedTagIds: new Set() };
  const wants = (t: SearchType) => !p.type || p.type === t;

  const target = localUrlTarget(ctx.config, p.q);
  if (target) {
    const account = await findLocalAccountByUsername(ctx.db, target.username);
    if (!usable(account)) return result;
    if (target.kind === 'account' && wants('accounts')) result.accounts = [account];
    if (target.kind === 'status' && wants('statuses')) {
      const status = await findStatusById(ctx.db, target.statusId);
      if (status && status.account_id === account.id && (await canViewStatus(ctx, status, viewer))) result.statusIds = [status.id];
    }
    return result;
  }

  if (wants('accounts')) result.accounts = await findAccounts(ctx, viewer, p);
  if (wants('hashtags')) {
    const prefix = tagPrefix(p.q);
    if (prefix) result.tags = await searchTags(ctx.db, prefix, p.limit, p.offset);
    if (viewer) result.followedTagIds = await followedTagsAmong(ctx.db, viewer.id, result.tags.map((t) => t.id));
  }
  // Mastodon offers full-text search to signed-in users only.
  if (wants('statuses') && viewer) result.statusIds = await findStatuses(ctx, viewer, p);
  return result;
}

export async function findAccounts(ctx: AppContext, viewer: AccountRow | null, p: Pick<SearchParams, 'q' | 'following' | 'limit' | 'offset'>): Promise<AccountRow[]> {
  const target = localUrlTarget(ctx.config, p.q);
  if (target?.kind === 'account') {
    const account = await findLocalAccountByUsername(ctx.db, target.username);
    return usable(account) ? [account] : [];
  }
  const query = parseAccountQuery(ctx.config, p.q);
  if (query.remote || !query.prefix) return [];
  return searchAccounts(ctx.db, {
    prefix: query.prefix,
    exactUsername: query.exactUsername,
    followedBy: p.following && viewer ? viewer.id : undefined,
    viewerId: viewer?.id,
    limit: p.limit,
    offset: p.offset,
  });
}

async function findStatuses(ctx: AppContext, viewer: AccountRow, p: SearchParams): Promise<string[]> {
  if (p.accountId && !usable(await findAccountById(ctx.db, p.accountId))) return [];
  const wanted = p.offset + p.limit;
  const ascending = !!p.minId;
  // Collected oldest-first in min_id mode, newest-first otherwise.
  const found: string[] = [];
  let maxId = p.maxId;
  let minId = p.minId;
  for (let round = 0; round < STATUS_MAX_ROUNDS && found.length < wanted; round++) {
    const ids = await searchStatusIds(ctx.db, ctx.dialect, { text: p.q, viewerId: viewer.id, accountId: p.accountId, maxId, minId, limit: STATUS_BATCH });
    if (ids.length === 0) break;
    const rows = await findStatusesByIds(ctx.db, ids);
    const visible = await visibleStatusIds(ctx, rows, viewer);
    const ordered = ascending ? [...ids].reverse() : ids;
    for (const id of ordered) if (visible.has(id)) found.push(id);
    if (ids.length < STATUS_BATCH) break;
    if (ascending) minId = ids[0];
    else maxId = ids[ids.length - 1];
  }
  const page = found.slice(0, wanted).slice(p.offset);
  return ascending ? page.reverse() : page;
}
