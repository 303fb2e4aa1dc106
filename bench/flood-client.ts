// The abusive client of the flood benchmark (bench/flood.ts), in a process of its own so that its
// load generator and the legitimate users' do not share one event loop. Anonymous requests for
// the public timeline, full-text search and random status ids (a scraper probing for posts),
// from one address or, as a botnet, from a different address on every request. Runs until the
// parent sends "stop", then reports what it sent and what it got back.
// Also home of spreadLoad, the fixed-rate load both sides of the benchmark use.
import autocannon from 'autocannon';

export type FloodMode = 'one-address' | 'botnet';

export interface FloodClientOptions {
  base: string;
  /** Requests per second asked for. */
  rate: number;
  connections: number;
  mode: FloodMode;
}

export interface FloodClientResult {
  sent: number;
  seconds: number;
  /** Answers by status code, and connection errors or timeouts under "error". */
  answers: Record<string, number>;
  /** CPU this process used: taken from the same cores as the server's. */
  cpuSeconds: number;
}

export type FloodClientMessage = { type: 'started' } | { type: 'result'; result: FloodClientResult };

/**
 * autocannon paces a rate per connection per second: each connection sends its quota back to
 * back as the second starts, then waits, and all of an instance's connections start together.
 * One instance at a fixed rate therefore sends each second's requests as a single burst at full
 * concurrency, and what it measures is that burst. This spreads `rate` over `instances`
 * instances started evenly across the second, so requests arrive in small trains all through
 * it, as those of many independent clients do. `seconds` null runs until stop().
 */
export function spreadLoad(
  opts: { url: string; rate: number; connections: number; seconds: number | null; request: autocannon.Request; instances?: number },
  track: (instance: autocannon.Instance) => void,
): { done: Promise<void>; stop(): void } {
  const count = Math.min(opts.instances ?? 10, opts.rate, opts.connections);
  const running: autocannon.Instance[] = [];
  let stopped = false;
  const share = (total: number, k: number) => Math.floor(total / count) + (k < total % count ? 1 : 0);
  const runs = Array.from(
    { length: count },
    (_, k) =>
      new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          if (stopped) return resolve();
          const options: autocannon.Options = {
            url: opts.url,
            connections: share(opts.connections, k),
            overallRate: share(opts.rate, k),
            // Without a length the run ends on stop(); ten minutes is only a safety net.
            duration: opts.seconds ?? 600,
            requests: [opts.request],
          };
          const instance = autocannon(options, (err: unknown) => (err ? reject(err) : resolve()));
          running.push(instance);
          track(instance);
        }, (k * 1000) / count),
      ),
  );
  return {
    done: Promise.all(runs).then(() => undefined),
    stop() {
      stopped = true;
      for (const instance of running) instance.stop();
    },
  };
}

/** The one address of the single abusive client (TEST-NET-3, documentation addresses). */
const ONE_ADDRESS = '203.0.113.66';
const WORDS = ['fox', 'quick', 'brown', 'lazy', 'dog', 'again', 'benchmark', 'post', 'number', 'jumps'];
const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A well-formed id that names nothing: what a scraper guessing ids sends. */
function randomStatusId(): string {
  let id = '';
  for (let i = 0; i < 26; i++) id += ULID_ALPHABET[Math.floor(Math.random() * (i === 0 ? 8 : 32))];
  return id;
}

/** Anywhere in 198.18.0.0/15 (set aside for benchmarks): 131,072 addresses. */
function botnetAddress(): string {
  const n = Math.floor(Math.random() * 131_072);
  return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
}

function abusivePath(): string {
  const r = Math.random();
  if (r < 1 / 3) return '/api/v1/timelines/public?limit=40';
  if (r < 2 / 3) return `/api/v2/search?q=${pick(WORDS)}+${pick(WORDS)}&type=statuses`;
  return `/api/v1/statuses/${randomStatusId()}`;
}

function run(opts: FloodClientOptions): void {
  const startedAt = performance.now();
  const cpuAtStart = process.cpuUsage();
  const answers: Record<string, number> = {};
  let sent = 0;
  let started = false;
  const request: autocannon.Request = {
    setupRequest: (req) => ({
      ...req,
      path: abusivePath(),
      headers: { ...req.headers, 'x-forwarded-for': opts.mode === 'botnet' ? botnetAddress() : ONE_ADDRESS },
    }),
  };
  const load = spreadLoad({ url: opts.base, rate: opts.rate, connections: opts.connections, seconds: null, request }, (instance) => {
    instance.on('response', (_client, statusCode) => {
      sent++;
      answers[statusCode] = (answers[statusCode] ?? 0) + 1;
    });
    instance.on('reqError', () => {
      sent++;
      answers.error = (answers.error ?? 0) + 1;
    });
    instance.on('start', () => {
      if (started) return;
      started = true;
      process.send!({ type: 'started' } satisfies FloodClientMessage);
    });
  });
  load.done.then(
    () => {
      const cpu = process.cpuUsage(cpuAtStart);
      const result: FloodClientResult = { sent, seconds: (performance.now() - startedAt) / 1000, answers, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
      process.send!({ type: 'result', result } satisfies FloodClientMessage, () => process.exit(0));
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
  process.on('message', (msg) => {
    if (msg === 'stop') load.stop();
  });
  // If the bench dies, so does its flood.
  process.on('disconnect', () => process.exit(0));
}

if (import.meta.main) run(JSON.parse(process.argv[2]!) as FloodClientOptions);
