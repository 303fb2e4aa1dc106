// Rate limits shared through Redis by separate server processes (as `npm start` runs them, each
// with its own data folder), and a server whose Redis is unreachable keeps serving and limiting.
// CI runs Redis at 127.0.0.1:6379; each run uses its own key prefix and deletes only its keys.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, tcpReachable } from '../helpers/net.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The pinned Node 24 from node_modules runs the TypeScript entry point as it is.
const NODE = path.resolve('node_modules/.bin/node');
const LIMIT = 6;

interface ServerProcess {
  base: string;
  output: () => string;
  stop(): Promise<void>;
}

async function startServer(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-rl-'));
  // Run from the data folder with every location set, so no .env file of a developer applies.
  const child: ChildProcess = spawn(NODE, [path.resolve('src/main.ts')], {
    cwd: dataDir,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      PARLEY_DOMAIN: `127.0.0.1:${port}`,
      PARLEY_DATA_DIR: dataDir,
      DATABASE_URL: `sqlite:${path.join(dataDir, 'parley.sqlite')}`,
      PARLEY_ROLE: 'web',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      PARLEY_RATE_LIMITS: 'on',
      PARLEY_RATE_LIMIT_API_IP: `${LIMIT}/300`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  // Whether it is up: the well-known document is not rate-limited, so waiting costs no allowance.
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) break;
    const up = await fetch(`${base}/.well-known/host-meta`).then(
      (r) => r.status < 500,
      () => false,
    );
    if (up) return { base, output: () => output, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`server did not start:\n${output}`);
}

const get = (base: string, ip: string) => fetch(`${base}/api/v1/instance`, { headers: { 'x-forwarded-for': ip } });

describe.runIf((await tcpReachable(REDIS_URL)) || process.env.CI === 'true')('rate limits shared through Redis by two server processes', () => {
  const prefix = `parley-test:${randomBytes(6).toString('hex')}:`;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer({ REDIS_URL, PARLEY_RATE_LIMIT_REDIS_PREFIX: prefix }), startServer({ REDIS_URL, PARLEY_RATE_LIMIT_REDIS_PREFIX: prefix })]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });

  it('counts one client against one allowance, whichever process answers', async () => {
    const ip = '203.0.113.77';
    const remaining: string[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const res = await get(i % 2 ? b.base : a.base, ip);
      expect(res.status).toBe(200);
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['5', '4', '3', '2', '1', '0']);
    for (const server of [a, b]) {
      const res = await get(server.base, ip);
      expect(res.status).toBe(429);
      expect(await res.json()).toEqual({ error: 'Too many requests' });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Another client is untouched, on both.
    expect((await get(a.base, '203.0.113.78')).status).toBe(200);
    expect((await get(b.base, '203.0.113.78')).status).toBe(200);
    // The counters are in Redis under this run's prefix.
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${prefix}api_ip:203.0.113.77:*`)).length).toBe(1);
    } finally {
      redis.disconnect();
    }
    expect(a.output() + b.output()).not.toContain('Redis is unreachable');
  });
});

describe('a server whose Redis is unreachable', () => {
  let c: ServerProcess;
  beforeAll(async () => {
    // Nothing listens on this port.
    c = await startServer({ REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
  });
  afterAll(() => c?.stop());

  it('keeps serving, limits on its own, and says so once in its log', async () => {
    for (let i = 0; i < LIMIT; i++) {
      const res = await get(c.base, '203.0.113.90');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(String(LIMIT - 1 - i));
    }
    expect((await get(c.base, '203.0.113.90')).status).toBe(429);
    expect((await get(c.base, '203.0.113.91')).status).toBe(200);
    expect(c.output().match(/Redis is unreachable/g)).toHaveLength(1);
  });
});
