// Limits on filters and the checks that enforce them. They bound the work of applying filters
// (every keyword of every active filter is matched against each status a viewer is shown)
// while staying far above what people use: Mastodon caps nothing here, but clients offer a
// handful of filters of a few short keywords each.
import { unprocessable } from '../../domain/errors.ts';
import type { FilterContext } from '../../serializers/filter.ts';

export const MAX_FILTERS_PER_ACCOUNT = 100;
export const MAX_KEYWORDS_PER_FILTER = 1_000;
export const MAX_STATUSES_PER_FILTER = 1_000;
export const MAX_TITLE_LENGTH = 256;
export const MAX_KEYWORD_LENGTH = 100;
/** expires_in is at most ten years (in seconds); longer is "never", which is null. */
export const MAX_EXPIRES_IN = 10 * 365 * 24 * 3600;

export function checkTitle(title: string | undefined): string {
  const t = (title ?? '').trim();
  if (!t) throw unprocessable("Title can't be blank");
  if ([...t].length > MAX_TITLE_LENGTH) throw unprocessable(`Title is too long (maximum is ${MAX_TITLE_LENGTH} characters)`);
  return t;
}

/** At least one context; repeats dropped. */
export function checkContext(context: FilterContext[] | undefined): FilterContext[] {
  if (!context || context.length === 0) throw unprocessable("Context can't be blank");
  return [...new Set(context)];
}

export function checkKeyword(keyword: string | undefined): string {
  const k = (keyword ?? '').trim();
  if (!k) throw unprocessable("Keyword can't be blank");
  if ([...k].length > MAX_KEYWORD_LENGTH) throw unprocessable(`Keyword is too long (maximum is ${MAX_KEYWORD_LENGTH} characters)`);
  return k;
}

export function expiresAt(now: Date, expiresIn: number | null): string | null {
  return expiresIn === null ? null : new Date(now.getTime() + expiresIn * 1000).toISOString();
}
