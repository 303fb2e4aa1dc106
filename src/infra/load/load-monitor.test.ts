import { describe, expect, it } from 'vitest';
import { levelOf, pressureTracker, startLoadMonitor } from './load-monitor.ts';

const t = { lagMs: 100, heapFraction: 0.9 };

describe('levelOf', () => {
  it.each([
    [{ lagMs: 5, busy: 0.5, heapFraction: 0.3 }, 0],
    [{ lagMs: 100, busy: 0.5, heapFraction: 0.3 }, 1],
    [{ lagMs: 199, busy: 0.5, heapFraction: 0.3 }, 1],
    [{ lagMs: 200, busy: 0.5, heapFraction: 0.3 }, 2],
    [{ lagMs: 5, busy: 0.5, heapFraction: 0.91 }, 1],
    [{ lagMs: 5, busy: 0.5, heapFraction: 0.95 }, 2],
    // A saturated loop with short turns: anonymous requests go, never more for it alone.
    [{ lagMs: 5, busy: 0.94, heapFraction: 0.3 }, 0],
    [{ lagMs: 5, busy: 0.95, heapFraction: 0.3 }, 1],
    [{ lagMs: 5, busy: 1, heapFraction: 0.3 }, 1],
  ] as const)('%j -> %d', (sample, level) => {
    expect(levelOf(sample, t)).toBe(level);
  });
});

describe('pressureTracker', () => {
  const busy = { lagMs: 150, busy: 0.5, heapFraction: 0.3 };
  const calm = { lagMs: 5, busy: 0.5, heapFraction: 0.3 };
  /** Feeds one pressured sample at `at` ms, then calm ones every 100 ms until the level is let go. */
  function heldFor(track: ReturnType<typeof pressureTracker>, at: number): { held: number; releasedAt: number } {
    expect(track(busy, at).level).toBe(1);
    let t = at;
    while (track(calm, t + 100).level !== 0) t += 100;
    return { held: t + 100 - at, releasedAt: t + 100 };
  }

  it('raises at once and holds the level for holdMs after the last pressured sample', () => {
    const track = pressureTracker({ ...t, holdMs: 1000 });
    expect(track(calm, 0)).toEqual({ level: 0, easing: null });
    expect(heldFor(track, 100).held).toBe(1000);
  });

  it('lets the level go gradually over holdMs: a shrinking share of requests still gets it', () => {
    const track = pressureTracker({ ...t, holdMs: 1000 });
    const { releasedAt } = heldFor(track, 0);
    expect(track(calm, releasedAt + 250)).toEqual({ level: 0, easing: { level: 1, share: 0.75 } });
    expect(track(calm, releasedAt + 750)).toEqual({ level: 0, easing: { level: 1, share: 0.25 } });
    expect(track(calm, releasedAt + 1000)).toEqual({ level: 0, easing: null });
  });

  it('doubles the hold each time the overload comes straight back, up to maxHoldMs', () => {
    const track = pressureTracker({ ...t, holdMs: 1000, maxHoldMs: 4000 });
    let { releasedAt } = heldFor(track, 0);
    const holds: number[] = [];
    for (let i = 0; i < 4; i++) {
      // Pressure again while the level is still being let go: a flood that outlasted the hold.
      const next = heldFor(track, releasedAt + 200);
      holds.push(next.held);
      releasedAt = next.releasedAt;
    }
    expect(holds).toEqual([2000, 4000, 4000, 4000]);
  });

  it('starts again from holdMs after a calm spell of holdMs', () => {
    const track = pressureTracker({ ...t, holdMs: 1000 });
    const first = heldFor(track, 0);
    const second = heldFor(track, first.releasedAt + 200);
    expect(second.held).toBe(2000);
    const third = heldFor(track, second.releasedAt + 900);
    expect(third.held).toBe(4000);
    expect(heldFor(track, third.releasedAt + 1000).held).toBe(1000);
  });

  it('steps down from level 2 through level 1 without counting it as a release', () => {
    const track = pressureTracker({ ...t, holdMs: 1000 });
    expect(track({ lagMs: 250, busy: 0.5, heapFraction: 0.3 }, 0).level).toBe(2);
    expect(track(busy, 500).level).toBe(2);
    // The hold from the level-2 sample has passed: down to what is measured now, held afresh, all at once.
    expect(track(busy, 1000)).toEqual({ level: 1, easing: null });
    expect(track(calm, 1900).level).toBe(1);
    expect(track(calm, 2000)).toEqual({ level: 0, easing: { level: 1, share: 1 } });
    // Raised again long after: the base hold.
    expect(heldFor(track, 10_000).held).toBe(1000);
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
      expect(await eventually(() => monitor.level() === 0)).toBe(true);
      // Let go over the next hold: then no request gets the raised level any more.
      clock += 1000;
      expect(await eventually(() => monitor.pressure() === 0)).toBe(true);
    } finally {
      monitor.stop();
    }
  });

  it('notices a loop that never idles even when each of its turns is short', async () => {
    let clock = 0;
    // A delay threshold no 3 ms turn can reach: only utilisation can raise the level.
    const monitor = startLoadMonitor({ lagMs: 1000, heapFraction: 0.99, holdMs: 1000, sampleMs: 100 }, () => clock);
    try {
      let raised = false;
      const until = Date.now() + 3000;
      // What a saturated server does: turn after turn of work, never waiting for I/O.
      await new Promise<void>((resolve) => {
        const turn = () => {
          const end = Date.now() + 3;
          while (Date.now() < end) {
            /* one request's work */
          }
          raised ||= monitor.pressure() === 1;
          if (raised || Date.now() > until) resolve();
          else setImmediate(turn);
        };
        turn();
      });
      expect(raised).toBe(true);
      expect(monitor.last().busy).toBeGreaterThan(0.9);
      expect(monitor.last().lagMs).toBeLessThan(1000);
      // Idle again: released once the hold has passed.
      await new Promise((r) => setTimeout(r, 300));
      clock += 5000;
      expect(await eventually(() => monitor.level() === 0)).toBe(true);
      clock += 1000;
      expect(await eventually(() => monitor.pressure() === 0)).toBe(true);
    } finally {
      monitor.stop();
    }
  });
});
