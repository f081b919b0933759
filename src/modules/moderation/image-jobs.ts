import type { Platform } from '../../platform/platform.ts';
import { VIDEO_READY, VIDEO_UPDATED, type VideoEventPayload } from '../videos/events.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { createModerateVideoImagesHandler, type ModerateVideoImagesPayload } from './image-assessor.ts';

/** Image moderation has its own low-priority queue: a long video's frames never hold up transcoding or analysis. */
export const IMAGE_MODERATION_QUEUE = 'moderation-images';
export const MODERATE_VIDEO_IMAGES_JOB = 'moderate-video-images';
const CONSUMER = 'moderation-images';

/**
 * A ready video (new, reprocessed with a new poster, or given a new custom thumbnail) gets its pictures scored. The consumer only
 * enqueues, so the outbox is never held up by decoding and scoring frames.
 */
export function startImageModerationWorkers(
  platform: Pick<Platform, 'database' | 'storage' | 'logger' | 'config' | 'jobs' | 'events'>,
): void {
  platform.jobs.process(IMAGE_MODERATION_QUEUE, createModerateVideoImagesHandler(platform), { concurrency: 1 });
  platform.events.subscribe<VideoEventPayload>(CONSUMER, [VIDEO_READY, VIDEO_UPDATED], async ({ topic, payload }) => {
    const { videoId } = payload;
    if (topic === VIDEO_UPDATED && !(payload.thumbnailChanged && payload.status === 'ready')) return;
    // A job already running for this video read the pictures before the new thumbnail, so a thumbnail
    // change dedupes only against jobs for the same thumbnail.
    const thumbnail =
      topic === VIDEO_UPDATED
        ? `:${(await videoQueries.findById(platform.database.db, videoId))?.custom_thumbnail_key}`
        : '';
    await platform.jobs.enqueue<ModerateVideoImagesPayload>(
      IMAGE_MODERATION_QUEUE,
      MODERATE_VIDEO_IMAGES_JOB,
      { videoId },
      {
        priority: 'low',
        attempts: 3,
        backoffMs: 5000,
        timeoutMs: 3600_000,
        dedupeKey: `images:${videoId}${thumbnail}`,
      },
    );
  });
}
