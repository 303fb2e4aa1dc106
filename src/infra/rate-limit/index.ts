// Builds the throttle store the configuration asks for: Redis when REDIS_URL is set and limits
// are on (several processes then share their counters), this process's memory otherwise.
import type { Config } from '../../config.ts';
import type { Logger } from '../logger.ts';
import { createMemoryRateLimitStore } from './memory-store.ts';
import { createRedisRateLimitStore } from './redis-store.ts';
import type { RateLimitStore } from './store.ts';

export type { RateLimitStore } from './store.ts';

export function createRateLimitStore(config: Config, log: Logger): RateLimitStore {
  if (config.rateLimits.enabled && config.redisUrl) {
    return createRedisRateLimitStore({ url: config.redisUrl, prefix: config.rateLimits.redisPrefix, log });
  }
  return createMemoryRateLimitStore();
}
