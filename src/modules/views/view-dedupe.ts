import type { Redis } from 'ioredis';
import type { Platform } from '../../platform/platform.ts';

/** Says whether a viewer's view of a video is the first within the window (and so counts). */
export interface ViewDedupe {
  firstInWindow(key: string): Promise<boolean>;
}

/** Scale-out: `SET NX PX` is one atomic step, shared by every API replica. */
export class RedisViewDedupe implements ViewDedupe {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly windowMs: number,
  ) {}

  async firstInWindow(key: string): Promise<boolean> {
    return (await this.redis.set(`${this.keyPrefix}view-seen:${key}`, '1', 'PX', this.windowMs, 'NX')) === 'OK';
  }
}

/**
 * Embedded: a Map of key -> expiry. The window is the same for every key, so insertion order is
 * expiry order: expired entries are swept from the front, and when the map is full the oldest entry
 * goes (that viewer may then count again early; bounded memory wins over exactness).
 */
export class MemoryViewDedupe implements ViewDedupe {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  async firstInWindow(key: string): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expiry = this.expiries.get(key);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(key);
    this.expiries.set(key, now + this.windowMs);
    if (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    return true;
  }

  private sweep(now: number): void {
    for (const [key, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(key);
    }
  }
}

export function createViewDedupe(platform: Pick<Platform, 'redis' | 'config'>): ViewDedupe {
  const { redisKeyPrefix, views } = platform.config;
  return platform.redis
    ? new RedisViewDedupe(platform.redis, redisKeyPrefix, views.dedupeWindowMs)
    : new MemoryViewDedupe(views.dedupeWindowMs, views.dedupeMemoryEntries);
}
