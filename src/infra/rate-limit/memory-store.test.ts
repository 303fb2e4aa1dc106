import { describe, expect, it } from 'vitest';
import { createMemoryRateLimitStore } from './memory-store.ts';
import { windowAt } from './store.ts';

const MINUTE = 60_000;
const T0 = 1_700_000_040_000; // a whole minute

describe('windowAt', () => {
  it('aligns windows to the epoch', () => {
    expect(windowAt(T0, MINUTE)).toEqual({ index: T0 / MINUTE, resetAtMs: T0 + MINUTE });
    expect(windowAt(T0 + MINUTE - 1, MINUTE).resetAtMs).toBe(T0 + MINUTE);
    expect(windowAt(T0 + MINUTE, MINUTE).resetAtMs).toBe(T0 + 2 * MINUTE);
  });
});

describe('memory rate-limit store', () => {
  it('counts hits per key within a window and starts again in the next', async () => {
    const store = createMemoryRateLimitStore();
    expect(await store.hit('a', MINUTE, T0)).toEqual({ count: 1, resetAtMs: T0 + MINUTE });
    expect(await store.hit('a', MINUTE, T0 + 10)).toEqual({ count: 2, resetAtMs: T0 + MINUTE });
    expect(await store.hit('b', MINUTE, T0 + 20)).toEqual({ count: 1, resetAtMs: T0 + MINUTE });
    expect(await store.hit('a', MINUTE, T0 + MINUTE)).toEqual({ count: 1, resetAtMs: T0 + 2 * MINUTE });
  });

  it('keeps separate counters for one key used with two window lengths', async () => {
    const store = createMemoryRateLimitStore();
    await store.hit('a', MINUTE, T0);
    expect((await store.hit('a', 5 * MINUTE, T0)).count).toBe(1);
    expect((await store.hit('a', MINUTE, T0)).count).toBe(2);
  });

  it('sweeps counters of ended windows', async () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 50; i++) await store.hit(`k${i}`, MINUTE, T0);
    expect(store.size).toBe(50);
    // A minute later the sweep runs on the next new counter.
    await store.hit('fresh', MINUTE, T0 + 2 * MINUTE);
    expect(store.size).toBe(1);
  });

  it('never holds more than maxKeys counters, dropping the oldest', async () => {
    const store = createMemoryRateLimitStore({ maxKeys: 10 });
    for (let i = 0; i < 25; i++) await store.hit(`k${i}`, MINUTE, T0 + i);
    expect(store.size).toBe(10);
    // The newest are still counted; the oldest were forgotten.
    expect((await store.hit('k24', MINUTE, T0 + 30)).count).toBe(2);
    expect((await store.hit('k0', MINUTE, T0 + 31)).count).toBe(1);
    expect(store.size).toBe(10);
  });
});
