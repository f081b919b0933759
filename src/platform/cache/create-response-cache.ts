import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Counter, type Registry } from 'prom-client';
import type { Config } from '../../config.ts';
import type { PubSub } from '../pubsub/pubsub.ts';
import type { CachedResponse } from './response-cache.ts';
import { TieredCache } from './tiered-cache.ts';

/** The response cache of this process, its outcomes counted for /metrics (hit ratio = (l1 + l2 + stale) / all). */
export function createResponseCache(deps: {
  config: Config;
  redis?: Redis;
  pubsub: PubSub;
  logger: Logger;
  metrics: Registry;
}): TieredCache<CachedResponse> {
  const lookups = new Counter({
    name: 'streamhub_cache_lookups_total',
    help: 'Cache lookups by cache and outcome: l1 (this process), l2 (Redis), stale (served while refreshing), miss',
    labelNames: ['cache', 'outcome'] as const,
    registers: [deps.metrics],
  });
  return new TieredCache<CachedResponse>({
    name: 'responses',
    redis: deps.redis,
    pubsub: deps.pubsub,
    keyPrefix: deps.config.redisKeyPrefix,
    l1MaxEntries: deps.config.cache.l1Entries,
    ttlMs: deps.config.cache.ttlMs,
    jitter: 0.2,
    staleMs: deps.config.cache.staleMs,
    negativeTtlMs: deps.config.cache.negativeTtlMs,
    isNegative: (value) => value.notFound !== undefined,
    logger: deps.logger,
    onOutcome: (outcome) => lookups.inc({ cache: 'responses', outcome }),
  });
}
