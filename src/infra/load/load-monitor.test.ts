import { describe, expect, it } from 'vitest';
import { levelOf, startLoadMonitor } from './load-monitor.ts';

const t = { lagMs: 100, heapFraction: 0.9 };

describe('levelOf', () => {
  it.each([
    [{ lagMs: 5, heapFraction: 0.3 }, 0],
    [{ lagMs: 100, heapFraction: 0.3 }, 1],
    [{ lagMs: 199, heapFraction: 0.3 }, 1],
    [{ lagMs: 200, heapFraction: 0.3 }, 2],
    [{ lagMs: 5, heapFraction: 0.91 }, 1],
    [{ lagMs: 5, heapFraction: 0.95 }, 2],
  ] as const)('%j -> %d', (sample, level) => {
    expect(levelOf(sample, t)).toBe(level);
  });
});

/** Polls until `ok()` (timers on a loaded machine run late; a fixed sleep would be flaky). */
async function eventually(ok: () => boolean, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (ok()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return ok();
}

describe('startLoadMonitor', () => {
  it('notices a blocked event loop, holds the level, then lets it go', async () => {
    let clock = 0;
    const monitor = startLoadMonitor({ lagMs: 150, heapFraction: 0.99, holdMs: 1000, sampleMs: 20 }, () => clock);
    try {
      // Let the monitor's timers start, then block the loop for 700 ms: every timer in that time is late by up to that much.
      await new Promise((r) => setTimeout(r, 50));
      const until = Date.now() + 700;
      while (Date.now() < until) {
        /* busy: what a synchronous hot path does to every other request */
      }
      expect(await eventually(() => monitor.pressure() === 2)).toBe(true);
      // Calm again but within the hold time (the fake clock stands still): still raised.
      await new Promise((r) => setTimeout(r, 100));
      expect(monitor.pressure()).toBe(2);
      clock += 5000;
      expect(await eventually(() => monitor.pressure() === 0)).toBe(true);
    } finally {
      monitor.stop();
    }
  });
});
