import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { refreshDerivedOutputs } from '../intelligence/analyse-video.ts';
import { transcriptRepo } from '../intelligence/transcript-repo.ts';
import { DELETE_VIDEO_OBJECTS_JOB, HOUSEKEEPING_QUEUE, TRANSCODE_QUEUE } from '../videos/job-queues.ts';
import { createDeleteVideoObjectsHandler, createProcessVideoHandler } from '../videos/jobs.ts';
import { backfillProcessedBytes, type BackfillProgress } from '../videos/processed-bytes-backfill.ts';
import { videoRepo } from '../videos/repo.ts';
import { videoKeys } from '../videos/storage-keys.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`storage per user in platform analytics on ${kind}`, () => {
    let t: VideoTestApp;
    let admin: string;
    before(async () => {
      // Only the workers under test: the AI analysis and image moderation that video.ready would start
      // write into the video's folder too, at times this test could not tell apart.
      t = await startVideoTestApp(kind, {}, false);
      t.platform.jobs.process(TRANSCODE_QUEUE, createProcessVideoHandler(t.platform));
      const deleteObjects = createDeleteVideoObjectsHandler(t.platform);
      t.platform.jobs.process(HOUSEKEEPING_QUEUE, async (job) => {
        if (job.name === DELETE_VIDEO_OBJECTS_JOB) await deleteObjects(job as Parameters<typeof deleteObjects>[0]);
      });
      admin = await adminToken(t);
    });
    after(async () => {
      await t.close();
    });

    /** What the store itself holds in the video's folder: the source, and everything else. */
    const inStore = async (videoId: string) => {
      const keys = videoKeys(videoId);
      const objects = await t.platform.storage.listObjectSizes(keys.folder);
      const size = (wanted: (key: string) => boolean) =>
        objects.filter((object) => wanted(object.key)).reduce((sum, object) => sum + object.size, 0);
      return {
        keys: objects.map((object) => object.key),
        sourceBytes: size((key) => key === keys.source),
        processedBytes: size((key) => key !== keys.source),
      };
    };

    const storageReport = async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/admin/analytics', headers: bearer(admin) });
      assert.equal(response.statusCode, 200, response.body);
      return json(response).data.storage;
    };

    const creatorRow = async () =>
      (await storageReport()).perUser.find((row: { userId: string }) => row.userId === t.creator.user.id);

    const transcodedVideo = async (title: string) => {
      const { id } = await createVideo(t, t.creator.accessToken, { title });
      await attachSource(t, id, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, id)).status, 'ready');
      // The transcode job counts the stored bytes just after it marks the video ready: wait for that
      // count, or a test that clears it could see the job write it again afterwards.
      await waitFor('the processed bytes of the new video', async () => {
        const row = await videoRepo.findById(t.platform.database.db, id);
        return row?.processed_bytes ?? undefined;
      });
      return id;
    };

    let first: string;

    test('a transcoded video counts its source and every stored output; captions added later are counted', async () => {
      first = await transcodedVideo('measured');
      const stored = await inStore(first);
      assert.ok(stored.processedBytes > 0 && stored.sourceBytes > 0);
      const row = await creatorRow();
      assert.deepEqual(
        { sourceBytes: row.sourceBytes, processedBytes: row.processedBytes, bytes: row.bytes },
        {
          sourceBytes: stored.sourceBytes,
          processedBytes: stored.processedBytes,
          bytes: stored.sourceBytes + stored.processedBytes,
        },
      );

      // The captions writer (after a transcript) adds a WebVTT file and its playlist, and rewrites the master.
      await transcriptRepo.save(t.platform.database.db, first, {
        language: 'en',
        segments: [{ startSeconds: 0, endSeconds: 2, text: 'Hello from the storage test' }],
        model: { provider: 'local', name: 'test-transcript', version: '1' },
        editedBy: 'model',
      });
      const video = await videoRepo.findById(t.platform.database.db, first);
      await refreshDerivedOutputs(t.platform, t.services.ai, video!);
      const withCaptions = await inStore(first);
      assert.ok(withCaptions.keys.includes(`${videoKeys(first).hls}/subs/en.vtt`));
      assert.ok(withCaptions.processedBytes > stored.processedBytes);
      assert.equal((await creatorRow()).processedBytes, withCaptions.processedBytes);

      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/v1/admin/analytics',
        headers: { ...bearer(admin), accept: 'text/csv' },
      });
      assert.match(csv.body, /^userId,username,videos,sourceBytes,processedBytes,bytes\r\n/);
      assert.ok(
        csv.body.includes(
          `,${withCaptions.sourceBytes},${withCaptions.processedBytes},${withCaptions.sourceBytes + withCaptions.processedBytes}\r\n`,
        ),
      );
    });

    test('the rebuild fills a video processed before the figure was recorded, and resumes with nothing left', async () => {
      const older = await transcodedVideo('processed before the column');
      const db = t.platform.database.db;
      await db
        .updateTable('videos')
        .set({ processed_bytes: null, processed_bytes_listed_at: null })
        .where('id', '=', older)
        .execute();
      const before = await storageReport();
      assert.equal(before.unmeasuredVideos, 1);
      assert.equal(before.totalProcessedBytes, (await inStore(first)).processedBytes);

      const reported: BackfillProgress[] = [];
      const result = await backfillProcessedBytes(t.platform, (progress) => reported.push(progress));
      assert.deepEqual(result, { measured: 1, failed: 0, total: 1 });
      assert.deepEqual(reported, [result]);
      const after = await storageReport();
      assert.equal(after.unmeasuredVideos, 0);
      assert.equal(
        after.totalProcessedBytes,
        (await inStore(first)).processedBytes + (await inStore(older)).processedBytes,
      );
      assert.deepEqual(await backfillProcessedBytes(t.platform, () => undefined), { measured: 0, failed: 0, total: 0 });
    });

    test('deleting a video takes its bytes out of the total', async () => {
      const before = await storageReport();
      const stored = await inStore(first);
      const response = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${first}`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(response.statusCode, 204, response.body);
      await waitFor('the deleted video to measure 0 bytes', async () =>
        (await videoRepo.findById(t.platform.database.db, first))?.processed_bytes === 0 ? true : undefined,
      );
      assert.deepEqual((await inStore(first)).keys, []);
      const after = await storageReport();
      assert.equal(after.totalVideos, before.totalVideos - 1);
      assert.equal(after.totalSourceBytes, before.totalSourceBytes - stored.sourceBytes);
      assert.equal(after.totalProcessedBytes, before.totalProcessedBytes - stored.processedBytes);
      assert.equal(after.totalBytes, after.totalSourceBytes + after.totalProcessedBytes);
    });
  });
}
