import type { Redis } from 'ioredis';
import type { CounterDeltas, HotCounters } from './hot-counters.ts';

/**
 * Read-and-delete in one script: Redis runs it atomically, so an HINCRBY arriving during a drain
 * either made it into the returned hash or lands in a fresh one for the next drain, never in between.
 */
const DRAIN_SCRIPT = `
local entries = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return entries`;

/** Scale-out mode: one hash per counter (`<prefix>counter:<name>`, field = id), shared by every process. */
export class RedisHotCounters implements HotCounters {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {}

  private key(name: string): string {
    return `${this.keyPrefix}counter:${name}`;
  }

  increment(name: string, id: string, delta: number): Promise<number> {
    return this.redis.hincrby(this.key(name), id, delta);
  }

  async pending(name: string, id: string): Promise<number> {
    return Number((await this.redis.hget(this.key(name), id)) ?? 0);
  }

  async pendingMany(name: string, ids: readonly string[]): Promise<CounterDeltas> {
    if (ids.length === 0) return new Map();
    const values = await this.redis.hmget(this.key(name), ...ids);
    return new Map(ids.map((id, index) => [id, Number(values[index] ?? 0)]));
  }

  async drain(name: string): Promise<CounterDeltas> {
    const flat = (await this.redis.eval(DRAIN_SCRIPT, 1, this.key(name))) as string[];
    const deltas: CounterDeltas = new Map();
    for (let index = 0; index + 1 < flat.length; index += 2) {
      const delta = Number(flat[index + 1]);
      if (delta !== 0) deltas.set(flat[index] as string, delta);
    }
    return deltas;
  }

  async restore(name: string, deltas: CounterDeltas): Promise<void> {
    if (deltas.size === 0) return;
    // MULTI: the deltas go back all together or not at all.
    const transaction = this.redis.multi();
    for (const [id, delta] of deltas) transaction.hincrby(this.key(name), id, delta);
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error);
    if (!results || failed) throw failed?.[0] ?? new Error('Redis discarded the counter restore');
  }
}
