import type { FastifyInstance } from 'fastify';
import { CounterFlusher } from '../../platform/counters/counter-flusher.ts';
import { hotCountersFor } from '../../platform/counters/create-hot-counters.ts';
import type { Platform } from '../../platform/platform.ts';
import { likeCountProjection } from '../likes/like-counts.ts';
import { viewCountProjection, watchTimeProjection } from './view-counters.ts';

const byPlatform = new WeakMap<object, CounterFlusher>();

/** The one flusher of this process's engagement counters (likes, views, watch time). */
export function engagementFlusherFor(platform: Platform): CounterFlusher {
  let flusher = byPlatform.get(platform);
  if (!flusher) {
    flusher = new CounterFlusher({
      counters: hotCountersFor(platform),
      db: platform.database.db,
      projections: [likeCountProjection, viewCountProjection, watchTimeProjection],
      intervalMs: platform.config.counters.flushIntervalMs,
      logger: platform.logger,
    });
    byPlatform.set(platform, flusher);
  }
  return flusher;
}

/**
 * The workers flush the counters (startWorkers). In-process counters, though, can only be flushed by
 * the process that buffers them, so an API running without in-process workers and without Redis
 * flushes its own. Either way closing the app flushes what is left before the database closes.
 */
export async function counterFlushingPlugin(app: FastifyInstance, { platform }: { platform: Platform }) {
  const flusher = engagementFlusherFor(platform);
  if (!platform.redis && !platform.config.workersInProcess) app.addHook('onReady', async () => flusher.start());
  app.addHook('onClose', async () => flusher.stop());
}
