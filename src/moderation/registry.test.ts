import { describe, expect, it, vi } from 'vitest';
import { runPolicies } from './pipeline.ts';
import { buildPolicies, PolicyConfigError } from './registry.ts';
import { NOW, subject } from './test-subject.ts';

const problems = (config: unknown): string[] => {
  try {
    buildPolicies(config);
  } catch (error) {
    if (error instanceof PolicyConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
};

describe('policy registry', () => {
  it('builds the policies in the configured order, with defaults filled in', () => {
    const policies = buildPolicies([
      { policy: 'spam' },
      { policy: 'keywords', rules: [{ pattern: 'casino', action: 'reject', reason: 'gambling ads' }] },
      { policy: 'profanity' },
      { policy: 'nsfw', threshold: 0.9 },
    ]);
    expect(policies.map((p) => p.name)).toEqual(['spam', 'keywords', 'profanity', 'nsfw']);
    expect(policies[3]?.timeoutMs).toBe(10_000);
  });

  it('builds an empty list from an empty configuration', () => {
    expect(buildPolicies([])).toEqual([]);
  });

  it('runs a configured list end to end', async () => {
    const classifyImage = vi.fn(async () => ({ Porn: 0.97, Hentai: 0, Sexy: 0.02, Neutral: 0.01, Drawing: 0 }));
    const policies = buildPolicies(
      [
        { policy: 'profanity' },
        { policy: 'nsfw' },
        { policy: 'keywords', name: 'ads', rules: [{ pattern: 'casino', action: 'reject', reason: 'gambling ads' }] },
      ],
      { classifyImage },
    );
    const reportError = vi.fn();
    const mild = await runPolicies(policies, subject({ text: 'sh1t, look', images: [Buffer.from('x')] }), { reportError, now: NOW });
    expect(mild.action).toBe('sensitive');
    expect(mild.verdicts.map((v) => v.policy)).toEqual(['profanity', 'nsfw']);
    const ad = await runPolicies(policies, subject({ text: 'best casino' }), { reportError, now: NOW });
    expect(ad.decisive).toEqual({ action: 'reject', policy: 'ads', reason: 'gambling ads', score: 1 });
    expect(reportError).not.toHaveBeenCalled();
  });

  it('explains every problem with where it is', () => {
    expect(
      problems([
        { policy: 'keywords', rules: [{ pattern: '([a-z]', regex: true, action: 'reject', reason: 'x' }] },
        { policy: 'nsfw', treshold: 0.9 },
        { policy: 'spam', action: 'ban' },
        { policy: 'virus-scan' },
      ]),
    ).toEqual([
      expect.stringMatching(/^policies\[0\]\.rules\[0\]\.pattern: invalid regular expression: /),
      expect.stringMatching(/^policies\[1\]: .*treshold/),
      expect.stringMatching(/^policies\[2\]\.action: /),
      expect.stringMatching(/^policies\[3\]\.policy: /),
    ]);
  });

  it('refuses a configuration that is not a list', () => {
    expect(problems({ policy: 'spam' })).toEqual([expect.stringMatching(/^policies: /)]);
  });

  it('requires distinct names for policies of the same kind', () => {
    const config = [
      { policy: 'keywords', rules: [{ pattern: 'a', action: 'hold', reason: 'x' }] },
      { policy: 'keywords', rules: [{ pattern: 'b', action: 'reject', reason: 'y' }] },
    ];
    expect(problems(config)).toEqual(['policies[1].name: two policies are named "keywords": give one a distinct "name"']);
    const named = buildPolicies([config[0], { ...config[1], name: 'keywords-strict' }]);
    expect(named.map((p) => p.name)).toEqual(['keywords', 'keywords-strict']);
  });

  it('puts the problems in the error message, for the start-up log', () => {
    expect(() => buildPolicies([{ policy: 'spam', mention_limit: -1 }])).toThrow(/invalid content policy configuration:\n {2}- policies\[0\]\.mention_limit: /);
  });
});
