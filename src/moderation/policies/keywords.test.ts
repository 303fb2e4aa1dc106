import { describe, expect, it, vi } from 'vitest';
import { runPolicies } from '../pipeline.ts';
import { context, NOW, subject } from '../test-subject.ts';
import { createKeywordsPolicy, keywordsOptionsSchema, RegexTimeoutError } from './keywords.ts';

const policy = (rules: unknown[], extra: Record<string, unknown> = {}) =>
  createKeywordsPolicy(keywordsOptionsSchema.parse({ rules, ...extra }));
const check = (rules: unknown[], text: string, links: string[] = []) => policy(rules).check(subject({ text, links }), context());

describe('keywords policy', () => {
  it('matches a plain word case-insensitively, whole words only by default', async () => {
    const rules = [{ pattern: 'crypto', action: 'hold', reason: 'crypto promotion' }];
    expect(await check(rules, 'Buy CRYPTO now')).toEqual({ action: 'hold', reason: 'crypto promotion', score: 1 });
    expect((await check(rules, 'cryptography is fun')).action).toBe('accept');
    expect((await check([{ ...rules[0], whole_word: false }], 'cryptography is fun')).action).toBe('hold');
  });

  it('treats plain patterns literally and knows non-ASCII word boundaries', async () => {
    const rules = [
      { pattern: 'c++ (beta)', action: 'unlist', reason: 'r1' },
      { pattern: 'straße', action: 'sensitive', reason: 'r2' },
    ];
    expect((await check(rules, 'learning c++ (beta) today')).action).toBe('unlist');
    expect((await check(rules, 'learning cxx beta today')).action).toBe('accept');
    expect((await check(rules, 'Hauptstraße 5')).action).toBe('accept');
    expect((await check(rules, 'die Straße')).action).toBe('sensitive');
  });

  it('sees through invisible characters and full-width letters', async () => {
    const rules = [{ pattern: 'casino', action: 'reject', reason: 'gambling ads' }];
    expect((await check(rules, 'best ca\u200bsino in town')).action).toBe('reject');
    expect((await check(rules, 'best ｃａｓｉｎｏ in town')).action).toBe('reject');
  });

  it('matches regular expressions, and links as well as text', async () => {
    const rules = [{ pattern: 'spam-?shop\\.example', regex: true, whole_word: false, action: 'reject', reason: 'known spam site' }];
    expect((await check(rules, 'look at this', ['https://spamshop.example/deal'])).action).toBe('reject');
    expect((await check(rules, 'visit spam-shop.example')).action).toBe('reject');
    expect((await check(rules, 'nothing here')).action).toBe('accept');
  });

  it('returns the strictest matching rule with its reason', async () => {
    const rules = [
      { pattern: 'alpha', action: 'sensitive', reason: 'mild' },
      { pattern: 'beta', action: 'reject', reason: 'strict' },
      { pattern: 'gamma', action: 'hold', reason: 'middle' },
    ];
    expect(await check(rules, 'alpha beta gamma')).toEqual({ action: 'reject', reason: 'strict', score: 3 });
  });

  it('refuses invalid regular expressions and incomplete rules at config time', () => {
    const bad = keywordsOptionsSchema.safeParse({
      rules: [
        { pattern: '(unclosed', regex: true, action: 'reject', reason: 'x' },
        { pattern: 'ok', action: 'accept', reason: 'accept is not a rule' },
        { pattern: 'ok', action: 'hold' },
      ],
    });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages.some((m) => m.startsWith('rules.0.pattern: invalid regular expression'))).toBe(true);
    expect(messages.some((m) => m.startsWith('rules.1.action'))).toBe(true);
    expect(messages.some((m) => m.startsWith('rules.2.reason'))).toBe(true);
  });

  it('cuts off a catastrophic regex instead of hanging', async () => {
    // A generous limit, so ordinary text never trips it on a loaded machine; the runaway input
    // would backtrack for minutes, far past it.
    const hostile = policy([{ pattern: '(a+)+$', regex: true, whole_word: false, action: 'reject', reason: 'x' }], { regex_timeout_ms: 250 });
    // Harmless on ordinary text...
    expect((await hostile.check(subject({ text: 'a normal post' }), context())).action).toBe('accept');
    // ...and stopped on the input that makes it backtrack for minutes.
    await expect(hostile.check(subject({ text: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' }), context())).rejects.toThrow(RegexTimeoutError);
  });

  it('names the runaway rule, and the pipeline holds the post and still answers', async () => {
    const hostile = policy([
      { pattern: 'fine', action: 'sensitive', reason: 'x' },
      { pattern: '(a|aa)+b', regex: true, whole_word: false, action: 'reject', reason: 'x' },
    ]);
    const reportError = vi.fn();
    const result = await runPolicies([hostile], subject({ text: `${'a'.repeat(40)}!` }), { reportError, now: NOW });
    expect(result.action).toBe('hold');
    expect(String(reportError.mock.calls[0]?.[1])).toContain('"(a|aa)+b"');
  });
});
