import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createReadyVideo, flushCounters, storedCounts } from './engagement-test-support.ts';
import { MemoryViewDedupe } from './view-dedupe.ts';

const counterMode = process.env.REDIS_URL ? 'Redis' : 'in-process';

describe('in-process view dedupe', () => {
  test('a key counts once per window, again after it; the map stays bounded', async () => {
    let now = 0;
    const dedupe = new MemoryViewDedupe(1000, 3, () => now);
    assert.equal(await dedupe.firstInWindow('a'), true);
    assert.equal(await dedupe.firstInWindow('a'), false);
    now = 999;
    assert.equal(await dedupe.firstInWindow('a'), false);
    now = 1000;
    assert.equal(await dedupe.firstInWindow('a'), true);
    for (const key of ['b', 'c', 'd']) assert.equal(await dedupe.firstInWindow(key), true);
    // 'a' was the oldest of four entries in a map of three: evicted, so it may count again early.
    assert.equal(await dedupe.firstInWindow('a'), true);
    assert.equal(await dedupe.firstInWindow('d'), false);
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`views on ${kind} with ${counterMode} counters and dedupe`, () => {
    let t: TestApp;
    let creator: Awaited<ReturnType<typeof registerUser>>;
    before(async () => {
      t = await startTestApp(kind);
      creator = await registerUser(t.app, { role: 'creator' });
    });
    after(async () => {
      await t.close();
    });

    const view = (videoId: string, headers: Record<string, string> = {}, app = t.app) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/view`,
        headers: { 'user-agent': 'test-player/1', ...headers },
      });

    test('each viewer counts once per window: account, session header, session cookie, else IP and user agent', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const fan = await registerUser(t.app);
      const first = await view(videoId);
      assert.equal(first.statusCode, 200);
      assert.deepEqual(json(first).data, { counted: true, views: 1 });
      assert.deepEqual(json(await view(videoId)).data, { counted: false, views: 1 });
      assert.equal(json(await view(videoId, { 'user-agent': 'another-browser/2' })).data.counted, true);
      assert.equal(json(await view(videoId, { 'x-session-id': 'session-one-123' })).data.counted, true);
      assert.equal(json(await view(videoId, { 'x-session-id': 'session-one-123' })).data.counted, false);
      assert.equal(
        json(await view(videoId, { cookie: 'theme=dark; streamhub_sid=session-two-456' })).data.counted,
        true,
      );
      assert.equal(json(await view(videoId, { cookie: 'streamhub_sid=session-two-456' })).data.counted, false);
      assert.equal(json(await view(videoId, bearer(fan.accessToken))).data.counted, true);
      const again = json(await view(videoId, { ...bearer(fan.accessToken), 'x-session-id': 'other-session-789' })).data;
      assert.deepEqual(again, { counted: false, views: 5 }, 'a signed-in viewer is the account, whatever the session');

      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).view_count, 5);
      const stats = await t.platform.database.db
        .selectFrom('video_daily_stats')
        .selectAll()
        .where('video_id', '=', videoId)
        .execute();
      assert.equal(stats.length, 1);
      assert.equal(stats[0]!.views, 5);
      assert.deepEqual(json(await view(videoId)).data, { counted: false, views: 5 });
    });

    test('the same viewer counts again once the window has passed', async () => {
      // A 300 ms window, so the test can watch it expire.
      const short = await startTestApp(kind, { VIEW_DEDUPE_MINUTES: '0.005' });
      try {
        const owner = await registerUser(short.app, { role: 'creator' });
        const videoId = await createReadyVideo(short, owner.accessToken);
        assert.equal(json(await view(videoId, {}, short.app)).data.counted, true);
        await sleep(400);
        assert.deepEqual(json(await view(videoId, {}, short.app)).data, { counted: true, views: 2 });
      } finally {
        await short.close();
      }
    });

    test('only ready videos the viewer can see; a malformed session id is refused', async () => {
      const privateVideo = await createReadyVideo(t, creator.accessToken, { visibility: 'private' });
      assert.equal((await view(privateVideo)).statusCode, 404);
      assert.equal((await view(privateVideo, bearer(creator.accessToken))).statusCode, 200);
      const uploading = json(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/videos',
          headers: bearer(creator.accessToken),
          payload: { title: 'not yet' },
        }),
      ).data.video.id;
      assert.equal((await view(uploading, bearer(creator.accessToken))).statusCode, 409);
      const bad = await view(privateVideo, { 'x-session-id': 'bad id!' });
      assert.equal(bad.statusCode, 400);
      assert.equal(json(bad).error.details[0].field, 'x-session-id');
      assert.equal((await view('nope')).statusCode, 400);
    });

    test('concurrent views of distinct viewers all count, exactly once each', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const sessions = Array.from({ length: 100 }, (_, n) => `concurrent-session-${n}`);
      const responses = await Promise.all(
        [...sessions, ...sessions].map((session) => view(videoId, { 'x-session-id': session })),
      );
      assert.equal(responses.filter((response) => json(response).data.counted).length, 100);
      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).view_count, 100);
    });
  });
}
