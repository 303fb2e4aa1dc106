import { describe, expect, it } from 'vitest';
import { ranked, statusScore, tagScore } from './scores.ts';

const NOW = Date.UTC(2025, 2, 10, 12);
const HOUR = 3600_000;

describe('tag scores', () => {
  it('compare the last day with the usual day of the week before', () => {
    // Nobody used it before: expected counts as one person a day.
    expect(tagScore({ recentAccounts: 3, baselineAccountDays: 0, lastUsedMs: NOW }, NOW)).toBe(4);
    // Two people a day (14 person-days over 7 days): five today is (5-2)^2/2.
    expect(tagScore({ recentAccounts: 5, baselineAccountDays: 14, lastUsedMs: NOW }, NOW)).toBe(4.5);
  });

  it('give nothing to a tag used as usual, or by one person', () => {
    expect(tagScore({ recentAccounts: 4, baselineAccountDays: 28, lastUsedMs: NOW }, NOW)).toBe(0);
    expect(tagScore({ recentAccounts: 3, baselineAccountDays: 35, lastUsedMs: NOW }, NOW)).toBe(0);
    expect(tagScore({ recentAccounts: 1, baselineAccountDays: 0, lastUsedMs: NOW }, NOW)).toBe(0);
  });

  it('halve every six hours since the last use', () => {
    expect(tagScore({ recentAccounts: 3, baselineAccountDays: 0, lastUsedMs: NOW - 6 * HOUR }, NOW)).toBe(2);
    expect(tagScore({ recentAccounts: 3, baselineAccountDays: 0, lastUsedMs: NOW - 12 * HOUR }, NOW)).toBe(1);
  });
});

describe('post scores', () => {
  it('count people and halve every six hours of age', () => {
    expect(statusScore({ accounts: 4, createdMs: NOW }, NOW)).toBe(4);
    expect(statusScore({ accounts: 4, createdMs: NOW - 6 * HOUR }, NOW)).toBe(2);
    // A newer post with fewer people can beat an older one with more.
    expect(statusScore({ accounts: 2, createdMs: NOW }, NOW)).toBeGreaterThan(statusScore({ accounts: 3, createdMs: NOW - 6 * HOUR }, NOW));
    expect(statusScore({ accounts: 1, createdMs: NOW }, NOW)).toBe(0);
  });
});

describe('ranking', () => {
  it('keeps positive scores, highest first, newer id first on ties, at most max', () => {
    const items = [
      { targetId: 'A', score: 1 },
      { targetId: 'B', score: 0 },
      { targetId: 'C', score: 3 },
      { targetId: 'D', score: 1 },
    ];
    expect(ranked(items, 10).map((i) => i.targetId)).toEqual(['C', 'D', 'A']);
    expect(ranked(items, 2).map((i) => i.targetId)).toEqual(['C', 'D']);
  });
});
