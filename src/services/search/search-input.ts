// Boundary parsing shared by the two search endpoints. Bad parameters are a 400, like
// Mastodon's missing-parameter errors; a limit above the maximum is clamped.
import { z } from 'zod';
import { AppError, badRequest } from '../../domain/errors.ts';
import { isId } from '../../domain/ids.ts';

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const bool = z.preprocess((v) => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string' && ['true', '1', 'on', 'yes'].includes(v.toLowerCase())) return true;
  if (typeof v === 'string' && ['false', '0', 'off', 'no', ''].includes(v.toLowerCase())) return false;
  return v;
}, z.boolean({ message: 'must be true or false' }));
const int = z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v), z.number({ message: 'must be a whole number' }).int().min(0));
const id = z.string().refine(isId, { message: 'is not a valid id' });

export const SearchQuery = z.object({
  q: z.string({ message: 'is missing' }).trim().min(1, { message: 'is missing' }).max(1000),
  type: z.preprocess(blankToUndefined, z.enum(['accounts', 'hashtags', 'statuses'], { message: 'must be accounts, hashtags or statuses' }).optional()),
  resolve: z.preprocess(blankToUndefined, bool.optional()),
  following: z.preprocess(blankToUndefined, bool.optional()),
  exclude_unreviewed: z.preprocess(blankToUndefined, bool.optional()),
  account_id: z.preprocess(blankToUndefined, id.optional()),
  max_id: z.preprocess(blankToUndefined, id.optional()),
  min_id: z.preprocess(blankToUndefined, id.optional()),
  limit: z.preprocess(blankToUndefined, int.optional()),
  offset: z.preprocess(blankToUndefined, int.optional()),
});

export function parseSearchInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw badRequest(`${issue.path.map(String).join('.') || 'parameters'} ${issue.message}`);
  }
  return r.data;
}

export function clampLimit(limit: number | undefined, fallback: number, max: number): number {
  if (limit === undefined) return fallback;
  return Math.max(1, Math.min(limit, max));
}

/** Mastodon refuses these to anonymous callers (they would make the server fetch or scan for strangers). */
export function requireSignedInFor(signedIn: boolean, resolve: boolean | undefined, offset: number | undefined): void {
  if (signedIn) return;
  if (resolve || (offset !== undefined && offset > 0)) {
    throw new AppError(401, 'Search queries that resolve remote resources are not supported without authentication');
  }
}
