import type { Logger } from 'pino';
import type { EventBus } from '../events/event-bus.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import type { Platform } from '../platform.ts';
import { loadOpsConfig } from '../ops/ops-config.ts';
import { EdgeCache } from './edge-cache.ts';

// Topics of the videos module (its events.ts), named here so the platform layer does not import it.
const PURGE_TOPICS = ['video.deleted', 'video.updated', 'video.ready'];

interface VideoEvent {
  videoId: string;
  visibility?: string;
  previousVisibility?: string;
}

/** The edge caches `/media/<storage key>` under its URI (proxy_cache_key $uri). */
export const mediaUri = (key: string) => `/media/${key}`;

/**
 * Purges a video's media from the edge cache when it must no longer be served from there: deleted,
 * visibility changed (public media is cached, signed private media never is), or processed again
 * (video.ready after a re-transcode: new playlists and segments under the same names). The keys come
 * from the video's objects in storage (one md5 each); when none are left (deleted), the cache is scanned
 * for keys under the video's folder.
 */
export function subscribeEdgePurge(deps: {
  events: EventBus;
  storage: ObjectStorage;
  edge: EdgeCache;
  logger: Logger;
}): void {
  deps.events.subscribe<VideoEvent>('edge-purge-videos', PURGE_TOPICS, async (event) => {
    const { videoId, visibility, previousVisibility } = event.payload;
    if (event.topic === 'video.updated' && visibility === previousVisibility) return;
    const removed = await purgeVideoMedia(deps, videoId);
    deps.logger.info({ videoId, topic: event.topic, removed }, 'purged video media from the edge cache');
  });
}

export async function purgeVideoMedia(
  deps: { storage: ObjectStorage; edge: EdgeCache },
  videoId: string,
): Promise<number> {
  const folder = `videos/${videoId}`;
  const keys = await deps.storage.listObjects(folder);
  if (keys.length === 0) return deps.edge.purgePrefix(mediaUri(`${folder}/`));
  return deps.edge.purgeKeys(keys.map(mediaUri));
}

/** Purges the edge cache named by EDGE_CACHE_DIR (on this machine), if any. */
export function subscribeEdgePurgeFromConfig(platform: Platform): void {
  const { cacheDir, levels } = loadOpsConfig().edge;
  if (!cacheDir) return;
  subscribeEdgePurge({ ...platform, edge: new EdgeCache(cacheDir, levels) });
}
