import type { Logger } from 'pino';
import { MemoryPubSub } from './memory-pubsub.ts';
import type { PubSub } from './pubsub.ts';
import { RedisPubSub } from './redis-pubsub.ts';

/** Redis when configured (workers may run in other processes), otherwise in-process. */
export function createPubSub(options: { redisUrl?: string; redisKeyPrefix: string; logger: Logger }): PubSub {
  if (options.redisUrl) return new RedisPubSub(options.redisUrl, `${options.redisKeyPrefix}pubsub:`, options.logger);
  return new MemoryPubSub();
}
