import { describe, expect, it } from 'vitest';
import type { PolicySubject } from '../pipeline.ts';
import { context, NOW, subject } from '../test-subject.ts';
import { createSpamPolicy, spamOptionsSchema } from './spam.ts';

const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const NEW_ACCOUNT = minutesAgo(60 * 24); // one day old
const post = (minutes: number, links: string[] = []) => ({ createdAt: minutesAgo(minutes), text: 'post', links });

const spam = createSpamPolicy(spamOptionsSchema.parse({}));
const check = (overrides: Partial<PolicySubject>) => spam.check(subject({ accountCreatedAt: NEW_ACCOUNT, ...overrides }), context());

describe('spam policy', () => {
  it('holds a new account mass-mentioning, by default', async () => {
    expect(await check({ mentions: 5 })).toEqual({ action: 'hold', reason: 'looks like spam from a new account: 5 mentions in one post', score: 1 });
    expect((await check({ mentions: 4 })).action).toBe('accept');
    expect((await check({ kind: 'edit', mentions: 8 })).action).toBe('hold');
  });

  it('leaves established accounts alone', async () => {
    const old = await spam.check(subject({ accountCreatedAt: minutesAgo(60 * 24 * 8), mentions: 30 }), context());
    expect(old.action).toBe('accept');
  });

  it('catches the same link in 3 of the last 10 posts, however it is written', async () => {
    const link = 'https://deals.example/offer';
    const twoEarlier = [post(30, ['https://DEALS.example/offer/']), post(60), post(90, ['https://deals.example/offer#top'])];
    expect((await check({ links: [link], recentPosts: twoEarlier })).reason).toContain('the same link in 3 of the last 10 posts');
    expect((await check({ links: [link], recentPosts: twoEarlier.slice(0, 2) })).action).toBe('accept');
    // Outside the window of 10 (this post and the 9 before it), repeats no longer count.
    const old = [...Array.from({ length: 9 }, (_, i) => post(10 + i)), post(100, [link]), post(110, [link])];
    expect((await check({ links: [link], recentPosts: old })).action).toBe('accept');
  });

  it('catches 10 posts within 5 minutes', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => post(i * 0.5));
    expect((await check({ recentPosts: nine })).reason).toContain('10 posts in 5 minutes');
    const spread = Array.from({ length: 9 }, (_, i) => post(i * 2));
    expect((await check({ recentPosts: spread })).action).toBe('accept');
  });

  it('does not count an edit as a new post, nor judge profiles or media by posting rate', async () => {
    const nine = Array.from({ length: 9 }, (_, i) => post(i * 0.1, ['https://x.example']));
    expect((await check({ kind: 'edit', links: ['https://x.example'], recentPosts: nine })).action).toBe('accept');
    expect((await check({ kind: 'profile', mentions: 9, recentPosts: nine })).action).toBe('accept');
  });

  it('lists every sign, and takes its action and limits from the configuration', async () => {
    const strict = createSpamPolicy(spamOptionsSchema.parse({ action: 'reject', mention_limit: 2, new_account_days: 30 }));
    const verdict = await strict.check(subject({ accountCreatedAt: minutesAgo(60 * 24 * 20), mentions: 2, recentPosts: Array.from({ length: 9 }, () => post(1)) }), context());
    expect(verdict).toEqual({ action: 'reject', reason: 'looks like spam from a new account: 2 mentions in one post; 10 posts in 5 minutes', score: 2 });
  });

  it('refuses nonsense limits', () => {
    expect(spamOptionsSchema.safeParse({ mention_limit: 0 }).success).toBe(false);
    expect(spamOptionsSchema.safeParse({ action: 'ban' }).success).toBe(false);
  });
});
