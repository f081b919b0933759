import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { EventBus } from './event-bus.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import { RedisStreamBus } from './redis-stream-bus.ts';

export interface CreateEventBusOptions {
  /** Holds the outbox in both modes. Owned by the caller: close() leaves it open. */
  database: Database;
  /** Set in scale-out deployments: the outbox is then relayed to Redis Streams. */
  redisUrl?: string;
  /** Prefix of the Redis keys (config.redisKeyPrefix). */
  redisKeyPrefix: string;
  logger?: Logger;
}

/** Redis Streams when Redis is configured, otherwise the dispatcher inside the application database. */
export function createEventBus(options: CreateEventBusOptions): EventBus {
  if (options.redisUrl) {
    return new RedisStreamBus({
      database: options.database,
      redisUrl: options.redisUrl,
      keyPrefix: options.redisKeyPrefix,
      logger: options.logger,
    });
  }
  return new OutboxDispatcher({ database: options.database, logger: options.logger });
}
