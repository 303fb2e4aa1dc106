// The day range of a dashboard request: start_at and end_at are dates (any time given is ignored,
// as in Mastodon), both days included, in UTC.
import { unprocessable } from '../../domain/errors.ts';
import type { Range } from '../../db/repos/admin-metrics.ts';

export const DAY_MS = 86_400_000;
/** A bound on the work one request can ask for. */
const MAX_DAYS = 400;

export interface Period {
  /** UTC midnight of each day, first to last. */
  days: Date[];
  range: Range;
  /** The period of the same length just before. */
  previous: Range;
}

function dayOf(value: string, name: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value.trim());
  const ms = m ? Date.parse(`${m[1]}T00:00:00Z`) : NaN;
  if (Number.isNaN(ms)) throw unprocessable(`${name} must be a date (YYYY-MM-DD or an ISO 8601 time)`);
  return ms;
}

export function parsePeriod(startAt: string, endAt: string): Period {
  const start = dayOf(startAt, 'start_at');
  const end = dayOf(endAt, 'end_at');
  if (end < start) throw unprocessable('end_at must not be before start_at');
  const count = (end - start) / DAY_MS + 1;
  if (count > MAX_DAYS) throw unprocessable(`The period may be at most ${MAX_DAYS} days`);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    days: Array.from({ length: count }, (_, i) => new Date(start + i * DAY_MS)),
    range: { from: iso(start), to: iso(end + DAY_MS) },
    previous: { from: iso(start - count * DAY_MS), to: iso(start) },
  };
}

export const dayKey = (d: Date) => d.toISOString().slice(0, 10);

/** "1.5 MB" for the dashboard's human_value. */
export function humanBytes(n: number): string {
  const units = ['Bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
