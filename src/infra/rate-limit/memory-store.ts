// Throttle counters in this process's memory: the default for one server process. Memory stays
// bounded: counters of ended windows are swept at most once a minute, and past `maxKeys` the
// oldest counters are dropped (forgetting a count can only let a client through early, never
// refuse one wrongly). A full map is not swept on every new key: a flood from more addresses
// than `maxKeys` made each new one pay a full sweep (2.3 ms at 100,000, bench/flood.ts).
import { windowAt, type RateLimitHit, type RateLimitStore } from './store.ts';

interface Counter {
  count: number;
  resetAtMs: number;
}

const SWEEP_EVERY_MS = 60_000;

export interface MemoryRateLimitStore extends RateLimitStore {
  /** How many counters are held (for tests of the bound). */
  readonly size: number;
}

export function createMemoryRateLimitStore(opts: { maxKeys?: number } = {}): MemoryRateLimitStore {
  const maxKeys = opts.maxKeys ?? 100_000;
  // Map keeps insertion order, and a counter is re-inserted when its window starts: the first
  // entries are the oldest windows.
  const counters = new Map<string, Counter>();
  let lastSweepMs = 0;

  const sweep = (nowMs: number) => {
    lastSweepMs = nowMs;
    for (const [key, c] of counters) if (c.resetAtMs <= nowMs) counters.delete(key);
  };

  return {
    async hit(key, windowMs, nowMs): Promise<RateLimitHit> {
      const { resetAtMs } = windowAt(nowMs, windowMs);
      // The window length is part of the key: one name used with two lengths keeps two counters.
      const id = `${key}\u0000${windowMs}`;
      const current = counters.get(id);
      if (current && current.resetAtMs === resetAtMs) {
        current.count++;
        return { count: current.count, resetAtMs };
      }
      counters.delete(id);
      if (nowMs - lastSweepMs >= SWEEP_EVERY_MS) sweep(nowMs);
      while (counters.size >= maxKeys) counters.delete(counters.keys().next().value as string);
      counters.set(id, { count: 1, resetAtMs });
      return { count: 1, resetAtMs };
    },
    async ready() {},
    async close() {
      counters.clear();
    },
    get size() {
      return counters.size;
    },
  };
}
