import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createReadyVideo, deleteVideo, flushCounters } from './engagement-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`watch progress and history on ${kind}`, () => {
    let t: TestApp;
    let creator: Awaited<ReturnType<typeof registerUser>>;
    before(async () => {
      t = await startTestApp(kind);
      creator = await registerUser(t.app, { role: 'creator' });
    });
    after(async () => {
      await t.close();
    });

    const report = (videoId: string, token: string, payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/videos/${videoId}/progress`, headers: bearer(token), payload });
    const progress = (videoId: string, token: string) =>
      t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/progress`, headers: bearer(token) });
    const history = (token: string, query = '') =>
      t.app.inject({ method: 'GET', url: `/api/v1/me/history${query}`, headers: bearer(token) });
    const pause = (token: string, paused: boolean) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/me/history/settings', headers: bearer(token), payload: { paused } });

    test('progress resumes at the last position, accumulates watched time, keeps completed unless told', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken, { durationSeconds: 120 });
      const viewer = await registerUser(t.app);
      assert.equal(json(await progress(videoId, viewer.accessToken)).data, null);

      const first = await report(videoId, viewer.accessToken, { positionSeconds: 30.5, watchedSeconds: 30 });
      assert.equal(first.statusCode, 200);
      assert.equal(json(first).data.recorded, true);
      assert.deepEqual(
        { ...json(first).data.progress, lastWatchedAt: undefined },
        { videoId, positionSeconds: 30.5, watchedSeconds: 30, completed: false, lastWatchedAt: undefined },
      );
      await report(videoId, viewer.accessToken, { positionSeconds: 121, watchedSeconds: 90.5, completed: true });
      await report(videoId, viewer.accessToken, { positionSeconds: 10, watchedSeconds: 10 });
      const resumed = json(await progress(videoId, viewer.accessToken)).data;
      assert.equal(resumed.positionSeconds, 10);
      assert.equal(resumed.watchedSeconds, 130.5);
      assert.equal(resumed.completed, true);

      await flushCounters(t);
      const stats = await t.platform.database.db
        .selectFrom('video_daily_stats')
        .selectAll()
        .where('video_id', '=', videoId)
        .executeTakeFirstOrThrow();
      assert.equal(stats.watch_seconds, 30 + 91 + 10);
    });

    test('bad reports are refused with the field named, and nothing is stored', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken, { durationSeconds: 60 });
      const viewer = await registerUser(t.app);
      const cases: [object, string][] = [
        [{ positionSeconds: -1, watchedSeconds: 0 }, 'positionSeconds'],
        [{ positionSeconds: 62, watchedSeconds: 0 }, 'positionSeconds'],
        [{ positionSeconds: 1, watchedSeconds: -5 }, 'watchedSeconds'],
        [{ positionSeconds: 1, watchedSeconds: 500 }, 'watchedSeconds'],
        [{ positionSeconds: 1 }, 'watchedSeconds'],
        [{ positionSeconds: 1, watchedSeconds: 1, completed: 'yes' }, 'completed'],
        [{ positionSeconds: 1, watchedSeconds: 1, extra: true }, 'body'],
      ];
      for (const [payload, field] of cases) {
        const response = await report(videoId, viewer.accessToken, payload);
        assert.equal(response.statusCode, 400, JSON.stringify(payload));
        assert.ok(
          json(response).error.details.some((detail: any) => detail.field === field),
          `${JSON.stringify(payload)} -> ${response.body}`,
        );
      }
      assert.equal(json(await progress(videoId, viewer.accessToken)).data, null);
      assert.equal(
        (
          await t.app.inject({
            method: 'PUT',
            url: `/api/v1/videos/${videoId}/progress`,
            payload: { positionSeconds: 1, watchedSeconds: 1 },
          })
        ).statusCode,
        401,
      );
      const privateVideo = await createReadyVideo(t, creator.accessToken, { visibility: 'private' });
      assert.equal(
        (await report(privateVideo, viewer.accessToken, { positionSeconds: 1, watchedSeconds: 1 })).statusCode,
        404,
      );
    });

    test('history: newest first with cursor pages, entries removable one by one or all, deleted videos hidden', async () => {
      const viewer = await registerUser(t.app);
      const videos: string[] = [];
      for (let n = 0; n < 4; n += 1) {
        const videoId = await createReadyVideo(t, creator.accessToken);
        videos.push(videoId);
        await report(videoId, viewer.accessToken, { positionSeconds: n, watchedSeconds: 1 });
      }
      // Watching an old video again brings it to the top.
      await report(videos[0]!, viewer.accessToken, { positionSeconds: 5, watchedSeconds: 1 });
      const page1 = json(await history(viewer.accessToken, '?limit=3'));
      assert.deepEqual(
        page1.data.map((entry: any) => entry.video.id),
        [videos[0], videos[3], videos[2]],
      );
      assert.equal(page1.data[0].positionSeconds, 5);
      assert.equal(page1.data[0].video.title, 'A test video');
      const page2 = json(await history(viewer.accessToken, `?limit=3&cursor=${page1.meta.nextCursor}`));
      assert.deepEqual(
        page2.data.map((entry: any) => entry.video.id),
        [videos[1]],
      );
      assert.equal(page2.meta.nextCursor, null);

      await deleteVideo(t, creator.accessToken, videos[3]!);
      const removed = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/history/${videos[2]}`,
        headers: bearer(viewer.accessToken),
      });
      assert.equal(removed.statusCode, 204);
      assert.deepEqual(
        json(await history(viewer.accessToken)).data.map((entry: any) => entry.video.id),
        [videos[0], videos[1]],
      );
      assert.equal(
        json(await progress(videos[2]!, viewer.accessToken)).data,
        null,
        'removing an entry forgets its resume position',
      );

      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: '/api/v1/me/history', headers: bearer(viewer.accessToken) }))
          .statusCode,
        204,
      );
      assert.deepEqual(json(await history(viewer.accessToken)).data, []);
      assert.equal((await history(viewer.accessToken, '?cursor=%%%')).statusCode, 400);
      assert.equal(
        (
          await t.app.inject({
            method: 'DELETE',
            url: '/api/v1/me/history/not-a-uuid',
            headers: bearer(viewer.accessToken),
          })
        ).statusCode,
        400,
      );
    });

    test('a paused history records nothing new but keeps what it had; resuming records again', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const viewer = await registerUser(t.app);
      await report(videoId, viewer.accessToken, { positionSeconds: 12, watchedSeconds: 12 });
      assert.deepEqual(json(await pause(viewer.accessToken, true)).data, { paused: true });
      assert.deepEqual(
        json(
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/me/history/settings',
            headers: bearer(viewer.accessToken),
          }),
        ).data,
        { paused: true },
      );

      const whilePaused = json(
        await report(videoId, viewer.accessToken, { positionSeconds: 40, watchedSeconds: 28 }),
      ).data;
      assert.equal(whilePaused.recorded, false);
      assert.equal(whilePaused.progress.positionSeconds, 12);
      const other = await createReadyVideo(t, creator.accessToken);
      assert.equal(
        json(await report(other, viewer.accessToken, { positionSeconds: 3, watchedSeconds: 3 })).data.progress,
        null,
      );
      assert.deepEqual(
        json(await history(viewer.accessToken)).data.map((entry: any) => entry.video.id),
        [videoId],
      );

      await pause(viewer.accessToken, false);
      assert.equal(
        json(await report(other, viewer.accessToken, { positionSeconds: 3, watchedSeconds: 3 })).data.recorded,
        true,
      );
      assert.equal(json(await history(viewer.accessToken)).data.length, 2);
      assert.equal(
        (
          await t.app.inject({
            method: 'PUT',
            url: '/api/v1/me/history/settings',
            headers: bearer(viewer.accessToken),
            payload: { paused: 'no' },
          })
        ).statusCode,
        400,
      );
    });
  });
}
