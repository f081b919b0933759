import type { JobQueue } from '../../platform/jobs/job-queue.ts';

export const TRANSCODE_QUEUE = 'transcode';
export const HOUSEKEEPING_QUEUE = 'housekeeping';

export const PROCESS_VIDEO_JOB = 'process-video';
export const DELETE_VIDEO_OBJECTS_JOB = 'delete-video-objects';

/** The handler marks the video failed on the last one, so it must know how many there are. */
export const PROCESS_VIDEO_ATTEMPTS = 3;
/** Generous: a long 1080p upload on two cores takes a while, and a timed-out run starts over. */
const PROCESS_VIDEO_TIMEOUT_MS = 2 * 3600_000;

export interface VideoJobPayload {
  videoId: string;
}

/** dedupeKey = videoId: while one processing job of a video is waiting or running, no second one starts. */
export function enqueueVideoProcessing(jobs: JobQueue, videoId: string): Promise<{ id: string }> {
  return jobs.enqueue<VideoJobPayload>(
    TRANSCODE_QUEUE,
    PROCESS_VIDEO_JOB,
    { videoId },
    {
      priority: 'normal',
      attempts: PROCESS_VIDEO_ATTEMPTS,
      backoffMs: 2000,
      timeoutMs: PROCESS_VIDEO_TIMEOUT_MS,
      dedupeKey: videoId,
    },
  );
}

export function enqueueVideoObjectsDeletion(jobs: JobQueue, videoId: string): Promise<{ id: string }> {
  return jobs.enqueue<VideoJobPayload>(
    HOUSEKEEPING_QUEUE,
    DELETE_VIDEO_OBJECTS_JOB,
    { videoId },
    {
      priority: 'low',
      attempts: 5,
      dedupeKey: `delete:${videoId}`,
    },
  );
}
