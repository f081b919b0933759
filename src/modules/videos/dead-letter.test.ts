import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import type { JobHandler } from '../../platform/jobs/job-queue.ts';
import { createProcessVideoDeadLetterHook } from './dead-letter.ts';
import { TRANSCODE_QUEUE, type VideoJobPayload } from './job-queues.ts';
import { createProcessVideoHandler } from './jobs.ts';
import { subscribeToProcessing, type ProcessingEvent } from './processing-events.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  getVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from './video-test-support.ts';
import { videoKeys } from './storage-keys.ts';

for (const kind of testDatabaseKinds()) {
  describe(`dead-lettered video processing on ${kind}`, () => {
    let t: VideoTestApp;
    // Runs die before the handler's own failure handling gets a say, as when the worker is killed.
    let crashing = true;
    before(async () => {
      t = await startVideoTestApp(kind, {}, false);
      const { platform } = t;
      const realHandler = createProcessVideoHandler(platform);
      const handler: JobHandler<VideoJobPayload> = async (job) => {
        if (!crashing) return realHandler(job);
        // What a killed run leaves: the video 'processing' with a partial output in storage.
        await platform.storage.putFile(
          `${videoKeys(job.payload.videoId).hls}/partial.m3u8`,
          await makeFixture('textAsMp4', t.fixtures),
        );
        throw new Error(`worker lost on attempt ${job.attempt}`);
      };
      platform.jobs.process(TRANSCODE_QUEUE, handler, {
        deadLetter: createProcessVideoDeadLetterHook({
          db: platform.database.db,
          storage: platform.storage,
          pubsub: platform.pubsub,
          logger: platform.logger,
        }),
      });
    });
    after(async () => {
      await t.close();
    });

    test('a video whose processing job dies on its last attempt becomes failed with a reason, and the admin retry reprocesses it', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      await attachSource(t, id, await makeFixture('oneFrame', t.fixtures));
      const failed = await waitForOutcome(t, t.creator.accessToken, id);
      assert.equal(failed.status, 'failed');
      assert.match(failed.failureReason ?? '', /Processing failed after 3 attempts \(worker lost on attempt 3\)/);
      assert.deepEqual(await t.platform.storage.listObjects(videoKeys(id).hls), [], 'partial outputs are removed');

      const admin = await adminToken(t);
      const deadLetter = await waitFor('the dead letter', async () => {
        const list = json(
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/admin/jobs/failed?queue=${TRANSCODE_QUEUE}`,
            headers: bearer(admin),
          }),
        ).data as { id: string; payload: { videoId: string } }[];
        return list.find((job) => job.payload.videoId === id);
      });

      crashing = false;
      const events: ProcessingEvent[] = [];
      const unsubscribe = await subscribeToProcessing(t.platform.pubsub, id, (event) => events.push(event));
      const retried = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/jobs/${deadLetter.id}/retry`,
        headers: bearer(admin),
      });
      assert.equal(retried.statusCode, 200);
      // Until a worker takes the retried job the video still reads 'failed' (its last outcome): wait for the run.
      await waitFor('the retried run to start', async () => (events.length > 0 ? true : undefined));
      const ready = await waitForOutcome(t, t.creator.accessToken, id);
      await unsubscribe();
      assert.equal(ready.status, 'ready', ready.failureReason);
      assert.equal(ready.failureReason, null);
      assert.deepEqual(
        events[0],
        { type: 'progress', status: 'processing', percent: 0 },
        'the retry moved the video back to processing',
      );
      assert.equal((await getVideo(t, t.creator.accessToken, id)).status, 'ready');
    });
  });
}
