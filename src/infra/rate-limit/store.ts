// Where throttle counters live. Windows are fixed and aligned to the epoch (as rack-attack's):
// every process and every store agrees on when a window starts and ends without talking to the
// others, a counter is one integer, and the reset time is known before asking the store.
// The price is that a client can spend one window's allowance at its very end and the next at
// the very start of the next window: at most twice the limit in a short burst.

export interface RateLimitHit {
  /** Hits on this key in the current window, this one included. */
  count: number;
  /** When the current window ends (ms since the epoch). */
  resetAtMs: number;
}

export interface RateLimitStore {
  /** Counts one hit on `key` in the window of `windowMs` that holds `nowMs`, atomically. */
  hit(key: string, windowMs: number, nowMs: number): Promise<RateLimitHit>;
  /** Connects if the store has a server; resolves (never rejects) once ready or given up. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface Window {
  /** Which window since the epoch: part of the key, so counters of old windows are never reused. */
  index: number;
  resetAtMs: number;
}

export function windowAt(nowMs: number, windowMs: number): Window {
  const index = Math.floor(nowMs / windowMs);
  return { index, resetAtMs: (index + 1) * windowMs };
}
