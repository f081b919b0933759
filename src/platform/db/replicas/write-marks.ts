import type { Redis } from 'ioredis';

/**
 * Read-your-writes across API processes: after a user's write, the primary's WAL position at that
 * moment, kept for a bounded window. Reads of that user may use a replica only once it has replayed
 * past the mark; when the window ends the mark is gone (a replica that far behind is out of rotation).
 */
export interface WriteMarks {
  mark(userId: string, lsn: bigint): Promise<void>;
  get(userId: string): Promise<bigint | undefined>;
}

/** Shared by every API process through Redis: the next request may reach another process. */
export class RedisWriteMarks implements WriteMarks {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly windowMs: number,
  ) {}

  async mark(userId: string, lsn: bigint): Promise<void> {
    await this.redis.set(`${this.keyPrefix}ryw:${userId}`, lsn.toString(), 'PX', this.windowMs);
  }

  async get(userId: string): Promise<bigint | undefined> {
    const value = await this.redis.get(`${this.keyPrefix}ryw:${userId}`);
    return value ? BigInt(value) : undefined;
  }
}

/** One process (no Redis): a bounded map whose entries expire after the window. */
export class MemoryWriteMarks implements WriteMarks {
  private readonly marks = new Map<string, { lsn: bigint; until: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries = 100_000,
  ) {}

  async mark(userId: string, lsn: bigint): Promise<void> {
    this.marks.delete(userId);
    this.marks.set(userId, { lsn, until: Date.now() + this.windowMs });
    // Oldest first in insertion order: drop from the front when full.
    while (this.marks.size > this.maxEntries) this.marks.delete(this.marks.keys().next().value!);
  }

  async get(userId: string): Promise<bigint | undefined> {
    const entry = this.marks.get(userId);
    if (!entry) return undefined;
    if (entry.until > Date.now()) return entry.lsn;
    this.marks.delete(userId);
    return undefined;
  }
}

export function createWriteMarks(options: { redis?: Redis; keyPrefix: string; windowMs: number }): WriteMarks {
  return options.redis
    ? new RedisWriteMarks(options.redis, options.keyPrefix, options.windowMs)
    : new MemoryWriteMarks(options.windowMs);
}
