// A small seeded generator (mulberry32): the same seed gives the same hostile cases on every
// machine, so a failure seen once can be replayed with HOSTILE_SEED=<seed>.
export interface Rng {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** k distinct items (all of them if there are fewer), in a seeded order. */
  sample<T>(items: readonly T[], k: number): T[];
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    sample(items, k) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    },
  };
}

/** HOSTILE_SEED=<n> replays a run; otherwise a fixed seed keeps CI deterministic. */
export function hostileSeed(): number {
  const raw = process.env.HOSTILE_SEED;
  const seed = raw === undefined ? 0x5eed_2026 : Number(raw);
  if (!Number.isSafeInteger(seed)) throw new Error(`HOSTILE_SEED must be an integer, not ${raw}`);
  return seed;
}
