import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { makeClipWithSkinGrid } from '../../../test/support/picture-fixtures.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  startVideoTestApp,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';
import { caseRepo } from './case-repo.ts';

/**
 * Image moderation through the API: a clip whose frames from 6 s to 9 s show a picture the model scores
 * as unsafe lands in the admin queue as a held picture case, with those frames' times in the reasons and
 * the frames themselves served to the admin; a clean clip gets a clear case. The thresholds sit between
 * what the two score (about 0.47 and under 0.05): no picture that may be made here scores higher (see
 * test/support/picture-fixtures.ts).
 */
for (const kind of testDatabaseKinds()) {
  describe(`image moderation of posters and frames (${kind})`, { timeout: 300_000 }, () => {
    let t: VideoTestApp;
    let admin: string;
    let flaggedVideo: string;
    let cleanVideo: string;
    const call = (url: string, token = admin) => t.app.inject({ method: 'GET', url, headers: bearer(token) });
    const settled = (videoId: string) =>
      eventually(
        'the pictures to be scored',
        () => caseRepo.find(t.platform.database.db, 'video_image', videoId),
        240_000,
      );

    before(async () => {
      t = await startVideoTestApp(kind, {
        IMAGE_MODERATION_FRAMES: '6',
        IMAGE_MODERATION_SCENE_FRAMES: '2',
        IMAGE_MODERATION_THRESHOLD: '0.3',
        IMAGE_MODERATION_HOLD_THRESHOLD: '0.4',
      });
      admin = await adminToken(t);
      flaggedVideo = (await createVideo(t, t.creator.accessToken, { title: 'Colour study' })).id;
      cleanVideo = (await createVideo(t, t.creator.accessToken, { title: 'Test pattern' })).id;
      await attachSource(
        t,
        flaggedVideo,
        await makeClipWithSkinGrid(t.fixtures, { seconds: 12, gridFrom: 6, gridSeconds: 3 }),
      );
      await attachSource(t, cleanVideo, await makeFixture('landscape', t.fixtures));
      for (const id of [flaggedVideo, cleanVideo]) {
        assert.equal((await waitForOutcome(t, t.creator.accessToken, id, 120_000)).status, 'ready');
      }
    });
    after(() => t?.close());

    test('a flagged frame lands in the admin queue with its time, its picture, and the video held', async () => {
      const flagged = await settled(flaggedVideo);
      assert.equal(flagged.status, 'pending');
      assert.equal(flagged.held, true);
      assert.equal(flagged.model_name, 'nsfwjs-mobilenet-v2');
      assert.ok(flagged.top_score >= 0.3 && flagged.top_score < 0.9, `unsafe ${flagged.top_score}`);
      assert.ok(flagged.reasons.length > 0);
      for (const reason of flagged.reasons) assert.match(reason, /^frame at 0:0[6-9]: unsafe 0\.\d\d \(porn/);

      const queue = json(await call('/api/v1/admin/moderation/cases?type=video_image')).data as {
        id: string;
        subjectId: string;
        content: { pictures: { atSeconds: number | null; unsafeScore: number; imageUrl: string }[] };
      }[];
      const entry = queue.find((item) => item.subjectId === flaggedVideo);
      assert.ok(entry, 'in the queue');
      assert.ok(entry.content.pictures.length > 0);
      for (const picture of entry.content.pictures) {
        assert.ok(
          picture.atSeconds !== null && picture.atSeconds >= 6 && picture.atSeconds <= 9,
          `${picture.atSeconds}`,
        );
      }
      const image = await call(entry.content.pictures[0]!.imageUrl);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.deepEqual([...image.rawPayload.subarray(0, 2)], [0xff, 0xd8], 'a JPEG');
      assert.equal((await call(entry.content.pictures[0]!.imageUrl, t.creator.accessToken)).statusCode, 403);

      // Held: out of public search until an admin approves it.
      const search = async () =>
        (
          json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=colour%20study' })).data as { id: string }[]
        ).map((hit) => hit.id);
      assert.ok(!(await search()).includes(flaggedVideo), 'held out of search');
      const approved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/moderation/cases/${entry.id}/approve`,
        headers: bearer(admin),
        payload: {},
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.ok((await search()).includes(flaggedVideo), 'back in search once approved');
    });

    test('a clean clip and its poster are scored and cleared; the admin sees the image model and thresholds', async () => {
      const clear = await settled(cleanVideo);
      assert.equal(clear.status, 'clear');
      assert.equal(clear.held, false);
      assert.ok(clear.top_score < 0.3, `unsafe ${clear.top_score}`);
      const pictures = await t.platform.database.db
        .selectFrom('video_frame_scores')
        .select(['source', 'at_seconds'])
        .where('video_id', '=', cleanVideo)
        .execute();
      assert.equal(pictures.filter((picture) => picture.source === 'poster').length, 1, 'the poster is scored');
      assert.ok(pictures.filter((picture) => picture.source === 'frame').length >= 6);
      const status = json(await call('/api/v1/admin/moderation/status')).data;
      assert.equal(status.image.available, true);
      assert.equal(status.image.threshold, 0.3);
      assert.equal(status.image.frames, 6);
    });
  });
}
