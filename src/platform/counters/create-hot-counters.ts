import type { Platform } from '../platform.ts';
import type { HotCounters } from './hot-counters.ts';
import { MemoryHotCounters } from './memory-hot-counters.ts';
import { RedisHotCounters } from './redis-hot-counters.ts';

const byPlatform = new WeakMap<object, HotCounters>();

/**
 * The process's hot counters: Redis when configured, in-process otherwise. One instance per
 * Platform, because the routes that increment and the flusher that drains must share the in-process
 * buffer (the Platform has no slot of its own for it).
 */
export function hotCountersFor(platform: Pick<Platform, 'redis' | 'config'>): HotCounters {
  let counters = byPlatform.get(platform);
  if (!counters) {
    counters = platform.redis ? new RedisHotCounters(platform.redis, platform.config.redisKeyPrefix) : new MemoryHotCounters();
    byPlatform.set(platform, counters);
  }
  return counters;
}
