// The keywords and statuses of a filter, managed one by one (/api/v2/filters/.../keywords and
// .../statuses). Each entry is reachable only through a filter of its owner.
import type { AppContext } from '../../context.ts';
import {
  countFilterStatuses,
  countKeywords,
  deleteFilterStatus,
  deleteKeywords,
  filterHasStatus,
  findOwnedFilterStatus,
  findOwnedKeyword,
  insertFilterStatus,
  insertKeywords,
  keywordsOfFilters,
  statusesOfFilters,
  updateKeyword,
} from '../../db/repos/filters.ts';
import type { AccountRow, FilterKeywordRow, FilterStatusRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import { serializeFilterKeyword, serializeFilterStatus, type FilterKeywordJson, type FilterStatusJson } from '../../serializers/filter.ts';
import { loadVisibleStatus } from '../statuses/load-visible-status.ts';
import { filtersChanged, newKeywordRow, ownedFilter } from './filters.ts';
import { MAX_KEYWORDS_PER_FILTER, MAX_STATUSES_PER_FILTER, checkKeyword } from './limits.ts';

export interface KeywordInput {
  keyword?: string;
  whole_word?: boolean;
}

async function ownedKeyword(ctx: AppContext, owner: AccountRow, id: string): Promise<FilterKeywordRow> {
  const found = isId(id) ? await findOwnedKeyword(ctx.db, owner.id, id) : undefined;
  if (!found) throw notFound();
  return found.keyword;
}

export async function listKeywords(ctx: AppContext, owner: AccountRow, filterId: string): Promise<FilterKeywordJson[]> {
  const filter = await ownedFilter(ctx.db, owner, filterId);
  return (await keywordsOfFilters(ctx.db, [filter.id])).map(serializeFilterKeyword);
}

export async function addKeyword(ctx: AppContext, owner: AccountRow, filterId: string, input: KeywordInput): Promise<FilterKeywordJson> {
  const filter = await ownedFilter(ctx.db, owner, filterId);
  const row = newKeywordRow(ctx, filter.id, checkKeyword(input.keyword), input.whole_word ?? true);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countKeywords(trx, filter.id)) >= MAX_KEYWORDS_PER_FILTER) throw unprocessable(`Keywords are limited to ${MAX_KEYWORDS_PER_FILTER} per filter`);
    await insertKeywords(trx, [row]);
  });
  await filtersChanged(ctx, owner);
  return serializeFilterKeyword(row);
}

export async function showKeyword(ctx: AppContext, owner: AccountRow, id: string): Promise<FilterKeywordJson> {
  return serializeFilterKeyword(await ownedKeyword(ctx, owner, id));
}

export async function changeKeyword(ctx: AppContext, owner: AccountRow, id: string, input: KeywordInput): Promise<FilterKeywordJson> {
  const row = await ownedKeyword(ctx, owner, id);
  const set: Partial<Pick<FilterKeywordRow, 'keyword' | 'whole_word'>> = {};
  if (input.keyword !== undefined) set.keyword = checkKeyword(input.keyword);
  if (input.whole_word !== undefined) set.whole_word = input.whole_word ? 1 : 0;
  await updateKeyword(ctx.db, row.id, set);
  await filtersChanged(ctx, owner);
  return serializeFilterKeyword({ ...row, ...set });
}

export async function removeKeyword(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  const row = await ownedKeyword(ctx, owner, id);
  await deleteKeywords(ctx.db, [row.id]);
  await filtersChanged(ctx, owner);
}

async function ownedEntry(ctx: AppContext, owner: AccountRow, id: string): Promise<FilterStatusRow> {
  const found = isId(id) ? await findOwnedFilterStatus(ctx.db, owner.id, id) : undefined;
  if (!found) throw notFound();
  return found.entry;
}

export async function listFilterStatuses(ctx: AppContext, owner: AccountRow, filterId: string): Promise<FilterStatusJson[]> {
  const filter = await ownedFilter(ctx.db, owner, filterId);
  return (await statusesOfFilters(ctx.db, [filter.id])).map(serializeFilterStatus);
}

/** Only a status the owner can see may be added (an unknown or hidden one is "not found"). */
export async function addFilterStatus(ctx: AppContext, owner: AccountRow, filterId: string, statusId: string): Promise<FilterStatusJson> {
  const filter = await ownedFilter(ctx.db, owner, filterId);
  const status = await loadVisibleStatus(ctx, statusId, owner);
  const row: FilterStatusRow = { id: newId(ctx.clock.now().getTime()), filter_id: filter.id, status_id: status.id, created_at: ctx.clock.now().toISOString() };
  await ctx.db.transaction().execute(async (trx) => {
    if (await filterHasStatus(trx, filter.id, status.id)) throw unprocessable('Status has already been taken');
    if ((await countFilterStatuses(trx, filter.id)) >= MAX_STATUSES_PER_FILTER) throw unprocessable(`Statuses are limited to ${MAX_STATUSES_PER_FILTER} per filter`);
    await insertFilterStatus(trx, row);
  });
  await filtersChanged(ctx, owner);
  return serializeFilterStatus(row);
}

export async function showFilterStatus(ctx: AppContext, owner: AccountRow, id: string): Promise<FilterStatusJson> {
  return serializeFilterStatus(await ownedEntry(ctx, owner, id));
}

export async function removeFilterStatus(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  const entry = await ownedEntry(ctx, owner, id);
  await deleteFilterStatus(ctx.db, entry.id);
  await filtersChanged(ctx, owner);
}
