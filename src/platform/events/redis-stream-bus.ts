import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { resolveSubscribeOptions, type EventBus, type EventHandler, type SubscribeOptions } from './event-bus.ts';
import type { RelayRow } from './event-store.ts';
import { OutboxBus } from './outbox-bus.ts';
import { Poller } from './poller.ts';
import { StreamConsumer, type StreamConsumerSettings } from './redis-stream-consumer.ts';
import { entryFields, StreamKeys } from './redis-streams.ts';
import { waitAtMost } from './wait.ts';

export interface RedisStreamBusOptions {
  /** Holds the outbox, the processed marks and the dead letters. Owned by the caller. */
  database: Database;
  redisUrl: string;
  /** Prefix of every Redis key (the app passes config.redisKeyPrefix, e.g. `streamhub:`). */
  keyPrefix: string;
  logger?: Logger;
  /** Streams the events are spread over by hash(key); at most this many instances of a consumer share the work (default 8). */
  partitions?: number;
  /** Relay delay between polls while events keep coming (default 50 ms). */
  pollIntervalMs?: number;
  /** An idle outbox backs off to polling this often (default 1000 ms). */
  maxPollIntervalMs?: number;
  /** Outbox rows relayed per transaction (default 500). */
  relayBatchSize?: number;
  /** How long one XREADGROUP blocks (default 2000 ms). */
  blockMs?: number;
  /** Entries one instance of a consumer holds unfinished at most (default 200). */
  maxBufferedEvents?: number;
  /** A pending entry idle this long is taken from its (dead) reader with XAUTOCLAIM (default 15 s). */
  claimIdleMs?: number;
  /** How long a partition stays an instance's without renewal (default 10 s). */
  partitionLeaseMs?: number;
  /** Default base of the retry backoff (default 1000 ms); subscribe() may override it. */
  backoffMs?: number;
  /** The backoff never exceeds this (default 60 s). */
  maxBackoffMs?: number;
  /** How long close() waits for running handlers (default 10 s). */
  shutdownGraceMs?: number;
  /** Stream entries older than this are trimmed (default 7 days). */
  streamRetentionMs?: number;
}

/**
 * The scale-out event bus. A relay (one at a time across processes) reads the outbox in id order,
 * XADDs each event to `${prefix}events:p<hash(key) mod partitions>` and marks it relayed. Every
 * consumer is a Redis consumer group over all partitions; see StreamConsumer for how its instances
 * share the partitions, keep each key in order, retry, reclaim and dead-letter.
 */
export class RedisStreamBus extends OutboxBus<StreamConsumer> implements EventBus {
  private readonly keys: StreamKeys;
  private readonly commands: Redis;
  private readonly logger: Logger | undefined;
  protected readonly relay: Poller;
  private readonly relayBatchSize: number;
  private readonly backoffMs: number;
  private readonly streamRetentionMs: number;
  private readonly consumerSettings: StreamConsumerSettings;

  constructor(private readonly options: RedisStreamBusOptions) {
    super(options.database.db);
    const partitions = options.partitions ?? 8;
    if (!Number.isInteger(partitions) || partitions < 1) throw new Error('partitions must be an integer ≥ 1');
    this.keys = new StreamKeys(options.keyPrefix, partitions);
    this.logger = options.logger;
    this.relayBatchSize = options.relayBatchSize ?? 500;
    this.backoffMs = options.backoffMs ?? 1000;
    this.streamRetentionMs = options.streamRetentionMs ?? 7 * 24 * 3600_000;
    const partitionLeaseMs = options.partitionLeaseMs ?? 10_000;
    this.consumerSettings = {
      redisUrl: options.redisUrl,
      blockMs: options.blockMs ?? 2000,
      maxBufferedEvents: options.maxBufferedEvents ?? 200,
      claimIdleMs: options.claimIdleMs ?? 15_000,
      partitionLeaseMs,
      maintainIntervalMs: Math.max(Math.floor(partitionLeaseMs / 3), 10),
      maxBackoffMs: options.maxBackoffMs ?? 60_000,
      shutdownGraceMs: options.shutdownGraceMs ?? 10_000,
    };
    this.commands = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    this.commands.on('error', (err: Error) =>
      this.logger?.warn({ err: err.message }, 'event bus redis connection problem'),
    );
    this.relay = new Poller(() => this.relayOnce(), {
      minIntervalMs: options.pollIntervalMs ?? 50,
      maxIntervalMs: options.maxPollIntervalMs ?? 1000,
      onError: (error) => this.logger?.warn({ err: error }, 'relaying the event outbox to redis failed; backing off'),
    });
  }

  subscribe<P>(consumer: string, topics: string[], handler: EventHandler<P>, options?: SubscribeOptions): void {
    this.assertOpen();
    const resolved = resolveSubscribeOptions(consumer, topics, options, this.backoffMs);
    if (this.consumers.has(consumer)) throw new Error(`consumer ${consumer} is already subscribed`);
    const streamConsumer = new StreamConsumer(
      this.commands,
      this.keys,
      this.store,
      this.options.database.db,
      consumer,
      topics,
      handler as EventHandler<unknown>,
      resolved,
      this.consumerSettings,
      this.logger,
    );
    this.consumers.set(consumer, streamConsumer);
    if (this.started) streamConsumer.start();
  }

  /** Re-adds the event to its partition stream marked for the one consumer; the others skip it. */
  replayDeadLetter(id: string): Promise<boolean> {
    return this.store.replayDeadLetter(id, async (_trx, letter) => {
      const row: RelayRow = {
        id: letter.eventId,
        topic: letter.topic,
        key: letter.key,
        payloadJson: JSON.stringify(letter.payload ?? null),
        createdAt: letter.eventCreatedAt,
      };
      await this.commands.call(
        'XADD',
        this.keys.stream(this.keys.partitionOf(row.key)),
        ...this.trim(),
        '*',
        ...entryFields(row, letter.consumer),
      );
    });
  }

  async close(): Promise<void> {
    if (!(await this.stopDispatching())) return;
    if (!(await waitAtMost(this.commands.quit(), 1000))) this.commands.disconnect();
  }

  /** Approximate trimming by age; a consumer lagging longer than the retention loses events. */
  private trim(): string[] {
    return ['MINID', '~', String(Math.max(Date.now() - this.streamRetentionMs, 0))];
  }

  /**
   * Consumer groups are created at the stream's end, so this process's groups must exist before it
   * relays anything: an event published right after start() must not be relayed past them.
   */
  private async relayOnce() {
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.ensureGroups()));
    const relayed = await this.store.relayOutbox(this.relayBatchSize, async (rows) => {
      const pipeline = this.commands.pipeline();
      for (const row of rows) {
        pipeline.call(
          'XADD',
          this.keys.stream(this.keys.partitionOf(row.key)),
          ...this.trim(),
          '*',
          ...entryFields(row),
        );
      }
      const results = await pipeline.exec();
      const failure = results?.find(([error]) => error);
      if (!results || failure) throw failure?.[0] ?? new Error('the redis pipeline was discarded');
    });
    if (relayed === this.relayBatchSize) return 'now' as const;
    return relayed > 0 ? ('soon' as const) : ('idle' as const);
  }
}
