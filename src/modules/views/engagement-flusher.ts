import type { FastifyInstance } from 'fastify';
import { CounterFlusher } from '../../platform/counters/counter-flusher.ts';
import type { HotCounters } from '../../platform/counters/hot-counters.ts';
import type { Platform } from '../../platform/platform.ts';
import { likeCountProjection } from '../likes/like-counts.ts';
import { viewCountProjection, watchTimeProjection } from './view-counters.ts';

/** The one flusher of this process's engagement counters (likes, views, watch time); built by the composition root. */
export function createEngagementFlusher(
  platform: Pick<Platform, 'config' | 'database' | 'logger'>,
  counters: HotCounters,
): CounterFlusher {
  return new CounterFlusher({
    counters,
    db: platform.database.db,
    projections: [likeCountProjection, viewCountProjection, watchTimeProjection],
    intervalMs: platform.config.counters.flushIntervalMs,
    logger: platform.logger,
  });
}

/**
 * The workers flush the counters (startWorkers). In-process counters, though, can only be flushed by
 * the process that buffers them, so an API running without in-process workers and without Redis
 * flushes its own. Either way closing the app flushes what is left before the database closes.
 */
export async function counterFlushingPlugin(
  app: FastifyInstance,
  { platform, flusher }: { platform: Pick<Platform, 'redis' | 'config'>; flusher: CounterFlusher },
) {
  if (!platform.redis && !platform.config.workersInProcess) app.addHook('onReady', async () => flusher.start());
  app.addHook('onClose', async () => flusher.stop());
}
