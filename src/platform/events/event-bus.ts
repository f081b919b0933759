/**
 * The event port: features announce their writes as domain events and react to each other's events,
 * never to each other's tables. A write that must notify others calls `publishEvent` with its own
 * transaction, so the event exists exactly when the write committed (transactional outbox). Two
 * adapters deliver the outbox: an embedded dispatcher polling the database and, for scale-out, a
 * relay to Redis Streams read by consumer groups. See docs/EVENTS.md.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../db/transaction.ts';
import { inTransaction } from '../db/transaction.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface DomainEvent<P = unknown> {
  /** The outbox id (a decimal string): increasing in publish order, the idempotency key. */
  id: string;
  /** `<aggregate>.<past-tense verb>`, e.g. `video.ready`, `like.created`. */
  topic: string;
  /** Events of one key reach each consumer in order; usually the aggregate's id. */
  key: string;
  payload: P;
  createdAt: Date;
}

export interface SubscribeOptions {
  /** Runs of the handler per event, the first included, before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Events this process hands to the handler at once; never two of one key (default 1). */
  concurrency?: number;
  /** Base of the exponential retry backoff: retry n waits backoffMs·2^(n-1) (bus default, 1 s). */
  backoffMs?: number;
}

/** Resolving marks the event processed for this consumer; throwing fails this attempt. */
export type EventHandler<P> = (event: DomainEvent<P>) => Promise<void>;

export interface DeadLetter {
  id: string;
  consumer: string;
  eventId: string;
  topic: string;
  key: string;
  payload: unknown;
  eventCreatedAt: Date;
  /** The last attempt's error message. */
  error: string;
  attempts: number;
  failedAt: Date;
  /** Set once replayed; a replayed dead letter is kept as history. */
  replayedAt: Date | null;
}

export interface ListDeadLettersOptions {
  consumer?: string;
  limit: number;
  offset?: number;
  /** Also list dead letters that were already replayed (default false). */
  includeReplayed?: boolean;
}

export interface EventBus {
  /**
   * Registers `consumer` (a stable name: it keys the idempotency marks, the subscription and, on
   * Redis, the consumer group) for `topics`. Call before or after start(); once per consumer.
   */
  subscribe<P>(consumer: string, topics: string[], handler: EventHandler<P>, options?: SubscribeOptions): void;
  /** Begins relaying the outbox and dispatching to this process's consumers (workers call this). */
  start(): void;
  /** Events consumers gave up on, most recently failed first. */
  listDeadLetters(options: ListDeadLettersOptions): Promise<DeadLetter[]>;
  /** Delivers a dead-lettered event again to its consumer; false if unknown or already replayed. */
  replayDeadLetter(id: string): Promise<boolean>;
  /**
   * Housekeeping: deletes relayed outbox rows and processed marks older than `olderThanMs` (rows a
   * consumer still has to handle stay). Keep the window far above any redelivery delay (days).
   */
  prune(olderThanMs: number): Promise<{ outbox: number; processed: number }>;
  /** Stops relaying and dispatching, waits for running handlers (up to a grace period), frees resources. */
  close(): Promise<void>;
}

const TOPIC = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const CONSUMER = /^[a-z0-9][a-z0-9_.-]{0,99}$/;
const MAX_KEY_LENGTH = 200;
const DECIMAL_ID = /^[1-9]\d{0,18}$/;

export function assertTopic(topic: string): void {
  if (!TOPIC.test(topic))
    throw new Error(`invalid event topic ${JSON.stringify(topic)}: use <aggregate>.<past-tense verb>, lower case`);
}

export function assertConsumerName(consumer: string): void {
  if (!CONSUMER.test(consumer)) {
    throw new Error(
      `invalid consumer name ${JSON.stringify(consumer)}: lower-case letters, digits, . _ - (at most 100)`,
    );
  }
}

function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new Error(`invalid event key: a non-empty string of at most ${MAX_KEY_LENGTH} characters`);
  }
}

/** True for strings that can be an outbox or dead-letter id (so junk from the outside never reaches SQL as bigint). */
export function isEventId(id: string): boolean {
  return DECIMAL_ID.test(id) && BigInt(id) <= 9_223_372_036_854_775_807n;
}

export interface ResolvedSubscribeOptions {
  maxAttempts: number;
  concurrency: number;
  backoffMs: number;
}

