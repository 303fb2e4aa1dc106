// The deprecated v1 filters API as a view over v2 filters, the way Mastodon maps them: a v1
// filter is one keyword (its id is the keyword's id); context, expiry and `irreversible`
// (= the hide action) belong to the keyword's filter. A new v1 filter is a filter titled by
// its phrase, holding that one keyword.
import type { AppContext } from '../../context.ts';
import { countFilters, countFilterStatuses, countKeywords, deleteFilter, deleteKeywords, filtersOf, findOwnedKeyword, insertFilter, insertKeywords, keywordsOfOwner, updateFilter, updateKeyword } from '../../db/repos/filters.ts';
import type { AccountRow, FilterKeywordRow, FilterRow } from '../../db/schema.ts';
import { notFound, unprocessable } from '../../domain/errors.ts';
import { isId, newId } from '../../domain/ids.ts';
import type { Executor } from '../../jobs/queue.ts';
import { serializeV1Filter, type FilterContext, type V1FilterJson } from '../../serializers/filter.ts';
import { filtersChanged, newKeywordRow } from './filters.ts';
import { MAX_FILTERS_PER_ACCOUNT, checkContext, checkKeyword, expiresAt } from './limits.ts';

export interface V1FilterInput {
  phrase?: string;
  context?: FilterContext[];
  irreversible?: boolean;
  whole_word?: boolean;
  /** Seconds from now; null: never expires. */
  expires_in?: number | null;
}

async function ownedV1(db: Executor, owner: AccountRow, id: string): Promise<{ keyword: FilterKeywordRow; filter: FilterRow }> {
  const found = isId(id) ? await findOwnedKeyword(db, owner.id, id) : undefined;
  if (!found) throw notFound();
  return found;
}

export async function listV1Filters(ctx: AppContext, owner: AccountRow): Promise<V1FilterJson[]> {
  const [filters, keywords] = await Promise.all([filtersOf(ctx.db, owner.id), keywordsOfOwner(ctx.db, owner.id)]);
  const byId = new Map(filters.map((f) => [f.id, f]));
  return keywords.map((k) => serializeV1Filter(k, byId.get(k.filter_id)!));
}

export async function showV1Filter(ctx: AppContext, owner: AccountRow, id: string): Promise<V1FilterJson> {
  const { keyword, filter } = await ownedV1(ctx.db, owner, id);
  return serializeV1Filter(keyword, filter);
}

const storedContext = (context: FilterContext[] | undefined) => JSON.stringify(checkContext(context));

export async function createV1Filter(ctx: AppContext, owner: AccountRow, input: V1FilterInput): Promise<V1FilterJson> {
  const now = ctx.clock.now();
  const phrase = checkKeyword(input.phrase);
  const filter: FilterRow = {
    id: newId(now.getTime()),
    account_id: owner.id,
    title: phrase,
    context: storedContext(input.context),
    action: input.irreversible ? 'hide' : 'warn',
    expires_at: expiresAt(now, input.expires_in ?? null),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const keyword = newKeywordRow(ctx, filter.id, phrase, input.whole_word ?? true);
  await ctx.db.transaction().execute(async (trx) => {
    if ((await countFilters(trx, owner.id)) >= MAX_FILTERS_PER_ACCOUNT) throw unprocessable(`Filters are limited to ${MAX_FILTERS_PER_ACCOUNT} per account`);
    await insertFilter(trx, filter);
    await insertKeywords(trx, [keyword]);
  });
  await filtersChanged(ctx, owner);
  return serializeV1Filter(keyword, filter);
}

/**
 * Keyword fields change the keyword; context, expiry and `irreversible` change its filter, which
 * Mastodon refuses when that filter has other keywords (they would change too).
 */
export async function changeV1Filter(ctx: AppContext, owner: AccountRow, id: string, input: V1FilterInput): Promise<V1FilterJson> {
  const now = ctx.clock.now();
  const result = await ctx.db.transaction().execute(async (trx) => {
    const { keyword, filter } = await ownedV1(trx, owner, id);
    const keywordSet: Partial<Pick<FilterKeywordRow, 'keyword' | 'whole_word'>> = {};
    if (input.phrase !== undefined) keywordSet.keyword = checkKeyword(input.phrase);
    if (input.whole_word !== undefined) keywordSet.whole_word = input.whole_word ? 1 : 0;
    const filterSet: Partial<Pick<FilterRow, 'context' | 'action' | 'expires_at'>> = {};
    if (input.context !== undefined && storedContext(input.context) !== filter.context) filterSet.context = storedContext(input.context);
    const action = input.irreversible === undefined ? filter.action : input.irreversible ? 'hide' : 'warn';
    if (action !== filter.action) filterSet.action = action;
    if (input.expires_in !== undefined) filterSet.expires_at = expiresAt(now, input.expires_in);
    if (Object.keys(filterSet).length > 0 && (await countKeywords(trx, filter.id)) > 1) {
      throw unprocessable('These parameters cannot be changed from this application because they apply to more than one filter keyword');
    }
    await updateKeyword(trx, keyword.id, keywordSet);
    await updateFilter(trx, filter.id, { ...filterSet, updated_at: now.toISOString() });
    return serializeV1Filter({ ...keyword, ...keywordSet }, { ...filter, ...filterSet });
  });
  await filtersChanged(ctx, owner);
  return result;
}

/** Removes the keyword; a filter left with nothing to match goes with it (it was the v1 filter). */
export async function removeV1Filter(ctx: AppContext, owner: AccountRow, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const { keyword, filter } = await ownedV1(trx, owner, id);
    await deleteKeywords(trx, [keyword.id]);
    if ((await countKeywords(trx, filter.id)) === 0 && (await countFilterStatuses(trx, filter.id)) === 0) await deleteFilter(trx, filter.id);
  });
  await filtersChanged(ctx, owner);
}
