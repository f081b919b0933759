import type { Redis } from 'ioredis';

/**
 * Adds a client's requests to its fixed window in Redis and answers with the window's count and the
 * milliseconds it has left. The first increment of a window starts its expiry; a key that somehow lost
 * its expiry gets one back, so a window can never last forever.
 */
const ADD_SCRIPT = `
local current = redis.call('INCRBY', KEYS[1], ARGV[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == tonumber(ARGV[1]) or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  ttl = tonumber(ARGV[2])
end
return {current, ttl}`;

/** What the rate limiter needs to decide: requests counted in the window, and when it ends. */
export interface WindowCount {
  current: number;
  ttl: number;
}

interface Window {
  /** The window's count in Redis when this process last heard it (every process's requests). */
  known: number;
  /** This process's requests admitted since then and not yet added in Redis. */
  pending: number;
  /** Local clock time at which the window ends. */
  endsAt: number;
  /** The window's length, for a sync that finds the Redis key gone and starts it again. */
  windowMs: number;
}

/** The script above, as ioredis exposes a defined command on a client and on a pipeline. */
interface WindowAddCommand {
  streamhubRateWindowAdd(key: string, count: number, windowMs: number): Promise<[number, number]>;
}

/** How often the requests counted locally are added in Redis. */
export const SYNC_INTERVAL_MS = 100;
/** Limits below this are small enough to matter request by request (sign-in, registration): always exact. */
export const BATCHED_LIMIT_MIN = 100;

/**
 * Fixed request windows shared by every API process through Redis, without a Redis round trip per request.
 *
 * A window's first request in this process, and every request once the count passes half the limit,
 * goes to Redis at once (exact). Below half the limit, a request is counted locally and answered from
 * the last known count plus the local ones; the local counts go to Redis every SYNC_INTERVAL_MS in one
 * pipeline. The limit is still enforced across processes: the only slack is the requests several
 * processes admit below half the limit in the same 100 ms, before they hear of each other's. Limits
 * under BATCHED_LIMIT_MIN are always exact. This matters because the rate limiter runs on every request:
 * an extra Redis round trip cost a like toggle about a fifth of its CPU.
 */
export class RedisRequestWindows {
  private readonly windows = new Map<string, Window>();
  private readonly unsynced = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastSweep = 0;
  private closed = false;

  constructor(
    private readonly redis: Redis,
    private readonly onSyncError: (error: unknown) => void,
  ) {
    redis.defineCommand('streamhubRateWindowAdd', { numberOfKeys: 1, lua: ADD_SCRIPT });
  }

  /** Counts one request of `key` in a window of `windowMs` and answers with the count so far. */
  async add(key: string, windowMs: number, max: number): Promise<WindowCount> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (window && window.endsAt <= now) {
      // The window ended; requests counted in it locally belong to it, not to the next one.
      this.windows.delete(key);
      this.unsynced.delete(key);
      window = undefined;
    }
    if (window && max >= BATCHED_LIMIT_MIN && window.known + window.pending + 1 <= max / 2) {
      window.pending += 1;
      this.unsynced.add(key);
      this.scheduleSync();
      return { current: window.known + window.pending, ttl: window.endsAt - now };
    }
    const count = 1 + (window?.pending ?? 0);
    if (window) window.pending = 0;
    try {
      return this.remember(key, await this.commands.streamhubRateWindowAdd(key, count, windowMs), now, windowMs);
    } catch (error) {
      if (window) window.pending += count;
      throw error;
    }
  }

  /** The window's count without adding to it (the limiter's `increment: false`). */
  async read(key: string): Promise<WindowCount> {
    const now = Date.now();
    const window = this.windows.get(key);
    if (window && window.endsAt > now) return { current: window.known + window.pending, ttl: window.endsAt - now };
    const [current, ttl] = await Promise.all([this.redis.get(key), this.redis.pttl(key)]);
    return { current: Number(current ?? 0), ttl: Math.max(0, ttl) };
  }

  /** Sends what is counted locally and stops the timer (the app is closing). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.sync().catch(this.onSyncError);
  }

  private get commands(): WindowAddCommand {
    return this.redis as unknown as WindowAddCommand;
  }

  private remember(key: string, [current, ttl]: [number, number], sentAt: number, windowMs: number): WindowCount {
    const window = this.windows.get(key);
    if (window) {
      window.known = current;
      window.endsAt = sentAt + ttl;
    } else {
      this.windows.set(key, { known: current, pending: 0, endsAt: sentAt + ttl, windowMs });
    }
    return { current, ttl };
  }

  private scheduleSync(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sync().catch(this.onSyncError);
    }, SYNC_INTERVAL_MS);
    this.timer.unref();
  }

  /** Adds every window's local requests in Redis in one pipeline and refreshes the known counts. */
  private async sync(): Promise<void> {
    const now = Date.now();
    const batch: Array<{ key: string; count: number; windowMs: number }> = [];
    for (const key of this.unsynced) {
      const window = this.windows.get(key);
      if (!window || window.pending === 0) continue;
      batch.push({ key, count: window.pending, windowMs: window.windowMs });
      window.pending = 0;
    }
    this.unsynced.clear();
    this.sweep(now);
    if (batch.length === 0) return;
    const pipeline = this.redis.pipeline();
    const commands = pipeline as unknown as WindowAddCommand;
    for (const { key, count, windowMs } of batch) void commands.streamhubRateWindowAdd(key, count, windowMs);
    const results = (await pipeline.exec().catch(() => null)) ?? [];
    let failure: unknown;
    batch.forEach(({ key, count, windowMs }, index) => {
      const [error, reply] = results[index] ?? [new Error('Redis did not answer the rate-limit sync')];
      if (!error) {
        this.remember(key, reply as [number, number], now, windowMs);
        return;
      }
      // Kept for the next sync: a request admitted here must still count once Redis is back.
      failure ??= error;
      const window = this.windows.get(key);
      if (window) {
        window.pending += count;
        this.unsynced.add(key);
      }
    });
    if (failure) {
      this.scheduleSync();
      throw failure;
    }
  }

  /** Forgets ended windows, at most once a second (a full pass over the map). */
  private sweep(now: number): void {
    if (now - this.lastSweep < 1000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (window.endsAt <= now && window.pending === 0) this.windows.delete(key);
    }
  }
}
