// Two admins adding the same block at once: the unique index decides, the loser gets a 422.
import { unprocessable } from '../../domain/errors.ts';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return !!e && (e.code === '23505' || (typeof e.message === 'string' && e.message.includes('UNIQUE constraint failed')));
}

/** Runs `work`, turning a unique-index violation into Mastodon's "has already been taken". */
export async function uniquely<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err)) throw unprocessable(`${field} has already been taken`);
    throw err;
  }
}