export function resolveSubscribeOptions(
  consumer: string,
  topics: string[],
  options: SubscribeOptions | undefined,
  defaultBackoffMs: number,
): ResolvedSubscribeOptions {
  assertConsumerName(consumer);
  if (topics.length === 0) throw new Error(`consumer ${consumer} subscribes to no topic`);
  topics.forEach(assertTopic);
  const resolved = {
    maxAttempts: options?.maxAttempts ?? 5,
    concurrency: options?.concurrency ?? 1,
    backoffMs: options?.backoffMs ?? defaultBackoffMs,
  };
  if (!Number.isInteger(resolved.maxAttempts) || resolved.maxAttempts < 1)
    throw new Error('maxAttempts must be an integer ≥ 1');
  if (!Number.isInteger(resolved.concurrency) || resolved.concurrency < 1)
    throw new Error('concurrency must be an integer ≥ 1');
  if (!Number.isInteger(resolved.backoffMs) || resolved.backoffMs < 0)
    throw new Error('backoffMs must be an integer ≥ 0');
  return resolved;
}

/** Retry n (n = the attempt that failed) waits backoffMs·2^(n-1), at most maxMs, plus up to 10 % jitter. */
export function retryDelayMs(backoffMs: number, failedAttempt: number, maxMs = 60_000): number {
  const base = Math.min(backoffMs * 2 ** (failedAttempt - 1), maxMs);
  return Math.round(base * (1 + Math.random() * 0.1));
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 2000 ? `${message.slice(0, 2000)}…` : message;
}

type OutboxListener = () => void;
const outboxListeners = new Set<OutboxListener>();

/**
 * In-process hint that an outbox row was written (its transaction may not have committed yet), so a
 * dispatcher in this process polls at once instead of at its next idle poll. Purely a latency aid.
 */
export function onOutboxWrite(listener: OutboxListener): () => void {
  outboxListeners.add(listener);
  return () => {
    outboxListeners.delete(listener);
  };
}

/**
 * Writes the event to the outbox with the caller's executor: pass the transaction of the write the
 * event announces, so both commit or neither does. Outside a transaction it is a write of its own.
 */
export async function publishEvent(
  db: Executor,
  event: { topic: string; key: string; payload: unknown },
): Promise<void> {
  assertTopic(event.topic);
  assertKey(event.key);
  await db
    .insertInto('outbox_events')
    .values({ topic: event.topic, partition_key: event.key, payload: JSON.stringify(event.payload ?? null) })
    .execute();
  announceOutboxWrite();
}

/**
 * The outbox write as one step of a caller's data-modifying statement (`with … , event as (<this>) …`):
 * one event per row of `source` (an SQL FROM list), so a write and its event are one atomic statement
 * and one round trip. Call `announceOutboxWrite` after it wrote a row. The key may be an SQL expression
 * (a statement compiled once takes it as a parameter); the caller then answers for it being a valid key.
 */
export function outboxInsertFrom(
  event: { topic: string; key: string | RawBuilder<string>; payload: RawBuilder<unknown> },
  source: RawBuilder<unknown>,
): RawBuilder<unknown> {
  assertTopic(event.topic);
  if (typeof event.key === 'string') assertKey(event.key);
  return sql`insert into outbox_events (topic, partition_key, payload)
    select ${event.topic}, ${event.key}, ${event.payload} from ${source}`;
}

/** Tells this process's dispatchers that an outbox row was written (see onOutboxWrite). */
export function announceOutboxWrite(): void {
  for (const listener of outboxListeners) listener();
}

/**
 * Records that `consumer` processed `eventId`; false if it already had. The bus calls it after a
 * handler succeeds; handlers use it (through processOnce) to make their own write and the mark atomic.
 */
export async function markProcessed(db: Executor, consumer: string, eventId: string): Promise<boolean> {
  const result = await db
    .insertInto('processed_events')
    .values({ consumer, event_id: eventId })
    .onConflict((conflict) => conflict.columns(['consumer', 'event_id']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

export async function isProcessed(db: Executor, consumer: string, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('processed_events')
    .select(sql<number>`1`.as('one'))
    .where('consumer', '=', consumer)
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Exactly-once effect for handlers whose effect lives in the application database: runs `work` and
 * the processed mark in ONE transaction, and skips `work` when the mark already exists (a redelivery).
 * A concurrent duplicate blocks on the mark's primary key and then skips. Returns whether work ran.
 *
 * ```ts
 * bus.subscribe('like-counters', ['like.created'], (event) =>
 *   processOnce(db, 'like-counters', event, (trx) => incrementLikes(trx, event.payload.videoId)).then(() => undefined));
 * ```
 */
export function processOnce(
  db: Executor,
  consumer: string,
  event: Pick<DomainEvent, 'id'>,
  work: (trx: Transaction<DB>) => Promise<void>,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    if (!(await markProcessed(trx, consumer, event.id))) return false;
    await work(trx);
    return true;
  });
}
