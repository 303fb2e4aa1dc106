// Mastodon's Filter (v2), FilterKeyword, FilterStatus and the deprecated v1 Filter.
import type { FilterAction, FilterContext, FilterJson, FilterKeywordJson, FilterStatusJson, V1FilterJson } from '../../api/entities.ts';
import type { FilterKeywordRow, FilterRow, FilterStatusRow } from '../db/schema.ts';
export type { FilterAction, FilterContext, FilterJson, FilterKeywordJson, FilterStatusJson, V1FilterJson };

export const FILTER_CONTEXTS = ['home', 'notifications', 'public', 'thread', 'account'] as const satisfies readonly FilterContext[];
export const FILTER_ACTIONS = ['warn', 'hide', 'blur'] as const satisfies readonly FilterAction[];

/** The stored JSON array, keeping only known contexts (the column is written by our own code). */
export function parseContexts(stored: string): FilterContext[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((c): c is FilterContext => (FILTER_CONTEXTS as readonly unknown[]).includes(c)) : [];
}

/** Unknown stored actions read as warn, the safe default Mastodon documents for clients. */
export const actionOf = (stored: string): FilterAction => ((FILTER_ACTIONS as readonly string[]).includes(stored) ? (stored as FilterAction) : 'warn');

export function serializeFilterKeyword(k: FilterKeywordRow): FilterKeywordJson {
  return { id: k.id, keyword: k.keyword, whole_word: k.whole_word === 1 };
}

export function serializeFilterStatus(s: FilterStatusRow): FilterStatusJson {
  return { id: s.id, status_id: s.status_id };
}

/** Without `rules` (inside a FilterResult) the keywords and statuses are left out, as in Mastodon. */
export function serializeFilter(
  f: Pick<FilterRow, 'id' | 'title' | 'context' | 'action' | 'expires_at'>,
  rules?: { keywords: FilterKeywordRow[]; statuses: FilterStatusRow[] },
): FilterJson {
  const json: FilterJson = { id: f.id, title: f.title, context: parseContexts(f.context), expires_at: f.expires_at, filter_action: actionOf(f.action) };
  if (rules) {
    json.keywords = rules.keywords.map(serializeFilterKeyword);
    json.statuses = rules.statuses.map(serializeFilterStatus);
  }
  return json;
}

/** A v1 filter is one keyword; `irreversible` is its filter's hide action. */
export function serializeV1Filter(k: FilterKeywordRow, f: FilterRow): V1FilterJson {
  return { id: k.id, phrase: k.keyword, context: parseContexts(f.context), whole_word: k.whole_word === 1, expires_at: f.expires_at, irreversible: f.action === 'hide' };
}
