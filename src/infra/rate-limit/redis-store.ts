// Throttle counters in Redis, shared by every server process using the same Redis and prefix.
// One round trip per hit: a Lua script increments the window's counter and, on the first hit,
// sets it to expire when the window has ended (a second later, for clocks that differ a little).
//
// When Redis cannot be reached we stay up rather than fail: hits are counted in this process's
// memory until Redis answers again (each process then limits on its own, so a client spreading
// requests over N processes gets up to N times the limit meanwhile). One warning per outage,
// never an error response. Commands are not queued while disconnected and time out quickly, so
// a dead or slow Redis costs a request at most COMMAND_TIMEOUT_MS.
import { Redis } from 'ioredis';
import type { Logger } from '../logger.ts';
import { createMemoryRateLimitStore } from './memory-store.ts';
import { windowAt, type RateLimitHit, type RateLimitStore } from './store.ts';

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

const CONNECT_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 500;
const CLOCK_SLACK_MS = 1_000;

type RedisWithHit = Redis & { parleyRateLimitHit(key: string, ttlMs: number): Promise<number> };

export interface RedisRateLimitOptions {
  url: string;
  /** Prepended to every key, so instances (or test runs) sharing one Redis keep apart. */
  prefix: string;
  log: Logger;
}

export function createRedisRateLimitStore(opts: RedisRateLimitOptions): RateLimitStore {
  const redis = new Redis(opts.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // Reconnect forever, backing off to every 5 s.
    retryStrategy: (times) => Math.min(times * 200, 5_000),
  }) as RedisWithHit;
  redis.defineCommand('parleyRateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const fallback = createMemoryRateLimitStore();
  let degraded = false;
  let closed = false;

  // The URL may hold a password: it is never logged.
  const degrade = (reason: string) => {
    if (degraded || closed) return;
    degraded = true;
    opts.log.warn({ reason }, 'rate limits: Redis is unreachable, counting in this process until it is back');
  };
  // The error's code (ECONNREFUSED...) rather than its message, which names the host.
  redis.on('error', (err: Error & { code?: string }) => degrade(err.code ?? err.message));
  redis.on('ready', () => {
    if (!degraded) return;
    degraded = false;
    opts.log.info('rate limits: Redis is reachable again, counters are shared again');
  });

  return {
    async hit(key, windowMs, nowMs): Promise<RateLimitHit> {
      const { index, resetAtMs } = windowAt(nowMs, windowMs);
      if (redis.status === 'ready') {
        try {
          const count = await redis.parleyRateLimitHit(`${opts.prefix}${key}:${windowMs}:${index}`, resetAtMs - nowMs + CLOCK_SLACK_MS);
          return { count: Number(count), resetAtMs };
        } catch (err) {
          degrade((err as Error & { code?: string }).code ?? (err as Error).message);
        }
      } else {
        degrade(`connection ${redis.status}`);
      }
      return fallback.hit(key, windowMs, nowMs);
    },
    async ready() {
      if (redis.status !== 'wait') return;
      // A failed first attempt is reported by the error handler; ioredis keeps retrying.
      await redis.connect().catch(() => undefined);
    },
    async close() {
      closed = true;
      if (redis.status === 'wait') redis.disconnect();
      else await redis.quit().catch(() => redis.disconnect());
      await fallback.close();
    },
  };
}
