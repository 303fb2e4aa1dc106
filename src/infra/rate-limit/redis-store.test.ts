// The Redis store against a real Redis: counters shared by two clients (two processes' stores),
// atomic under concurrency, expiring with their window; and staying up when Redis is
// unreachable or goes away, with one warning per outage. CI runs Redis at 127.0.0.1:6379.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisRateLimitStore } from './redis-store.ts';
import type { RateLimitStore } from './store.ts';
import { freePort, tcpReachable } from '../../../test/helpers/net.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const redisUp = await tcpReachable(REDIS_URL);
const haveRedisServer = spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

/** A logger whose entries the test can read. */
function capturingLogger() {
  const entries: { level: number; msg: string }[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) entries.push(JSON.parse(line) as { level: number; msg: string });
      done();
    },
  });
  return { log: pino({ level: 'info' }, stream), entries };
}

const MINUTE = 60_000;
const stores: RateLimitStore[] = [];
const newStore = (url: string, prefix: string, log = capturingLogger().log) => {
  const store = createRedisRateLimitStore({ url, prefix, log });
  stores.push(store);
  return store;
};
afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
});

describe.runIf(redisUp || process.env.CI === 'true')('Redis rate-limit store (shared Redis)', () => {
  const prefix = `parley-test:${randomBytes(6).toString('hex')}:`;
  const admin = new Redis(REDIS_URL, { lazyConnect: true });

  afterAll(async () => {
    // Only this run's keys.
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length) await admin.del(...keys);
    await admin.quit();
  });

  it('shares one counter between two clients, atomically', async () => {
    const a = newStore(REDIS_URL, prefix);
    const b = newStore(REDIS_URL, prefix);
    await Promise.all([a.ready(), b.ready()]);
    const now = Date.now();
    const counts = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).hit('shared', MINUTE, now)));
    expect(counts.map((c) => c.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(new Set(counts.map((c) => c.resetAtMs))).toEqual(new Set([Math.ceil((now + 1) / MINUTE) * MINUTE]));
    // The next window starts from one, in both.
    expect((await a.hit('shared', MINUTE, now + MINUTE)).count).toBe(1);
    expect((await b.hit('shared', MINUTE, now + MINUTE)).count).toBe(2);
  });

  it('lets each counter expire when its window has ended', async () => {
    const a = newStore(REDIS_URL, prefix);
    await a.ready();
    const now = Date.now();
    const { resetAtMs } = await a.hit('expiring', MINUTE, now);
    const keys = await admin.keys(`${prefix}expiring:*`);
    expect(keys).toHaveLength(1);
    const ttl = await admin.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(resetAtMs - now + 1000);
  });
});

describe('Redis rate-limit store when Redis is unreachable', () => {
  it('counts in memory at once, never fails, and warns once', async () => {
    const port = await freePort(); // nothing listens there
    const { log, entries } = capturingLogger();
    const store = newStore(`redis://127.0.0.1:${port}`, 'x:', log);
    const started = performance.now();
    await store.ready();
    const counts: number[] = [];
    for (let i = 0; i < 5; i++) counts.push((await store.hit('k', MINUTE, Date.now())).count);
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(entries.filter((e) => e.level === 40 && e.msg.includes('Redis is unreachable'))).toHaveLength(1);
    // The URL (which may hold a password) is never logged.
    expect(JSON.stringify(entries)).not.toContain(String(port));
  });
});

describe.runIf(haveRedisServer || process.env.CI === 'true')('Redis rate-limit store when Redis goes away and comes back', () => {
  let server: ChildProcess | null = null;
  const startRedis = async (port: number) => {
    server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !(await tcpReachable(`redis://127.0.0.1:${port}`)); i++) await new Promise((r) => setTimeout(r, 100));
  };
  const stopRedis = async () => {
    const child = server;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  afterAll(stopRedis);

  it('falls back to memory during the outage and shares counters again afterwards', async () => {
    const port = await freePort();
    await startRedis(port);
    const url = `redis://127.0.0.1:${port}`;
    const logA = capturingLogger();
    const logB = capturingLogger();
    const a = newStore(url, 'p:', logA.log);
    const b = newStore(url, 'p:', logB.log);
    await Promise.all([a.ready(), b.ready()]);
    const now = Date.now();
    expect((await a.hit('k', MINUTE, now)).count).toBe(1);
    expect((await b.hit('k', MINUTE, now)).count).toBe(2);

    await stopRedis();
    // Each process counts on its own meanwhile, without an error.
    expect((await a.hit('k', MINUTE, now)).count).toBe(1);
    expect((await a.hit('k', MINUTE, now)).count).toBe(2);
    expect(logA.entries.filter((e) => e.msg.includes('Redis is unreachable'))).toHaveLength(1);

    await startRedis(port);
    const back = () => logA.entries.some((e) => e.msg.includes('reachable again'));
    for (let i = 0; i < 150 && !back(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(back()).toBe(true);
    // b saw the outage only if it reconnected late; wait until its hits reach Redis again.
    const direct = new Redis(url);
    try {
      for (let i = 0; i < 150 && (await direct.keys('p:probe:*')).length === 0; i++) {
        await b.hit('probe', MINUTE, now);
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      direct.disconnect();
    }
    // A fresh Redis (nothing was saved): shared counting again.
    expect((await a.hit('k2', MINUTE, now)).count).toBe(1);
    expect((await b.hit('k2', MINUTE, now)).count).toBe(2);
    expect(logA.entries.filter((e) => e.msg.includes('Redis is unreachable'))).toHaveLength(1);
  });
});
