import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';
import type { VideoRow } from './repo.ts';

/**
 * Topics of the video aggregate, keyed by video id so each video's events reach a consumer in order.
 * `video.ready`: processing finished and the video can be played. `video.updated`: its metadata or
 * visibility changed. `video.deleted`: it was soft-deleted. Feeds, search and the AI layer react to these.
 */
export const VIDEO_READY = 'video.ready';
export const VIDEO_UPDATED = 'video.updated';
export const VIDEO_DELETED = 'video.deleted';

export interface VideoEventPayload {
  videoId: string;
  creatorId: string;
  visibility: VideoRow['visibility'];
  status: VideoRow['status'];
  /** Only on video.updated: the visibility before the change. */
  previousVisibility?: VideoRow['visibility'];
  /** Only on video.updated: the creator uploaded or removed a custom thumbnail (image moderation re-scores). */
  thumbnailChanged?: true;
}

/** Call with the transaction that changed the video row. */
export function publishVideoEvent(
  trx: Executor,
  topic: typeof VIDEO_READY | typeof VIDEO_UPDATED | typeof VIDEO_DELETED,
  video: VideoRow,
  previous?: VideoRow,
): Promise<void> {
  const payload = payloadOf(video);
  if (previous) payload.previousVisibility = previous.visibility;
  return publishEvent(trx, { topic, key: video.id, payload });
}

const payloadOf = (video: VideoRow): VideoEventPayload => ({
  videoId: video.id,
  creatorId: video.creator_id,
  visibility: video.visibility,
  status: video.status,
});

/** A custom thumbnail was set or removed: a video.updated whose visibility did not change. */
export function publishThumbnailChanged(trx: Executor, video: VideoRow): Promise<void> {
  const payload = { ...payloadOf(video), previousVisibility: video.visibility, thumbnailChanged: true as const };
  return publishEvent(trx, { topic: VIDEO_UPDATED, key: video.id, payload });
}

/** Processing gave up on the video (bad file, or every attempt failed); keyed by video id. */
export const VIDEO_FAILED = 'video.failed';

export interface VideoFailedPayload {
  videoId: string;
  creatorId: string;
  reason: string;
}

/** Call with the transaction that marked the video failed. */
export function publishVideoFailed(trx: Executor, payload: VideoFailedPayload): Promise<void> {
  return publishEvent(trx, { topic: VIDEO_FAILED, key: payload.videoId, payload });
}
