import { describe, expect, it, vi } from 'vitest';
import { POLICY_ERROR_REASON, PolicyTimeoutError, runPolicies, type ContentPolicy, type PolicyAction } from './pipeline.ts';
import { NOW, subject } from './test-subject.ts';

const fixed = (name: string, action: PolicyAction, reason?: string): ContentPolicy => ({
  name,
  check: async () => ({ action, reason }),
});

const run = (policies: ContentPolicy[], timeoutMs?: number) => {
  const reportError = vi.fn();
  return { reportError, result: runPolicies(policies, subject(), { reportError, timeoutMs, now: NOW }) };
};

describe('runPolicies', () => {
  it('accepts when there are no policies or every policy accepts', async () => {
    expect(await run([]).result).toEqual({ action: 'accept', decisive: null, verdicts: [] });
    expect(await run([fixed('a', 'accept'), fixed('b', 'accept')]).result).toEqual({ action: 'accept', decisive: null, verdicts: [] });
  });

  it('lets the strictest action win and returns every other verdict, in policy order', async () => {
    const { result } = run([fixed('a', 'sensitive', 's'), fixed('b', 'accept'), fixed('c', 'hold', 'h'), fixed('d', 'unlist', 'u')]);
    const { action, decisive, verdicts } = await result;
    expect(action).toBe('hold');
    expect(decisive).toEqual({ action: 'hold', policy: 'c', reason: 'h' });
    expect(verdicts.map((v) => `${v.policy}:${v.action}`)).toEqual(['a:sensitive', 'c:hold', 'd:unlist']);
  });

  it('orders actions reject > hold > unlist > sensitive > accept', async () => {
    const order: PolicyAction[] = ['accept', 'sensitive', 'unlist', 'hold', 'reject'];
    for (let i = 1; i < order.length; i++) {
      const weaker = order[i - 1]!;
      const stronger = order[i]!;
      expect((await run([fixed('s', stronger), fixed('w', weaker)]).result).action).toBe(stronger);
      expect((await run([fixed('w', weaker), fixed('s', stronger)]).result).action).toBe(stronger);
    }
  });

  it('names the first policy with the final action as decisive when several agree', async () => {
    const { decisive } = await run([fixed('first', 'reject', 'one'), fixed('second', 'reject', 'two')]).result;
    expect(decisive?.policy).toBe('first');
  });

  it('stops at a reject: later policies cannot make it stricter', async () => {
    const later = { name: 'later', check: vi.fn(async () => ({ action: 'hold' as const })) };
    const { action, verdicts } = await run([fixed('words', 'reject', 'banned word'), later]).result;
    expect(action).toBe('reject');
    expect(verdicts).toEqual([{ action: 'reject', policy: 'words', reason: 'banned word' }]);
    expect(later.check).not.toHaveBeenCalled();
  });

  it('stamps the policy name on its verdict', async () => {
    const liar: ContentPolicy = { name: 'real', check: async () => ({ action: 'unlist', policy: 'someone-else' }) as never };
    expect((await run([liar]).result).verdicts[0]?.policy).toBe('real');
  });

  it('passes the clock to policies', async () => {
    const check = vi.fn<ContentPolicy['check']>(async () => ({ action: 'accept' }));
    await run([{ name: 'clock', check }]).result;
    expect(check.mock.calls[0]?.[1].now).toEqual(NOW);
  });

  it('turns a policy that throws into hold "policy error", reports it, and runs the others', async () => {
    const boom = new Error('model file missing');
    const broken: ContentPolicy = { name: 'broken', check: async () => Promise.reject(boom) };
    const syncBroken: ContentPolicy = {
      name: 'sync-broken',
      check: () => {
        throw new Error('thrown before any promise');
      },
    };
    const { result, reportError } = run([broken, syncBroken, fixed('after', 'sensitive')]);
    const { action, verdicts } = await result;
    expect(action).toBe('hold');
    expect(verdicts).toEqual([
      { action: 'hold', policy: 'broken', reason: POLICY_ERROR_REASON },
      { action: 'hold', policy: 'sync-broken', reason: POLICY_ERROR_REASON },
      { action: 'sensitive', policy: 'after' },
    ]);
    expect(reportError).toHaveBeenCalledWith('broken', boom);
    expect(reportError).toHaveBeenCalledWith('sync-broken', expect.objectContaining({ message: 'thrown before any promise' }));
  });

  it('holds when a policy answers with an unknown action', async () => {
    const odd: ContentPolicy = { name: 'odd', check: async () => ({ action: 'delete' }) as never };
    const { result, reportError } = run([odd]);
    expect((await result).action).toBe('hold');
    expect(String(reportError.mock.calls[0]?.[1])).toContain('unknown action');
  });

  it('holds a policy that exceeds its time budget, aborts its signal, and still answers', async () => {
    let signal: AbortSignal | undefined;
    const slow: ContentPolicy = {
      name: 'slow',
      check: (_s, context) => {
        signal = context.signal;
        return new Promise(() => {});
      },
    };
    const { result, reportError } = run([slow, fixed('next', 'unlist')], 20);
    const { action, verdicts } = await result;
    expect(action).toBe('hold');
    expect(verdicts.map((v) => v.policy)).toEqual(['slow', 'next']);
    expect(verdicts[0]?.reason).toBe(POLICY_ERROR_REASON);
    expect(reportError.mock.calls[0]?.[1]).toBeInstanceOf(PolicyTimeoutError);
    expect(signal?.aborted).toBe(true);
  });

  it("uses a policy's own budget over the pipeline default", async () => {
    const patient: ContentPolicy = {
      name: 'patient',
      timeoutMs: 5000,
      check: () => new Promise((resolve) => setTimeout(() => resolve({ action: 'sensitive' }), 40)),
    };
    const { result, reportError } = run([patient], 10);
    expect((await result).action).toBe('sensitive');
    expect(reportError).not.toHaveBeenCalled();
  });
});
