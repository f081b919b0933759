import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { DB } from '../../platform/db/schema.ts';
import type { DeadLetterHook } from '../../platform/jobs/job-queue.ts';
import type { PubSub } from '../../platform/pubsub/pubsub.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import type { VideoJobPayload } from './job-queues.ts';
import { removeOutputs } from './jobs.ts';
import { publishProcessingEvent } from './processing-events.ts';
import { videoRepo } from './repo.ts';

export interface ProcessVideoDeadLetterDeps {
  db: Kysely<DB>;
  storage: ObjectStorage;
  pubsub: PubSub;
  logger: Logger;
}

function deadLetterReason(attempts: number, error: string): string {
  const firstLine = error.split('\n')[0]?.slice(0, 300);
  return `Processing failed after ${attempts} attempts (${firstLine}). Try uploading the file again, or re-encode it first.`;
}

/**
 * The processing job is out of attempts. Its handler marks the video failed itself when its last run
 * fails, but a run that never got that far (its worker was killed, or it overran its timeout without
 * cleaning up) would leave the video `processing` forever: this settles it as `failed` with a reason
 * and removes partial outputs. The admin retry of the dead job then starts the video over (the
 * handler moves `failed` back to `processing`).
 */
export function createProcessVideoDeadLetterHook(deps: ProcessVideoDeadLetterDeps): DeadLetterHook<VideoJobPayload> {
  return async (job) => {
    const { videoId } = job.payload;
    const video = await videoRepo.findById(deps.db, videoId);
    // Ready, deleted, or already failed by the handler: nothing was left hanging.
    if (video?.status !== 'processing') return;
    await removeOutputs(deps.storage, videoId);
    const reason = deadLetterReason(job.attempts, job.error);
    await videoRepo.markFailed(deps.db, videoId, reason);
    await publishProcessingEvent(deps.pubsub, videoId, { type: 'failed', reason });
    deps.logger.warn(
      { videoId, jobId: job.id, error: job.error },
      'video processing dead-lettered; video marked failed',
    );
  };
}
