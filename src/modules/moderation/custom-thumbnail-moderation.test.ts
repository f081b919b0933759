import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { flaggedPicturePng } from '../../../test/support/thumbnail-fixtures.ts';
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
 * A custom thumbnail goes through image moderation like the poster and frames: the dark skin-tone grid
 * (the picture the model scores highest that may be made here) with the thresholds lowered below its
 * score holds the video, keeps the thumbnail from being served (the poster is shown) and puts it in the
 * admin queue; approving the case shows it.
 */
for (const kind of testDatabaseKinds()) {
  describe(`image moderation of custom thumbnails (${kind})`, { timeout: 300_000 }, () => {
    let t: VideoTestApp;
    let admin: string;
    let videoId: string;
    const get = (url: string, token?: string) =>
      t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
    const video = async (token?: string) => json(await get(`/api/v1/videos/${videoId}`, token)).data;
    const pictureCase = (status: string) =>
      eventually(
        `the picture case to be ${status}`,
        async () => {
          const row = await caseRepo.find(t.platform.database.db, 'video_image', videoId);
          return row?.status === status ? row : undefined;
        },
        240_000,
      );

    before(async () => {
      t = await startVideoTestApp(kind, {
        IMAGE_MODERATION_FRAMES: '2',
        IMAGE_MODERATION_SCENE_FRAMES: '0',
        IMAGE_MODERATION_THRESHOLD: '0.3',
        IMAGE_MODERATION_HOLD_THRESHOLD: '0.4',
      });
      admin = await adminToken(t);
      videoId = (await createVideo(t, t.creator.accessToken, { title: 'Skin tone study' })).id;
      await attachSource(t, videoId, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, videoId, 120_000)).status, 'ready');
      await pictureCase('clear');
    });
    after(() => t?.close());

    test('a flagged custom thumbnail holds the video and is not served until approved', async () => {
      const poster = (await video()).thumbnailUrl as string;
      const uploaded = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${videoId}/thumbnail`,
        headers: { ...bearer(t.creator.accessToken), 'content-type': 'image/png' },
        payload: await flaggedPicturePng(t.fixtures),
      });
      assert.equal(uploaded.statusCode, 200, uploaded.body);
      const custom = json(uploaded).data.thumbnailUrl as string;
      assert.notEqual(custom, poster);

      const held = await pictureCase('pending');
      assert.equal(held.held, true);
      assert.ok(
        held.reasons.some((reason) => /^custom thumbnail: unsafe 0\.\d\d \(porn/.test(reason)),
        held.reasons.join('; '),
      );

      assert.equal((await video()).thumbnailUrl, poster, 'guests see the generated poster');
      const owner = await video(t.creator.accessToken);
      assert.equal(owner.thumbnailUrl, poster);
      assert.equal(owner.customThumbnail, 'held_for_review');
      assert.equal((await get(new URL(custom).pathname)).statusCode, 404, 'the held picture is not served');
      const search = json(await get('/api/v1/search?q=skin%20tone')).data as { id: string }[];
      assert.ok(!search.some((hit) => hit.id === videoId), 'held out of public lists');

      const queue = json(await get('/api/v1/admin/moderation/cases?type=video_image', admin)).data as {
        id: string;
        subjectId: string;
        content: { pictures: { source: string; imageUrl: string }[] };
      }[];
      const entry = queue.find((item) => item.subjectId === videoId);
      assert.ok(entry, 'in the queue');
      const picture = entry.content.pictures.find((item) => item.source === 'custom_thumbnail');
      assert.ok(picture, 'the queue shows the custom thumbnail');
      const image = await get(picture.imageUrl, admin);
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');

      const approved = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/moderation/cases/${entry.id}/approve`,
        headers: bearer(admin),
        payload: {},
      });
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal((await video()).thumbnailUrl, custom, 'shown once approved');
      assert.equal((await get(new URL(custom).pathname)).statusCode, 200);
    });
  });
}
