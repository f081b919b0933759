import type { JobQueue } from '../../platform/jobs/job-queue.ts';

/** AI work has a queue of its own at low priority, so it never holds up uploads or transcoding. */
export const AI_QUEUE = 'ai';
export const ANALYSE_VIDEO_JOB = 'analyse-video';

export interface AnalyseVideoPayload {
  videoId: string;
  /** Recompute model outputs even when they exist (a creator's edits are still kept). */
  force?: boolean;
}

/** dedupeKey per video: a second request while one analysis waits or runs is the same job. */
export function enqueueVideoAnalysis(jobs: JobQueue, videoId: string, force = false): Promise<{ id: string }> {
  return jobs.enqueue<AnalyseVideoPayload>(
    AI_QUEUE,
    ANALYSE_VIDEO_JOB,
    { videoId, force },
    {
      priority: 'low',
      attempts: 3,
      backoffMs: 5000,
      // Local speech recognition runs at about real time on a busy machine; long videos need long jobs.
      timeoutMs: 3 * 3600_000,
      dedupeKey: `analyse:${videoId}`,
    },
  );
}
