// Boundary validation: zod schemas that accept what Mastodon clients send in JSON, forms,
// multipart and query strings alike (booleans as "true"/"1", numbers as strings, arrays as
// `key[]` or as indexed objects), turning failures into one clear 422.
import { z } from 'zod';
import { AppError } from '../domain/errors.ts';
import { isId } from '../domain/ids.ts';

export const zBool = z.preprocess((v) => {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (['true', '1', 'on', 'yes'].includes(s)) return true;
    if (['false', '0', 'off', 'no', ''].includes(s)) return false;
  }
  return v;
}, z.boolean({ message: 'must be true or false' }));

export const zInt = (min = -Infinity, max = Infinity) =>
  z.preprocess(
    (v) => (typeof v === 'string' && /^-?\d+$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ message: 'must be a whole number' }).int({ message: 'must be a whole number' }).min(min).max(max),
  );

/** Accepts `x[]=a&x[]=b`, a JSON array, a single value, or an object with numeric keys. */
export const zArray = <T extends z.ZodType>(item: T, max = 100) =>
  z.preprocess((v) => {
    if (v === undefined || v === null || v === '') return v === '' ? [] : v;
    if (Array.isArray(v)) return v;
    if (typeof v === 'object') {
      return Object.keys(v as object)
        .sort((a, b) => Number(a) - Number(b))
        .map((k) => (v as Record<string, unknown>)[k]);
    }
    return [v];
  }, z.array(item).max(max, { message: `must have at most ${max} items` }));

export const zId = z.string().refine(isId, { message: 'is not a valid id' });

function describe(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join('.');
  return field ? `${field} ${issue.message}` : issue.message;
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (!result.success) {
    const details = result.error.issues.map(describe);
    throw new AppError(422, `Validation failed: ${details.join(', ')}`);
  }
  return result.data;
}
