import type { Redis } from 'ioredis';
import type { PlayerEventType } from './tables.ts';

/** One validated, enriched player event on its way to the raw table (times as epoch milliseconds). */
export interface BufferedEvent {
  occurredAt: number;
  receivedAt: number;
  videoId: string;
  channelId: string;
  sessionId: string;
  viewerId: string | null;
  type: PlayerEventType;
  position: number | null;
  secondsPlayed: number | null;
  fromSeconds: number | null;
  durationMs: number | null;
  rendition: string | null;
  referrer: string;
  device: string;
  browser: string;
  country: string;
}

/**
 * The hand-off between the API (which validates and enriches) and the worker side (which inserts in
 * batches). Embedded: an array in the one process. Scale-out: a Redis list every API replica pushes to
 * and the workers pop from. An event taken but not inserted (the worker dies mid-insert) is lost, as a
 * buffered view is: at most one batch.
 */
export interface AnalyticsEventBuffer {
  push(events: readonly BufferedEvent[]): Promise<void>;
  /** Removes and returns up to `max` events, oldest first. */
  take(max: number): Promise<BufferedEvent[]>;
  /** Events waiting (the queue lag in events). */
  size(): Promise<number>;
  /** The age in ms of the oldest waiting event, 0 when empty (the queue lag in time). */
  oldestAgeMs(now?: number): Promise<number>;
}

export class MemoryEventBuffer implements AnalyticsEventBuffer {
  private events: BufferedEvent[] = [];
  /** Bounded so a stalled flusher cannot eat the process's memory; the newest events are kept. */
  constructor(private readonly maxEvents = 200_000) {}

  async push(events: readonly BufferedEvent[]): Promise<void> {
    this.events.push(...events);
    if (this.events.length > this.maxEvents) this.events.splice(0, this.events.length - this.maxEvents);
  }

  async take(max: number): Promise<BufferedEvent[]> {
    return this.events.splice(0, max);
  }

  async size(): Promise<number> {
    return this.events.length;
  }

  async oldestAgeMs(now = Date.now()): Promise<number> {
    return this.events.length ? now - this.events[0]!.receivedAt : 0;
  }
}

export class RedisEventBuffer implements AnalyticsEventBuffer {
  private readonly key: string;
  constructor(
    private readonly redis: Redis,
    keyPrefix: string,
    private readonly maxEvents = 2_000_000,
  ) {
    this.key = `${keyPrefix}analytics:events`;
  }

  async push(events: readonly BufferedEvent[]): Promise<void> {
    if (events.length === 0) return;
    // RPUSH + LTRIM in one round trip: the list never grows past maxEvents (the oldest go first).
    await this.redis
      .multi()
      .rpush(this.key, ...events.map((event) => JSON.stringify(event)))
      .ltrim(this.key, -this.maxEvents, -1)
      .exec();
  }

  async take(max: number): Promise<BufferedEvent[]> {
    // LPOP with a count is atomic: two workers never take the same event.
    const items = await this.redis.lpop(this.key, max);
    return (items ?? []).map((item) => JSON.parse(item) as BufferedEvent);
  }

  async size(): Promise<number> {
    return this.redis.llen(this.key);
  }

  async oldestAgeMs(now = Date.now()): Promise<number> {
    const first = await this.redis.lindex(this.key, 0);
    return first ? now - (JSON.parse(first) as BufferedEvent).receivedAt : 0;
  }
}
