import type { Platform } from '../platform.ts';
import type { HotCounters } from './hot-counters.ts';
import { MemoryHotCounters } from './memory-hot-counters.ts';
import { RedisHotCounters } from './redis-hot-counters.ts';

/**
 * The process's hot counters: Redis when configured, in-process otherwise. The composition root
 * (modules/services.ts) builds exactly one, because the routes that increment and the flusher that
 * drains must share the in-process buffer.
 */
export function createHotCounters(platform: Pick<Platform, 'redis' | 'config'>): HotCounters {
  return platform.redis
    ? new RedisHotCounters(platform.redis, platform.config.redisKeyPrefix)
    : new MemoryHotCounters();
}
