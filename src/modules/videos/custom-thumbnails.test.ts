import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { landscapePicture } from '../../../test/support/thumbnail-fixtures.ts';
import { sniffImageType } from '../../platform/media/still-image.ts';
import { videoKeys } from './storage-keys.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  startVideoTestApp,
  waitForOutcome,
  type VideoTestApp,
} from './video-test-support.ts';

const MAX_BYTES = 200_000;

/** Custom thumbnails through the API: upload, replace, remove, who may, what is refused, what is served. */
for (const kind of testDatabaseKinds()) {
  describe(`custom thumbnails (${kind})`, { timeout: 240_000 }, () => {
    let t: VideoTestApp;
    let videoId: string;
    let jpeg: Buffer;
    let png: Buffer;
    let webp: Buffer;

    const put = (body: Buffer | string, contentType: string, token = t.creator.accessToken, id = videoId) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${id}/thumbnail`,
        headers: { ...bearer(token), 'content-type': contentType },
        payload: body,
      });
    const video = async (token?: string) =>
      json(
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/videos/${videoId}`,
          headers: token ? bearer(token) : {},
        }),
      ).data as { thumbnailUrl: string; customThumbnail: string | null };
    const fetchMedia = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });
    const storedThumbnails = () => t.platform.storage.listObjects(`${videoKeys(videoId).folder}/thumbnails`);

    before(async () => {
      t = await startVideoTestApp(kind, {
        THUMBNAIL_MAX_BYTES: String(MAX_BYTES),
        IMAGE_MODERATION_FRAMES: '1',
        IMAGE_MODERATION_SCENE_FRAMES: '0',
      });
      videoId = (await createVideo(t, t.creator.accessToken, { title: 'Harbour at dawn' })).id;
      await attachSource(t, videoId, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, videoId, 120_000)).status, 'ready');
      [jpeg, png, webp] = await Promise.all([
        landscapePicture(t.fixtures, 'a.jpg', '1280x720', 1),
        landscapePicture(t.fixtures, 'b.png', '800x600', 2),
        landscapePicture(t.fixtures, 'c.webp', '1920x1080', 3),
      ]);
    });
    after(() => t?.close());

    test('upload, replace and remove: each version has its own URL, the replaced one is gone', async () => {
      const generated = (await video()).thumbnailUrl;
      assert.match(generated, /\/poster\.jpg$/);

      const first = await put(jpeg, 'image/jpeg');
      assert.equal(first.statusCode, 200, first.body);
      const firstUrl = json(first).data.thumbnailUrl as string;
      assert.match(firstUrl, new RegExp(`/media/videos/${videoId}/thumbnails/[\\w-]+\\.jpg$`));
      assert.equal(json(first).data.customThumbnail, 'shown');
      assert.equal((await video()).thumbnailUrl, firstUrl, 'guests see it too');
      assert.equal((await video()).customThumbnail, null, 'only the owner is told where it comes from');

      const served = await fetchMedia(firstUrl);
      assert.equal(served.statusCode, 200);
      assert.equal(served.headers['content-type'], 'image/jpeg');
      assert.match(String(served.headers['cache-control']), /immutable/);
      assert.notDeepEqual(served.rawPayload, jpeg, 'our own encode, not the uploaded bytes');

      const second = await put(png, 'image/png');
      assert.equal(second.statusCode, 200, second.body);
      const secondUrl = json(second).data.thumbnailUrl as string;
      assert.notEqual(secondUrl, firstUrl);
      assert.equal((await fetchMedia(firstUrl)).statusCode, 404, 'the replaced picture is not served');
      assert.equal((await storedThumbnails()).length, 1, 'and not stored');
      const storedBytes = async () =>
        (
          await t.platform.database.db
            .selectFrom('videos')
            .select('processed_bytes')
            .where('id', '=', videoId)
            .executeTakeFirstOrThrow()
        ).processed_bytes;
      const withThumbnail = await storedBytes();

      const third = await put(webp, 'image/webp');
      assert.equal(third.statusCode, 200, third.body);

      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${videoId}/thumbnail`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(removed.statusCode, 200, removed.body);
      assert.equal(json(removed).data.thumbnailUrl, generated);
      assert.equal(json(removed).data.customThumbnail, null);
      assert.deepEqual(await storedThumbnails(), []);
      assert.ok((await storedBytes())! < withThumbnail!, "the video's stored bytes no longer count it");
    });

    test('lists show the custom thumbnail: search and the creator list', async () => {
      const uploaded = json(await put(jpeg, 'image/jpeg')).data.thumbnailUrl as string;
      const mine = json(
        await t.app.inject({ method: 'GET', url: '/api/v1/me/videos', headers: bearer(t.creator.accessToken) }),
      );
      assert.equal(mine.data.find((item: { id: string }) => item.id === videoId).thumbnailUrl, uploaded);
      const search = json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=harbour' }));
      const hit = search.data.find((item: { id: string }) => item.id === videoId);
      assert.ok(hit, 'found');
      assert.equal(hit.thumbnailUrl, uploaded);
    });

    test('only the owner or an admin may change it', async () => {
      const stranger = await registerUser(t.app, { role: 'creator' });
      assert.equal((await put(jpeg, 'image/jpeg', stranger.accessToken)).statusCode, 403);
      const strangerDelete = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/videos/${videoId}/thumbnail`,
        headers: bearer(stranger.accessToken),
      });
      assert.equal(strangerDelete.statusCode, 403);
      const guest = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${videoId}/thumbnail`,
        headers: { 'content-type': 'image/jpeg' },
        payload: jpeg,
      });
      assert.equal(guest.statusCode, 401);
      const missing = await put(jpeg, 'image/jpeg', t.creator.accessToken, '00000000-0000-4000-8000-000000000000');
      assert.equal(missing.statusCode, 404);
      assert.equal((await put(png, 'image/png', await adminToken(t))).statusCode, 200, 'an admin may');
    });

    test('refused uploads: each with its own status and message, nothing stored', async () => {
      const before = await storedThumbnails();
      const refusals: [Buffer | string, string, number, RegExp][] = [
        [png, 'image/jpeg', 415, /is image\/png but was sent as image\/jpeg/],
        ['not a picture at all', 'image/jpeg', 415, /JPEG, PNG or WebP/],
        [jpeg, 'application/octet-stream', 415, /./],
        [Buffer.concat([jpeg.subarray(0, 3), Buffer.alloc(MAX_BYTES + 1)]), 'image/jpeg', 413, /./],
        [Buffer.concat([jpeg.subarray(0, 3), Buffer.from('garbage that is no JPEG')]), 'image/jpeg', 422, /./],
        [await landscapePicture(t.fixtures, 'small.jpg', '320x180'), 'image/jpeg', 422, /at least 640×360/],
      ];
      for (const [body, type, status, message] of refusals) {
        const response = await put(body, type);
        assert.equal(response.statusCode, status, `${type}: ${response.body}`);
        assert.equal(json(response).success, false);
        assert.match(json(response).error.message, message);
      }
      assert.deepEqual(await storedThumbnails(), before);
    });

    test('two uploads at once end with one thumbnail shown and one object stored', async () => {
      const [a, b] = await Promise.all([put(jpeg, 'image/jpeg'), put(webp, 'image/webp')]);
      assert.equal(a.statusCode, 200, a.body);
      assert.equal(b.statusCode, 200, b.body);
      const shown = (await video()).thumbnailUrl;
      const stored = await storedThumbnails();
      assert.equal(stored.length, 1, stored.join(', '));
      assert.ok(shown.endsWith(stored[0]!.slice(videoKeys(videoId).folder.length)), `${shown} vs ${stored[0]}`);
      const served = await fetchMedia(shown);
      assert.equal(served.statusCode, 200);
      assert.equal(sniffImageType(served.rawPayload), 'image/jpeg');
    });
  });
}
