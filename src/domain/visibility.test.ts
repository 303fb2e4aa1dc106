import { describe, expect, it } from 'vitest';
import { canQuote, canSee, type VisibilityFacts, visibleAmong } from './visibility.ts';

const base: VisibilityFacts = { visibility: 'public', isAuthor: false, anonymous: false, authorUnavailable: false, blockedEitherWay: false, viewerFollowsAuthor: false, viewerMentioned: false };

describe('canSee', () => {
  it.each([
    ['public', {}, true],
    ['unlisted', { anonymous: true }, true],
    ['private', { anonymous: true }, false],
    ['private', {}, false],
    ['private', { viewerFollowsAuthor: true }, true],
    ['private', { viewerMentioned: true }, true],
    ['direct', { viewerFollowsAuthor: true }, false],
    ['direct', { viewerMentioned: true }, true],
    ['public', { blockedEitherWay: true }, false],
    ['direct', { viewerMentioned: true, blockedEitherWay: true }, false],
    ['public', { authorUnavailable: true, anonymous: true }, false],
    ['direct', { isAuthor: true }, true],
    ['public', { sensitive: true }, true],
    ['public', { sensitive: true, storeSafe: true }, false],
    ['public', { sensitive: true, storeSafe: true, isAuthor: true }, true],
    ['public', { held: true, storeSafe: true }, false],
    ['public', { storeSafe: true }, true],
  ] as const)('%s with %j -> %s', (visibility, facts, expected) => {
    expect(canSee({ ...base, visibility, ...facts })).toBe(expected);
  });
});

describe('canQuote', () => {
  it('follows the policy and refuses private posts', () => {
    expect(canQuote({ visibility: 'public', policy: 'public', isAuthor: false, viewerFollowsAuthor: false })).toBe(true);
    expect(canQuote({ visibility: 'public', policy: 'followers', isAuthor: false, viewerFollowsAuthor: false })).toBe(false);
    expect(canQuote({ visibility: 'public', policy: 'followers', isAuthor: false, viewerFollowsAuthor: true })).toBe(true);
    expect(canQuote({ visibility: 'public', policy: 'nobody', isAuthor: true, viewerFollowsAuthor: false })).toBe(true);
    expect(canQuote({ visibility: 'private', policy: 'public', isAuthor: false, viewerFollowsAuthor: true })).toBe(false);
  });
});

describe('visibleAmong', () => {
  const rows = [
    { id: 'a', reblog_of_id: null },
    { id: 'b', reblog_of_id: 'a' },
    { id: 'c', reblog_of_id: 'hidden' },
    { id: 'hidden', reblog_of_id: null },
    { id: 'd', reblog_of_id: 'gone' },
  ];
  const byId = new Map(rows.map((r) => [r.id, r]));
  it('shows a reblog only when its original is seen too, and never when the original is missing', () => {
    expect([...visibleAmong(rows, byId, (r) => r.id !== 'hidden')].sort()).toEqual(['a', 'b']);
  });
});
