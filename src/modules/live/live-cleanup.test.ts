// Live HLS clean-up: segments that slide out of the DVR window are deleted from object storage
// (after a grace period for players holding an older playlist), and everything a stream stored under
// live/<id>/ is deleted once its recording is processed (ready) or has failed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createAccounts, readyVideo } from '../channels/channel-test-support.ts';
import { liveHlsPrefix, SegmentPublisher } from './ingest/segment-publisher.ts';

const playlist = (first: number, last: number) =>
  [
    '#EXTM3U',
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    ...Array.from({ length: last - first + 1 }, (_, i) => `#EXTINF:2.0,\nseg_${first + i}.ts`),
  ].join('\n');

for (const kind of testDatabaseKinds()) {
  describe(`live HLS clean-up on ${kind}`, () => {
    let t: TestApp;
    let hlsDir: string;

    before(async () => {
      t = await startTestApp(kind);
      hlsDir = await mkdtemp(join(tmpdir(), 'live-cleanup-'));
    });
    after(async () => {
      await rm(hlsDir, { recursive: true, force: true });
      await t?.close();
    });

    test('segments outside the DVR window leave storage after the grace period', async () => {
      const storage = t.platform.storage;
      const streamId = '00000000-0000-4000-8000-00000000c1ea';
      await mkdir(join(hlsDir, 'source'), { recursive: true });
      const writeSegments = async (numbers: number[]) => {
        for (const n of numbers) await writeFile(join(hlsDir, 'source', `seg_${n}.ts`), `segment ${n}`);
      };
      let grace = 60_000;
      const publisher = new SegmentPublisher({
        storage,
        hlsDir,
        streamId,
        onError: (error) => assert.fail(String(error)),
        get droppedGraceMs() {
          return grace;
        },
      });
      const stored = async () =>
        (await storage.listObjects(`${liveHlsPrefix(streamId)}/source`)).map((key) => key.split('/').pop()).sort();

      await writeSegments([0, 1, 2]);
      await writeFile(join(hlsDir, 'source', 'index.m3u8'), playlist(0, 2));
      await publisher.sync();
      assert.deepEqual(await stored(), ['index.m3u8', 'seg_0.ts', 'seg_1.ts', 'seg_2.ts']);

      // The window slides: 0 and 1 are no longer listed (ffmpeg deleted its copies).
      await rm(join(hlsDir, 'source', 'seg_0.ts'));
      await rm(join(hlsDir, 'source', 'seg_1.ts'));
      await writeSegments([3, 4]);
      await writeFile(join(hlsDir, 'source', 'index.m3u8'), playlist(2, 4));
      await publisher.sync();
      assert.deepEqual(
        await stored(),
        ['index.m3u8', 'seg_0.ts', 'seg_1.ts', 'seg_2.ts', 'seg_3.ts', 'seg_4.ts'],
        'kept during the grace period',
      );
      grace = 0;
      await publisher.sync();
      assert.deepEqual(await stored(), ['index.m3u8', 'seg_2.ts', 'seg_3.ts', 'seg_4.ts']);
    });

    test("a stream's live media is deleted when its recording is ready or has failed", async () => {
      const [creator] = await createAccounts(t, 1, 'creator');
      const { liveStreams } = t.services.live;
      const db = t.platform.database.db;
      const videoId = await readyVideo(t, creator!);
      const insert = () =>
        db
          .insertInto('live_streams')
          .values({
            channel_id: creator!.id,
            title: 'Over',
            status: 'ended',
            started_at: new Date(),
            ended_at: new Date(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
      const processed = await insert();
      const failed = await insert();
      for (const { id } of [processed, failed]) {
        await t.platform.storage.putObject(`${liveHlsPrefix(id)}/source/seg_1.ts`, Buffer.from('x'));
        await t.platform.storage.putObject(`${liveHlsPrefix(id)}/master.m3u8`, Buffer.from('#EXTM3U'));
      }
      await liveStreams.transition(processed.id, ['ended'], 'processing', { videoId });
      assert.equal((await t.platform.storage.listObjects(`live/${processed.id}`)).length, 2, 'kept while processing');
      // Reading the stream settles it: its video is ready, so it is ready and its live media goes.
      assert.equal((await liveStreams.get(processed.id)).status, 'ready');
      assert.deepEqual(await t.platform.storage.listObjects(`live/${processed.id}`), []);

      await liveStreams.transition(failed.id, ['ended'], 'failed', { failureReason: 'Nothing was recorded' });
      assert.deepEqual(await t.platform.storage.listObjects(`live/${failed.id}`), []);
    });
  });
}
