import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { TtlCache } from './ttl-cache.ts';

/**
 * Slow mode: in a room with slow mode on, an author may post once every `seconds`. `take` answers 0
 * and takes the author's turn, or the seconds until they may post. `lastPosted` reads the author's
 * last message time in the room from storage, for a gate that has no record of it yet.
 */
export interface SlowModeGate {
  take(room: string, authorId: string, seconds: number, lastPosted: () => Promise<number | null>): Promise<number>;
}

/** The longest slow mode a room can set (schemas.ts): how long a turn is remembered. */
const REMEMBER_MS = 3600_000;

/** In this process's memory: the embedded mode's one API process. */
export class MemorySlowModeGate implements SlowModeGate {
  private readonly lastPosted = new TtlCache<number | null>(REMEMBER_MS);

  async take(room: string, authorId: string, seconds: number, lastPosted: () => Promise<number | null>) {
    const key = `${room}:${authorId}`;
    const last = await this.lastPosted.get(key, lastPosted);
    const wait = last ? seconds - (Date.now() - last) / 1000 : 0;
    if (wait > 0) return wait;
    // Set before any other await, so a message admitted concurrently sees it.
    this.lastPosted.set(key, Date.now());
    return 0;
  }
}

/**
 * Read the last turn, refuse or take a new one, in one atomic step on the Redis server's clock, so
 * an author with sockets on several API processes still gets one turn per interval.
 * KEYS[1] turn; ARGV: interval ms, remember ms, last post ms from storage ('' when not read).
 * Returns 0 (taken), ms to wait, or -1: no record here, read storage and ask again with it.
 */
const TAKE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local last = tonumber(redis.call('GET', KEYS[1]))
if not last then
  if ARGV[3] == '' then return -1 end
  last = tonumber(ARGV[3])
end
local interval = tonumber(ARGV[1])
if last and now - last < interval then return interval - (now - last) end
redis.call('SET', KEYS[1], tostring(now), 'PX', ARGV[2])
return 0
`;
const TAKE_SCRIPT_SHA = createHash('sha1').update(TAKE_SCRIPT).digest('hex');

/** In Redis, shared by every API process (scale mode). */
export class RedisSlowModeGate implements SlowModeGate {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly logger: Logger,
  ) {}

  async take(room: string, authorId: string, seconds: number, lastPosted: () => Promise<number | null>) {
    const key = `${this.keyPrefix}live-chat:slow-mode:${room}:${authorId}`;
    try {
      let waitMs = await this.run(key, seconds * 1000, '');
      if (waitMs < 0) waitMs = await this.run(key, seconds * 1000, String((await lastPosted()) ?? 0));
      return waitMs / 1000;
    } catch (error) {
      // Like the rate limiter: a Redis outage must not stop everyone from chatting.
      this.logger.warn({ err: error }, 'slow mode unavailable; letting the message through');
      return 0;
    }
  }

  private async run(key: string, intervalMs: number, last: string): Promise<number> {
    const args = [1, key, intervalMs, REMEMBER_MS, last] as const;
    try {
      return Number(await this.redis.evalsha(TAKE_SCRIPT_SHA, ...args));
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return Number(await this.redis.eval(TAKE_SCRIPT, ...args));
    }
  }
}

/** Redis when the platform has it (several API processes share turns), this process's memory otherwise. */
export function createSlowModeGate(platform: {
  redis?: Redis;
  config: { redisKeyPrefix: string };
  logger: Logger;
}): SlowModeGate {
  return platform.redis
    ? new RedisSlowModeGate(platform.redis, platform.config.redisKeyPrefix, platform.logger)
    : new MemorySlowModeGate();
}
