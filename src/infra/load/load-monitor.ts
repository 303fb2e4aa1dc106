// How hard-pressed this process is, from three signals that need no outside vendor: event-loop
// delay (the time a ready callback waits: every request waits as long), event-loop utilisation
// (the share of time the loop was never idle) and V8 heap use against its limit. Sampled on an
// unref'd timer, so reading the level on every request costs nothing.
//
// Why utilisation as well as delay: a flood spread over many connections keeps the process
// saturated while each turn of the loop stays short (one request per busy connection), so the
// delay can sit under its threshold for as long as the flood lasts (bench/flood.ts: 80-180 ms
// against 200 for 8 s). Meanwhile libuv accepts one new connection per turn, so anyone whose
// connection is new (a person opening the app) waits seconds. A loop that never idles through a
// whole sample has no room left: that is pressure, whatever the delay says.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/** 0: normal. 1: shed anonymous requests. 2: shed expensive requests of signed-in people too. */
export type Pressure = 0 | 1 | 2;

export interface LoadSample {
  /** 99th percentile of event-loop delay over the last sample, in milliseconds. */
  lagMs: number;
  /** Event-loop utilisation over the last sample: the share of time it was not waiting for I/O. */
  busy: number;
  /** Heap in use as a fraction of V8's heap limit. */
  heapFraction: number;
}

export interface LoadMonitor {
  /** The level to apply to this request (while a raised level is let go, it still applies to some). */
  pressure(): Pressure;
  /** The level held now, for logs. */
  level(): Pressure;
  last(): LoadSample;
  stop(): void;
}

export interface LoadThresholds {
  /** Event-loop delay (p99 over a sample) at which anonymous requests are shed; twice it sheds more. */
  lagMs: number;
  /** Heap fraction at which anonymous requests are shed; halfway from it to 1, more. */
  heapFraction: number;
  /** Event-loop utilisation at which anonymous requests are shed (DEFAULT_BUSY_FRACTION when absent). */
  busyFraction?: number;
  /** How long a raised level holds after its cause has passed, so shedding does not flap. */
  holdMs: number;
  /** The longest hold a returning overload can earn (see pressureTracker); 12 x holdMs by default. */
  maxHoldMs?: number;
  sampleMs: number;
}

/**
 * Saturated: in the flood benchmark a saturated process read 0.96-1.00 and one serving its
 * signed-in users at half its capacity 0.2-0.45. Utilisation alone only ever sheds anonymous
 * requests (level 1): people who are signed in are refused nothing for it.
 */
export const DEFAULT_BUSY_FRACTION = 0.95;

export function levelOf(sample: LoadSample, t: Pick<LoadThresholds, 'lagMs' | 'heapFraction' | 'busyFraction'>): Pressure {
  const severeHeap = t.heapFraction + (1 - t.heapFraction) / 2;
  if (sample.lagMs >= 2 * t.lagMs || sample.heapFraction >= severeHeap) return 2;
  if (sample.lagMs >= t.lagMs || sample.heapFraction >= t.heapFraction || sample.busy >= (t.busyFraction ?? DEFAULT_BUSY_FRACTION)) return 1;
  return 0;
}

export interface PressureState {
  level: Pressure;
  /** While a raised level is let go: that level, and the share of requests it still applies to. */
  easing: { level: Pressure; share: number } | null;
}

/**
 * Turns successive samples into the level to act on: raised at once, held for a while after its
 * cause has passed. Letting a flood through all at once the moment shedding stops overloads the
 * process again before the next sample can tell, and every request waits meanwhile (bench/flood.ts
 * saw the event loop 300-700 ms late at each release). Two things soften that:
 * - the level is let go gradually: over holdMs the share of requests it still applies to falls
 *   from all to none, so a returning overload is caught while it is still small;
 * - a raise within holdMs of the last release is the overload coming straight back: each such
 *   raise doubles the hold, up to maxHoldMs (at a minute, one release a minute). A raise after a
 *   calm spell of holdMs or more starts again from holdMs.
 */
export function pressureTracker(t: Omit<LoadThresholds, 'sampleMs'>): (sample: LoadSample, at: number) => PressureState {
  const maxHoldMs = t.maxHoldMs ?? 12 * t.holdMs;
  let state: PressureState = { level: 0, easing: null };
  let raisedUntil = 0;
  let hold = t.holdMs;
  let releasedAt = -Infinity;
  return (sample, at) => {
    const measured = levelOf(sample, t);
    const { level, easing } = state;
    if (measured > level || (measured === level && measured > 0)) {
      if (level === 0) hold = at - releasedAt < t.holdMs ? Math.min(maxHoldMs, 2 * hold) : t.holdMs;
      raisedUntil = at + hold;
      state = { level: measured, easing: null };
    } else if (measured < level && at >= raisedUntil) {
      // Stepping down to a level still measured holds that level afresh, as a raise would.
      if (measured > 0) raisedUntil = at + hold;
      else releasedAt = at;
      state = { level: measured, easing: measured === 0 ? { level, share: 1 } : null };
    } else if (easing) {
      const share = 1 - (at - releasedAt) / t.holdMs;
      state = { level, easing: share > 0 ? { level: easing.level, share } : null };
    }
    return state;
  };
}

export function startLoadMonitor(t: LoadThresholds, now: () => number = Date.now): LoadMonitor {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const heapLimit = getHeapStatistics().heap_size_limit;
  const track = pressureTracker(t);
  let sample: LoadSample = { lagMs: 0, busy: 0, heapFraction: 0 };
  let state: PressureState = { level: 0, easing: null };
  let utilisation = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    // A sample with no measurements (an idle loop between ticks) reads as NaN: no delay.
    const p99 = delay.percentile(99) / 1e6;
    const current = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(current, utilisation).utilization;
    utilisation = current;
    sample = { lagMs: Number.isFinite(p99) ? p99 : 0, busy, heapFraction: process.memoryUsage().heapUsed / heapLimit };
    delay.reset();
    state = track(sample, now());
  }, t.sampleMs);
  timer.unref();
  return {
    pressure: () => (state.easing && Math.random() < state.easing.share ? state.easing.level : state.level),
    level: () => state.level,
    last: () => sample,
    stop() {
      clearInterval(timer);
      delay.disable();
    },
  };
}

/** For tests and for configurations with shedding off: a level set by hand. */
export function fixedLoadMonitor(initial: Pressure = 0): LoadMonitor & { set(p: Pressure): void } {
  let level = initial;
  return { pressure: () => level, level: () => level, last: () => ({ lagMs: 0, busy: 0, heapFraction: 0 }), stop() {}, set: (p) => (level = p) };
}
