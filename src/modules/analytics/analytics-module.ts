import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Database } from '../../platform/db/database.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { createRateLimiter } from '../../platform/rate-limit/create-rate-limiter.ts';
import type { VideoRow } from '../videos/repo.ts';
import { MemoryEventBuffer, RedisEventBuffer, type AnalyticsEventBuffer } from './event-buffer.ts';
import { IngestFlusher } from './ingest-flusher.ts';
import { AnalyticsIngestService } from './ingest-service.ts';
import { AnalyticsQueryService } from './query-service.ts';
import { MemoryRealtimeStore, RedisRealtimeStore, type RealtimeStore } from './realtime-store.ts';

/** The analytics parts of one process: one buffer and one realtime store, shared by routes and workers. */
export interface Analytics {
  buffer: AnalyticsEventBuffer;
  realtime: RealtimeStore;
  flusher: IngestFlusher;
  ingest: AnalyticsIngestService;
  queries: AnalyticsQueryService;
}

export interface AnalyticsDeps {
  config: Config;
  database: Database;
  redis?: Redis;
  logger: Logger;
  jwtSecret: string;
  findWatchableVideo: (actor: AuthenticatedUser | undefined, videoId: string) => Promise<VideoRow>;
}

/** Builds the module's services from explicit dependencies (the composition root's entry point). */
export function createAnalytics(deps: AnalyticsDeps): Analytics {
  const { config, redis } = deps;
  const buffer = redis ? new RedisEventBuffer(redis, config.redisKeyPrefix) : new MemoryEventBuffer();
  const realtime = redis ? new RedisRealtimeStore(redis, config.redisKeyPrefix) : new MemoryRealtimeStore();
  const rateLimiter = createRateLimiter(
    { redis, config, logger: deps.logger },
    {
      name: 'analytics-batches',
      capacity: config.analytics.batchesPerMinute,
      refillPerMinute: config.analytics.batchesPerMinute,
    },
  );
  return {
    buffer,
    realtime,
    flusher: new IngestFlusher({ buffer, db: deps.database.db, logger: deps.logger }),
    ingest: new AnalyticsIngestService({
      buffer,
      realtime,
      rateLimiter,
      findWatchableVideo: deps.findWatchableVideo,
      secret: deps.jwtSecret,
    }),
    queries: new AnalyticsQueryService({ db: deps.database.db }),
  };
}
