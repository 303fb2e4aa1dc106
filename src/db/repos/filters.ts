// Content filters, their keywords and their statuses. Every read is scoped to the owner, so
// someone else's filter is simply not found.
import type { Executor } from '../../jobs/queue.ts';
import type { Db } from '../client.ts';
import type { FilterKeywordRow, FilterRow, FilterStatusRow } from '../schema.ts';

type FilterChange = Partial<Pick<FilterRow, 'title' | 'context' | 'action' | 'expires_at' | 'updated_at'>>;
type KeywordChange = Partial<Pick<FilterKeywordRow, 'keyword' | 'whole_word'>>;

export async function insertFilter(exec: Executor, row: FilterRow): Promise<void> {
  await exec.insertInto('filters').values(row).execute();
}

export async function updateFilter(exec: Executor, id: string, set: FilterChange): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await exec.updateTable('filters').set(set).where('id', '=', id).execute();
}

/** Keywords and statuses go with it (foreign keys cascade). */
export async function deleteFilter(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('filters').where('id', '=', id).execute();
}

export async function findFilter(db: Executor, ownerId: string, id: string): Promise<FilterRow | undefined> {
  return db.selectFrom('filters').selectAll().where('id', '=', id).where('account_id', '=', ownerId).executeTakeFirst();
}

export async function filtersOf(db: Db, ownerId: string): Promise<FilterRow[]> {
  return db.selectFrom('filters').selectAll().where('account_id', '=', ownerId).orderBy('id').execute();
}

export async function countFilters(exec: Executor, ownerId: string): Promise<number> {
  const row = await exec.selectFrom('filters').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', ownerId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function keywordsOfFilters(db: Executor, filterIds: string[]): Promise<FilterKeywordRow[]> {
  if (filterIds.length === 0) return [];
  return db.selectFrom('filter_keywords').selectAll().where('filter_id', 'in', filterIds).orderBy('id').execute();
}

export async function statusesOfFilters(db: Executor, filterIds: string[]): Promise<FilterStatusRow[]> {
  if (filterIds.length === 0) return [];
  return db.selectFrom('filter_statuses').selectAll().where('filter_id', 'in', filterIds).orderBy('id').execute();
}

export async function insertKeywords(exec: Executor, rows: FilterKeywordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await exec.insertInto('filter_keywords').values(rows).execute();
}

export async function updateKeyword(exec: Executor, id: string, set: KeywordChange): Promise<void> {
  if (Object.keys(set).length === 0) return;
  await exec.updateTable('filter_keywords').set(set).where('id', '=', id).execute();
}

export async function deleteKeywords(exec: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await exec.deleteFrom('filter_keywords').where('id', 'in', ids).execute();
}

export async function countKeywords(exec: Executor, filterId: string): Promise<number> {
  const row = await exec.selectFrom('filter_keywords').select((eb) => eb.fn.countAll<number>().as('n')).where('filter_id', '=', filterId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A keyword of one of the owner's filters, with its filter. */
export async function findOwnedKeyword(db: Executor, ownerId: string, id: string): Promise<{ keyword: FilterKeywordRow; filter: FilterRow } | undefined> {
  const keyword = await db.selectFrom('filter_keywords').selectAll().where('id', '=', id).executeTakeFirst();
  if (!keyword) return undefined;
  const filter = await findFilter(db, ownerId, keyword.filter_id);
  return filter ? { keyword, filter } : undefined;
}

/** Every keyword of the owner's filters, oldest first (the v1 API lists keywords as filters). */
export async function keywordsOfOwner(db: Db, ownerId: string): Promise<FilterKeywordRow[]> {
  return db
    .selectFrom('filter_keywords as k')
    .innerJoin('filters as f', 'f.id', 'k.filter_id')
    .selectAll('k')
    .where('f.account_id', '=', ownerId)
    .orderBy('k.id')
    .execute();
}

export async function insertFilterStatus(exec: Executor, row: FilterStatusRow): Promise<void> {
  await exec.insertInto('filter_statuses').values(row).execute();
}

export async function deleteFilterStatus(exec: Executor, id: string): Promise<void> {
  await exec.deleteFrom('filter_statuses').where('id', '=', id).execute();
}

export async function countFilterStatuses(exec: Executor, filterId: string): Promise<number> {
  const row = await exec.selectFrom('filter_statuses').select((eb) => eb.fn.countAll<number>().as('n')).where('filter_id', '=', filterId).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function filterHasStatus(exec: Executor, filterId: string, statusId: string): Promise<boolean> {
  const row = await exec.selectFrom('filter_statuses').select('id').where('filter_id', '=', filterId).where('status_id', '=', statusId).executeTakeFirst();
  return row !== undefined;
}

/** A status entry of one of the owner's filters, with its filter. */
export async function findOwnedFilterStatus(db: Executor, ownerId: string, id: string): Promise<{ entry: FilterStatusRow; filter: FilterRow } | undefined> {
  const entry = await db.selectFrom('filter_statuses').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry) return undefined;
  const filter = await findFilter(db, ownerId, entry.filter_id);
  return filter ? { entry, filter } : undefined;
}

/** One rule of an active filter: a keyword (status_id null) or a status (keyword null). */
export interface ActiveFilterRule {
  filter_id: string;
  title: string;
  context: string;
  action: string;
  expires_at: string | null;
  keyword: string | null;
  whole_word: number | null;
  status_id: string | null;
}

/**
 * Everything needed to apply the owner's unexpired filters, in one statement: keyword rules and
 * status rules of each filter. A filter with neither can match nothing and is not returned.
 */
export async function activeFilterRules(db: Db, ownerId: string, nowIso: string): Promise<ActiveFilterRule[]> {
  const keywords = db
    .selectFrom('filters as f')
    .innerJoin('filter_keywords as k', 'k.filter_id', 'f.id')
    .select(['f.id as filter_id', 'f.title', 'f.context', 'f.action', 'f.expires_at', 'k.keyword', 'k.whole_word'])
    .select((eb) => eb.cast<string | null>(eb.val(null), 'text').as('status_id'))
    .where('f.account_id', '=', ownerId)
    .where((eb) => eb.or([eb('f.expires_at', 'is', null), eb('f.expires_at', '>', nowIso)]))
    .$castTo<ActiveFilterRule>();
  const statuses = db
    .selectFrom('filters as f')
    .innerJoin('filter_statuses as s', 's.filter_id', 'f.id')
    .select(['f.id as filter_id', 'f.title', 'f.context', 'f.action', 'f.expires_at'])
    .select((eb) => [eb.cast<string | null>(eb.val(null), 'text').as('keyword'), eb.cast<number | null>(eb.val(null), 'integer').as('whole_word'), 's.status_id'])
    .where('f.account_id', '=', ownerId)
    .where((eb) => eb.or([eb('f.expires_at', 'is', null), eb('f.expires_at', '>', nowIso)]))
    .$castTo<ActiveFilterRule>();
  return keywords.unionAll(statuses).execute();
}
