// How trend candidates are scored (after Mastodon's app/models/trends/, simplified). Pure
// functions: the trends job feeds them counts from the database.
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

export const TRENDS = {
  /** Tags: use in the last day is compared with the usual day of the week before it. */
  tagRecentMs: DAY_MS,
  tagBaselineDays: 7,
  /** Posts: only those written in the last two days can trend. */
  statusMaxAgeMs: 2 * DAY_MS,
  /** Halves a tag's score for every 6 hours since its last use, a post's for every 6 hours of its age. */
  halfLifeMs: 6 * HOUR_MS,
  /** One person alone never makes a trend. */
  minAccounts: 2,
  /** Candidates kept per kind: far more than the public lists show, enough for the review. */
  maxStored: 1000,
} as const;

const decay = (elapsedMs: number) => 0.5 ** (Math.max(0, elapsedMs) / TRENDS.halfLifeMs);

/**
 * How far a tag's use in the last day stands above its usual day: Mastodon's
 * (observed - expected)^2 / expected, where expected is the average number of distinct people
 * per day over the baseline week, at least one. A tag used as much as usual scores 0.
 */
export function tagScore(t: { recentAccounts: number; baselineAccountDays: number; lastUsedMs: number }, nowMs: number): number {
  const expected = Math.max(1, t.baselineAccountDays / TRENDS.tagBaselineDays);
  if (t.recentAccounts < TRENDS.minAccounts || t.recentAccounts <= expected) return 0;
  return ((t.recentAccounts - expected) ** 2 / expected) * decay(nowMs - t.lastUsedMs);
}

/** The people who favourited or boosted a post, counted less the older the post is. */
export function statusScore(p: { accounts: number; createdMs: number }, nowMs: number): number {
  if (p.accounts < TRENDS.minAccounts) return 0;
  return p.accounts * decay(nowMs - p.createdMs);
}

/** Positive scores only, highest first (ties: the newer id first), at most `max`. */
export function ranked<T extends { targetId: string; score: number }>(items: T[], max: number): T[] {
  return items
    .filter((i) => i.score > 0)
    .sort((a, b) => b.score - a.score || (a.targetId < b.targetId ? 1 : a.targetId > b.targetId ? -1 : 0))
    .slice(0, max);
}
