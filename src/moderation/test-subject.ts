// A neutral subject for the moderation unit tests; each test overrides what it is about.
import type { PolicySubject } from './pipeline.ts';

export const NOW = new Date('2026-03-01T12:00:00Z');

export function subject(overrides: Partial<PolicySubject> = {}): PolicySubject {
  return {
    kind: 'status',
    accountId: 'alice',
    accountCreatedAt: '2020-01-01T00:00:00Z',
    text: 'A quiet walk by the river this morning.',
    mentions: 0,
    links: [],
    images: [],
    ...overrides,
  };
}

export const context = () => ({ now: NOW, signal: new AbortController().signal });
