import type { EventBus } from '../events/event-bus.ts';
import type { CachedResponse } from './response-cache.ts';
import type { TieredCache } from './tiered-cache.ts';

// Topics of the videos and subscriptions modules (their events.ts), named here so the platform layer
// does not import feature modules.
const VIDEO_TOPICS = ['video.ready', 'video.updated', 'video.deleted', 'video.failed'];
const SUBSCRIPTION_TOPICS = ['subscription.created', 'subscription.deleted'];

/**
 * Changes made anywhere (a worker finishing a transcode, moderation holding a video, a subscription)
 * reach every API process's cache through the outbox: one consumer drops the tag in Redis and tells
 * every process to drop it from its LRU.
 */
export function subscribeCacheInvalidation(events: EventBus, cache: TieredCache<CachedResponse>): void {
  events.subscribe<{ videoId: string; creatorId?: string }>(
    'cache-invalidation-videos',
    VIDEO_TOPICS,
    async (event) => {
      await cache.invalidate(`video:${event.payload.videoId}`);
      await cache.invalidate('trending');
      if (event.payload.creatorId) await cache.invalidate(`user:${event.payload.creatorId}`);
    },
  );
  events.subscribe<{ channelId: string }>('cache-invalidation-subscriptions', SUBSCRIPTION_TOPICS, async (event) => {
    await cache.invalidate(`user:${event.payload.channelId}`);
  });
}
