// How hard-pressed this process is, from two signals that need no outside vendor: event-loop
// delay (the time a ready callback waits: every request waits as long) and V8 heap use against
// its limit. Sampled on an unref'd timer, so reading the level on every request costs nothing.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/** 0: normal. 1: shed anonymous requests. 2: shed expensive requests of signed-in people too. */
export type Pressure = 0 | 1 | 2;

export interface LoadSample {
  /** 99th percentile of event-loop delay over the last sample, in milliseconds. */
  lagMs: number;
  /** Heap in use as a fraction of V8's heap limit. */
  heapFraction: number;
}

export interface LoadMonitor {
  pressure(): Pressure;
  last(): LoadSample;
  stop(): void;
}

export interface LoadThresholds {
  /** Event-loop delay (p99 over a sample) at which anonymous requests are shed; twice it sheds more. */
  lagMs: number;
  /** Heap fraction at which anonymous requests are shed; halfway from it to 1, more. */
  heapFraction: number;
  /** How long a raised level holds after its cause has passed, so shedding does not flap. */
  holdMs: number;
  sampleMs: number;
}

export function levelOf(sample: LoadSample, t: Pick<LoadThresholds, 'lagMs' | 'heapFraction'>): Pressure {
  const severeHeap = t.heapFraction + (1 - t.heapFraction) / 2;
  if (sample.lagMs >= 2 * t.lagMs || sample.heapFraction >= severeHeap) return 2;
  if (sample.lagMs >= t.lagMs || sample.heapFraction >= t.heapFraction) return 1;
  return 0;
}

export function startLoadMonitor(t: LoadThresholds, now: () => number = Date.now): LoadMonitor {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const heapLimit = getHeapStatistics().heap_size_limit;
  let sample: LoadSample = { lagMs: 0, heapFraction: 0 };
  let level: Pressure = 0;
  let raisedUntil = 0;
  const timer = setInterval(() => {
    // A sample with no measurements (an idle loop between ticks) reads as NaN: no delay.
    const p99 = delay.percentile(99) / 1e6;
    sample = { lagMs: Number.isFinite(p99) ? p99 : 0, heapFraction: process.memoryUsage().heapUsed / heapLimit };
    delay.reset();
    const measured = levelOf(sample, t);
    const at = now();
    if (measured >= level) {
      level = measured;
      if (measured > 0) raisedUntil = at + t.holdMs;
    } else if (at >= raisedUntil) level = measured;
  }, t.sampleMs);
  timer.unref();
  return {
    pressure: () => level,
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
  return { pressure: () => level, last: () => ({ lagMs: 0, heapFraction: 0 }), stop() {}, set: (p) => (level = p) };
}
