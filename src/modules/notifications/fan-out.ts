import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { JobHandler, JobQueue } from '../../platform/jobs/job-queue.ts';
import { FANOUT_BATCH_SIZE, forEachSubscriberBatch } from '../feeds/subscribers.ts';
import { userQueries } from '../users/user-queries.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { KIND } from './builtin-kinds.ts';
import { NOTIFICATIONS_QUEUE } from './mail-jobs.ts';
import type { Notifier } from './notifier.ts';

export const FAN_OUT_NEW_VIDEO_JOB = 'notify-new-video';

export interface NewVideoJobPayload {
  videoId: string;
}

export function enqueueNewVideoFanOut(jobs: JobQueue, videoId: string): Promise<{ id: string }> {
  return jobs.enqueue<NewVideoJobPayload>(
    NOTIFICATIONS_QUEUE,
    FAN_OUT_NEW_VIDEO_JOB,
    { videoId },
    {
      priority: 'normal',
      attempts: 5,
      backoffMs: 2000,
      dedupeKey: `notify-new-video:${videoId}`,
    },
  );
}

/**
 * Tells a channel's subscribers who asked for notifications (the subscription's switch) about a new
 * public video, a batch of FANOUT_BATCH_SIZE at a time along the feed fan-out's subscriber walk. The
 * video id is the source key, so a retried job, a redelivered event, or the same video made public
 * again never notifies anyone twice; a channel's uploads close together collapse into one row.
 */
export class NewVideoFanOut {
  constructor(private readonly deps: { db: Kysely<DB>; notifier: Notifier }) {}

  async run(videoId: string, options: { signal?: AbortSignal } = {}): Promise<number> {
    const { db, notifier } = this.deps;
    const stillPublic = async () => (await videoQueries.findPublicByIds(db, [videoId]))[0];
    const video = await stillPublic();
    if (!video) return 0;
    const channel = await userQueries.findById(db, video.creator_id);
    if (!channel || channel.banned_at) return 0;
    const data = { videoId: video.id, videoTitle: video.title, channelId: channel.id, channelName: channel.username };
    let notified = 0;
    let stopped = false;
    await forEachSubscriberBatch(
      db,
      video.creator_id,
      async (userIds) => {
        // A video made private or deleted meanwhile stops the fan-out (checked before every batch).
        if (stopped || options.signal?.aborted || !(await stillPublic())) {
          stopped = true;
          return;
        }
        notified += (
          await notifier.notify({
            sourceKey: `video.new:${video.id}`,
            kind: KIND.newVideo,
            recipients: userIds,
            actorId: channel.id,
            data,
            groupKey: `video.new:${channel.id}`,
          })
        ).length;
      },
      FANOUT_BATCH_SIZE,
      { notificationsEnabledOnly: true },
    );
    return notified;
  }

  handler(): JobHandler<NewVideoJobPayload> {
    return async (job) => ({ notified: await this.run(job.payload.videoId, { signal: job.signal }) });
  }
}
