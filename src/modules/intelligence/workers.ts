import type { Ai } from '../../platform/ai/ai.ts';
import type { Platform } from '../../platform/platform.ts';
import { VIDEO_READY, VIDEO_UPDATED, type VideoEventPayload } from '../videos/events.ts';
import { createAnalyseVideoHandler } from './analyse-video.ts';
import { AI_QUEUE, enqueueVideoAnalysis } from './job-queues.ts';

const CONSUMER = 'intelligence-analyse';

/**
 * A ready video gets analysed; an edited one too (only what its edit changed is recomputed: the
 * metadata embedding). The consumer only enqueues, so the outbox is never held up by a long job.
 */
export function startIntelligenceWorkers(
  platform: Pick<Platform, 'database' | 'storage' | 'logger' | 'config' | 'jobs' | 'events'>,
  ai: Ai,
): void {
  platform.jobs.process(AI_QUEUE, createAnalyseVideoHandler(platform, ai), { concurrency: 1 });
  platform.events.subscribe<VideoEventPayload>(CONSUMER, [VIDEO_READY, VIDEO_UPDATED], async (event) => {
    if (event.payload.status !== 'ready') return;
    await enqueueVideoAnalysis(platform.jobs, event.payload.videoId);
  });
}
