import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { PubSub } from '../pubsub/pubsub.ts';

/** What a lookup found: in this process (l1), in Redis (l2), stale (served while refreshing), or nothing (miss). */
export type CacheOutcome = 'l1' | 'l2' | 'stale' | 'miss';

export interface TieredCacheOptions<T> {
  /** Names the cache in keys and metrics ("responses"). */
  name: string;
  /** Redis for the shared tier and for telling every process to drop an invalidated tag; absent: L1 only. */
  redis?: Redis;
  pubsub: PubSub;
  keyPrefix: string;
  l1MaxEntries: number;
  ttlMs: number;
  /** TTLs are stretched by up to this fraction at random, so entries filled together do not expire together. */
  jitter: number;
  /** After the TTL an entry is still served for this long while one refresh runs in the background. */
  staleMs: number;
  /** "Not found" (undefined, or a value isNegative says is one) is remembered this long. */
  negativeTtlMs: number;
  isNegative?: (value: T) => boolean;
  logger?: Logger;
  onOutcome?: (outcome: CacheOutcome) => void;
}

interface Entry<T> {
  /** Undefined: a remembered "not found". */
  value?: T;
  freshUntil: number;
  staleUntil: number;
}

const INVALIDATIONS = 'cache:invalidate';

/**
 * Two cache tiers for hot reads: an in-process LRU in front of Redis. Entries live under a tag (the
 * thing they describe: "video:<id>") and a variant (which rendering of it); invalidating a tag drops
 * every variant in Redis and, through pub/sub, in every process's LRU. One miss per key and process
 * loads (single-flight); the others wait for it.
 */
export class TieredCache<T> {
  private readonly l1: LRUCache<string, Entry<T>>;
  private readonly loading = new Map<string, Promise<Entry<T>>>();
  private unsubscribe: Promise<() => Promise<void>> | undefined;

  constructor(private readonly options: TieredCacheOptions<T>) {
    this.l1 = new LRUCache({ max: options.l1MaxEntries });
  }

  /** Starts listening for invalidations from other processes. */
  async start(): Promise<void> {
    this.unsubscribe ??= this.options.pubsub.subscribe(INVALIDATIONS, (message) => {
      const { cache, tag } = message as { cache: string; tag: string };
      if (cache === this.options.name) this.dropLocal(tag);
    });
    await this.unsubscribe;
  }

  async close(): Promise<void> {
    await (
      await this.unsubscribe
    )?.();
  }

  /** The cached value, or the loader's (undefined = not found, remembered briefly). */
  async get(tag: string, variant: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const key = `${tag}|${variant}`;
    const now = Date.now();
    const local = this.l1.get(key);
    if (local && local.freshUntil > now) return this.found('l1', local);
    const shared = local ? undefined : await this.readShared(tag, variant);
    if (shared && shared.freshUntil > now) {
      this.l1.set(key, shared);
      return this.found('l2', shared);
    }
    const stale = local ?? shared;
    if (stale && stale.staleUntil > now) {
      void this.fill(key, tag, variant, load).catch((error: unknown) =>
        this.options.logger?.warn({ err: error, cache: this.options.name, key }, 'background cache refresh failed'),
      );
      return this.found('stale', stale);
    }
    this.options.onOutcome?.('miss');
    return (await this.fill(key, tag, variant, load)).value;
  }

  /** Drops a tag everywhere: Redis, this process, and (through pub/sub) every other process. */
  async invalidate(tag: string): Promise<void> {
    this.dropLocal(tag);
    await this.options.redis?.del(this.sharedKey(tag));
    await this.options.pubsub.publish(INVALIDATIONS, { cache: this.options.name, tag });
  }

  private found(outcome: CacheOutcome, entry: Entry<T>): T | undefined {
    this.options.onOutcome?.(outcome);
    return entry.value;
  }

  private fill(key: string, tag: string, variant: string, load: () => Promise<T | undefined>): Promise<Entry<T>> {
    let pending = this.loading.get(key);
    if (!pending) {
      pending = this.loadEntry(tag, variant, load).finally(() => this.loading.delete(key));
      this.loading.set(key, pending);
    }
    return pending.then((entry) => {
      this.l1.set(key, entry);
      return entry;
    });
  }

  private async loadEntry(tag: string, variant: string, load: () => Promise<T | undefined>): Promise<Entry<T>> {
    const value = await load();
    const negative = value === undefined || (this.options.isNegative?.(value) ?? false);
    const base = negative ? this.options.negativeTtlMs : this.options.ttlMs;
    const ttl = Math.round(base * (1 + Math.random() * this.options.jitter));
    const now = Date.now();
    const entry: Entry<T> = { value, freshUntil: now + ttl, staleUntil: now + ttl + this.options.staleMs };
    await this.writeShared(tag, variant, entry).catch((error: unknown) =>
      this.options.logger?.warn({ err: error, cache: this.options.name }, 'writing the shared cache tier failed'),
    );
    return entry;
  }

  private sharedKey(tag: string): string {
    return `${this.options.keyPrefix}cache:${this.options.name}:${tag}`;
  }

  private async readShared(tag: string, variant: string): Promise<Entry<T> | undefined> {
    if (!this.options.redis) return undefined;
    try {
      const text = await this.options.redis.hget(this.sharedKey(tag), variant);
      return text ? (JSON.parse(text) as Entry<T>) : undefined;
    } catch (error) {
      // Redis down: the cache degrades to this process's tier and the database.
      this.options.logger?.debug({ err: error }, 'reading the shared cache tier failed');
      return undefined;
    }
  }

  private async writeShared(tag: string, variant: string, entry: Entry<T>): Promise<void> {
    const redis = this.options.redis;
    if (!redis) return;
    const key = this.sharedKey(tag);
    // One hash per tag, so an invalidation is one DEL; the hash lives as long as any variant may.
    const longest = Math.ceil(this.options.ttlMs * (1 + this.options.jitter)) + this.options.staleMs;
    await redis.multi().hset(key, variant, JSON.stringify(entry)).pexpire(key, longest).exec();
  }

  private dropLocal(tag: string): void {
    const prefix = `${tag}|`;
    for (const key of this.l1.keys()) if (key.startsWith(prefix)) this.l1.delete(key);
  }
}
