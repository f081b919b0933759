import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../db/schema.ts';
import {
  errorMessage,
  isProcessed,
  markProcessed,
  retryDelayMs,
  type EventHandler,
  type ResolvedSubscribeOptions,
} from './event-bus.ts';
import type { EventStore } from './event-store.ts';
import type { RunOutcome } from './keyed-runner.ts';
import type { StreamEntry, StreamKeys } from './redis-streams.ts';

/** One stream entry a StreamConsumer has read and not yet finished. */
export interface HeldEntry {
  partition: number;
  streamId: string;
  /** Ordering key: the event's key (a malformed entry gets a key of its own). */
  key: string;
  entry: StreamEntry | null;
  /** The number of the next run: Redis' delivery count when read, +1 per retry. */
  attempt: number;
  /** The next run is a retry: bump the delivery count first, so it survives a crash. */
  bump: boolean;
  /** Its outcome (processed or dead letter) is in the database; only the XACK is left to do. */
  settled: boolean;
}

/** What handling an entry needs from its consumer. */
export interface EntryHandlingContext {
  commands: Redis;
  keys: StreamKeys;
  store: EventStore;
  db: Kysely<DB>;
  /** The consumer (group) name. */
  name: string;
  instanceId: string;
  topics: Set<string>;
  handler: EventHandler<unknown>;
  options: ResolvedSubscribeOptions;
  maxBackoffMs: number;
  logger: Logger | undefined;
  /** Acknowledges the entry (XACK) and stops holding it. */
  finish(item: HeldEntry): Promise<void>;
}

const STALLED_ERROR = 'stalled: delivered more times than maxAttempts without an outcome (readers stopped mid-event)';
const INFRASTRUCTURE_RETRY_MS = 1000;

/**
 * One run of an entry: skip what is not ours or already processed, dead-letter what used up its
 * attempts, else call the handler and record the outcome before acknowledging. Returns when to retry.
 */
export async function handleHeldEntry(context: EntryHandlingContext, item: HeldEntry): Promise<RunOutcome> {
  const { commands, keys, name, logger } = context;
  const stream = keys.stream(item.partition);
  try {
    const entry = item.entry;
    if (
      item.settled ||
      !entry ||
      (entry.onlyFor !== undefined && entry.onlyFor !== name) ||
      !context.topics.has(entry.event.topic)
    ) {
      if (!entry) logger?.warn({ consumer: name, stream, streamId: item.streamId }, 'skipping a malformed event entry');
      await context.finish(item);
      return undefined;
    }
    const { event } = entry;
    if (item.bump) {
      await commands.call('XCLAIM', stream, name, context.instanceId, 0, item.streamId);
      item.bump = false;
    }
    if (await isProcessed(context.db, name, event.id)) {
      await context.finish(item);
      return undefined;
    }
    if (item.attempt > context.options.maxAttempts) {
      await context.store.insertDeadLetter(name, event, STALLED_ERROR, item.attempt - 1);
      item.settled = true;
      await context.finish(item);
      return undefined;
    }
    let failure: string | undefined;
    try {
      await context.handler(event);
    } catch (error) {
      failure = errorMessage(error);
    }
    if (failure === undefined) {
      await markProcessed(context.db, name, event.id);
      item.settled = true;
      await context.finish(item);
      return undefined;
    }
    const details = { consumer: name, eventId: event.id, topic: event.topic, attempt: item.attempt, error: failure };
    if (item.attempt >= context.options.maxAttempts) {
      logger?.error(details, 'event dead-lettered');
      await context.store.insertDeadLetter(name, event, failure, item.attempt);
      item.settled = true;
      await context.finish(item);
      return undefined;
    }
    logger?.warn(details, 'event handler failed; will retry');
    const retryInMs = retryDelayMs(context.options.backoffMs, item.attempt, context.maxBackoffMs);
    item.attempt += 1;
    item.bump = true;
    return { retryInMs };
  } catch (error) {
    // Redis or the database failed around the handler: try again without using up an attempt.
    logger?.warn(
      { err: error, consumer: name, streamId: item.streamId },
      'recording an event outcome failed; retrying',
    );
    return { retryInMs: INFRASTRUCTURE_RETRY_MS };
  }
}
