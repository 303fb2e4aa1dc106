// Filters (v2): create, read, update (with nested keyword changes) and delete. Every change is
// one transaction; subscribers of the owner's stream then get `filters_changed`.
import type { AppContext } from '../../context.ts';
import {
  countFilters,
  countKeywords,
  deleteFilter,
  deleteKeywords,
  filtersOf,
  findFilter,
  insertFilter,
  insertKeywords,
  keywordsOfFilters,
  statusesOfFilters,
  updateFilter,
  updateKeyword,
} from '../../db/repos/filters.ts';
import type { AccountRow, FilterKeywordRow, FilterRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';
import { channel } from '../../infra/streams.ts';
import { serializeFilter, type FilterAction, type FilterContext, type FilterJson } from '../../serializers/filter.ts';
import { MAX_FILTERS_PER_ACCOUNT, MAX_KEYWORDS_PER_FILTER, checkContext, checkKeyword, checkTitle, expiresAt } from './limits.ts';

export interface KeywordAttributes {
  id?: string;
  keyword?: string;
  whole_word?: boolean;
  _destroy?: boolean;
}

export interface FilterInput {
  title?: string;
  context?: FilterContext[];
  filter_action?: FilterAction;
  /** Seconds from now; null: never expires. */
  expires_in?: number | null;
  keywords_attributes?: KeywordAttributes[];
}

export async function ownedFilter(db: Executor, owner: AccountRow, id: string): Promise<FilterRow> {
  const filter = isId(id) ? await findFilter(db, owner.id, id) : undefined;
  if (!filter) throw notFound();
  return filter;
}

/** The filter with its keywords and statuses, as the filters endpoints show it. */
export async function renderFilters(ctx: AppContext, filters: FilterRow[]): Promise<FilterJson[]> {
  const ids = filters.map((f) => f.id);
  const [keywords, statuses] = await Promise.all([keywordsOfFilters(ctx.db, ids), statusesOfFilters(ctx.db, ids)]);
  return filters.map((f) => serializeFilter(f, { keywords: keywords.filter((k) => k.filter_id === f.id), statuses: statuses.filter((s) => s.filter_id === f.id) }));
}

export async function listFilters(ctx: AppContext, owner: AccountRow): Promise<FilterJson[]> {
  return renderFilters(ctx, await filtersOf(ctx.db, owner.id));
}

export async function showFilter(ctx: AppContext, owner: AccountRow, id: string): Promise<FilterJson> {
  const [json] = await renderFilters(ctx, [await ownedFilter(ctx.db, owner, id)]);
  return json!;
}

export const filtersChanged = (ctx: AppContext, owner: AccountRow) => ctx.events.publish(channel.user(owner.id), { event: 'filters_changed' });

export function newKeywordRow(ctx: AppContext, filterId: string, keyword: string, wholeWord: boolean): FilterKeywordRow {
  return { id: newId(ctx.clock.now().getTime()), filter_id: filterId, keyword, whole_word: wholeWord ? 1 : 0, created_at: ctx.clock.now().toISOString() };
}

export async function createFilter(ctx: AppContext, owner: AccountRow, input: FilterInput): Promise<FilterJson> {
  const now = ctx.clock.now();
  const row: FilterRow = {
    id: newId(now.getTime()),
    account_id: owner.id,
    title: checkTitle(input.title),
    context: JSON.stringify(checkContext(input.context)),
    action: input.filter_action ?? 'warn',
    expires_at: expiresAt(now, input.expires_in ?? null),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const keywords = (input.keywords_attributes ?? [])
    .filter((k) => !k._destroy)
    .map((k) => newKeywordRow(ctx, row.id, checkKeyword(k.keyword), k.whole_word ?? true));
  if (keywords.length > MAX_KEYWORDS_PER_FILTER) throw unprocessable(`Keywords are limited to ${MAX_KEYWORDS_PER_FILTER} per filter`);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countFilters(trx, owner.id)) >= MAX_FILTERS_PER_ACCOUNT) throw unprocessable(`Filters are limited to ${MAX_FILTERS_PER_ACCOUNT} per account`);
    await insertFilter(trx, row);
    await insertKeywords(trx, keywords);
  });
  await filtersChanged(ctx, owner);
  return showFilter(ctx, owner, row.id);
}

/** Applies keywords_attributes to an existing filter: update by id, `_destroy` by id, add without id. */
async function changeKeywords(ctx: AppContext, trx: Executor, filter: FilterRow, attrs: KeywordAttributes[]): Promise<void> {
  const existing = new Map((await keywordsOfFilters(trx, [filter.id])).map((k) => [k.id, k]));
  const added: FilterKeywordRow[] = [];
  const destroyed: string[] = [];
  for (const a of attrs) {
    if (a.id === undefined) {
      if (!a._destroy) added.push(newKeywordRow(ctx, filter.id, checkKeyword(a.keyword), a.whole_word ?? true));
      continue;
    }
    // As in Mastodon, naming a keyword of another filter is "not found".
    if (!existing.has(a.id)) throw notFound();
    if (a._destroy) {
      destroyed.push(a.id);
      continue;
    }
    await updateKeyword(trx, a.id, {
      ...(a.keyword !== undefined ? { keyword: checkKeyword(a.keyword) } : {}),
      ...(a.whole_word !== undefined ? { whole_word: a.whole_word ? 1 : 0 } : {}),
    });
  }
  await deleteKeywords(trx, destroyed);
  await insertKeywords(trx, added);
  if ((await countKeywords(trx, filter.id)) > MAX_KEYWORDS_PER_FILTER) throw unprocessable(`Keywords are limited to ${MAX_KEYWORDS_PER_FILTER} per filter`);
}

export async function changeFilter(ctx: AppContext, owner: AccountRow, id: string, input: FilterInput): Promise<FilterJson> {
  const now = ctx.clock.now();
  const set: Partial<FilterRow> = {};
  if (input.title !== undefined) set.title = checkTitle(input.title);
  if (input.context !== undefined) set.context = JSON.stringify(checkContext(input.context));
  if (input.filter_action !== undefined) set.action = input.filter_action;
  if (input.expires_in !== undefined) set.expires_at = expiresAt(now, input.expires_in);
  await ctx.db.transaction().execute(async (trx) => {
    const filter = await ownedFilter(trx, owner, id);
    await updateFilter(trx, filter.id, { ...set, updated_at: now.toISOString() });
    if (input.keywords_attributes) await changeKeywords(ctx, trx, filter, input.keywords_attributes);
  });
  await filtersChanged(ctx, owner);
  return showFilter(ctx, owner, id);
}

export async function removeFilter(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => deleteFilter(trx, (await ownedFilter(trx, owner, id)).id));
  await filtersChanged(ctx, owner);
}
