import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { flushCounters } from '../views/engagement-test-support.ts';
import { waitFor } from '../videos/video-test-support.ts';
import { rebuildTrendingActivity } from './rebuild.ts';
import { refreshTrending } from './refresh.ts';

for (const kind of testDatabaseKinds()) {
  describe(`trending on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    let viewers: TestAccount[];
    before(async () => {
      t = await startTestApp(kind, { TRENDING_CACHE_SECONDS: '0' });
      startWorkers(t.platform, t.services);
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      viewers = await createAccounts(t, 5);
    });
    after(async () => {
      await t.close();
    });

    const ranking = async (query = '') => {
      const response = await call(t, 'GET', `/videos/trending?limit=100${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return json(response).data.map((video: { id: string }) => video.id) as string[];
    };
    /** Activity in the past cannot be made through the API: age it by inserting its bucket directly. */
    const pastActivity = (videoId: string, hoursAgo: number, column: 'likes' | 'views', amount: number) =>
      sql`insert into trending_activity (video_id, bucket, ${sql.ref(column)})
        values (${videoId}, now() - make_interval(hours => ${hoursAgo}), ${amount})`.execute(t.platform.database.db);
    const before_ = (ids: string[], first: string, second: string) => {
      assert.ok(ids.includes(first) && ids.includes(second), 'both rank');
      assert.ok(ids.indexOf(first) < ids.indexOf(second), `${first} should rank above ${second}`);
    };

    test('decay: fresh activity outranks bigger, older activity; each window has its own half-life and horizon', async () => {
      const old = await publishReadyVideo(t, creator);
      const fresh = await publishReadyVideo(t, creator);
      await pastActivity(old, 20, 'likes', 10); // 10 likes · 5, 20 hours ago
      for (const viewer of viewers.slice(0, 3))
        assert.equal((await call(t, 'POST', `/videos/${fresh}/like`, viewer)).statusCode, 200);
      await flushCounters(t);
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      // day (half-life 6 h): 50·2^(−20/6) ≈ 5 < 15. week (half-life 42 h): 50·2^(−20/42) ≈ 36 > 15.
      before_(await ranking('&window=day'), fresh, old);
      before_(await ranking('&window=week'), old, fresh);
      const hour = await ranking('&window=hour');
      assert.ok(hour.includes(fresh) && !hour.includes(old), 'a burst 20 hours ago is outside the hour window');
    });

    test('views, comments and watch time count with their weights; comments arrive through events', async () => {
      const commented = await publishReadyVideo(t, creator, { category: 'science' });
      const viewed = await publishReadyVideo(t, creator, { category: 'science', durationSeconds: 1800 });
      assert.equal(
        (await call(t, 'POST', '/comments', viewers[0], { videoId: commented, text: 'Great explanation' })).statusCode,
        201,
      );
      for (const viewer of viewers.slice(0, 2))
        assert.equal((await call(t, 'POST', `/videos/${viewed}/view`, viewer)).statusCode, 200);
      await waitFor('the comment event to reach trending', async () => {
        const row = await t.platform.database.db
          .selectFrom('trending_activity')
          .select('comments')
          .where('video_id', '=', commented)
          .executeTakeFirst();
        return Number(row?.comments) === 1 ? true : undefined;
      });
      await flushCounters(t);
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      before_(await ranking('&window=hour&category=science'), commented, viewed); // 3 > 2
      // Twenty minutes watched: 20 · 0.1 = 2 more, so 4 > 3.
      const progress = await call(t, 'PUT', `/videos/${viewed}/progress`, viewers[0], {
        positionSeconds: 50,
        watchedSeconds: 1200,
      });
      assert.equal(progress.statusCode, 200, progress.body);
      await flushCounters(t);
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      before_(await ranking('&window=hour&category=science'), viewed, commented);
    });

    test('private, unlisted and deleted videos never trend; the category filter keeps to its category', async () => {
      const hidden = await publishReadyVideo(t, creator, { visibility: 'private' });
      const unlisted = await publishReadyVideo(t, creator, { visibility: 'unlisted' });
      const removed = await publishReadyVideo(t, creator);
      const gaming = await publishReadyVideo(t, creator, { category: 'gaming' });
      for (const id of [hidden, unlisted, removed]) await pastActivity(id, 0, 'views', 10_000);
      await pastActivity(gaming, 0, 'views', 1);
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      assert.ok((await ranking()).includes(removed));
      // Deleted after the refresh: the read path drops it before the next one.
      assert.equal((await call(t, 'DELETE', `/videos/${removed}`, creator)).statusCode, 204);
      const overall = await ranking();
      for (const id of [hidden, unlisted, removed]) assert.ok(!overall.includes(id));
      assert.deepEqual(await ranking('&category=gaming'), [gaming]);
    });

    test('rebuild recomputes the buckets from likes, comments and daily stats', async () => {
      const video = await publishReadyVideo(t, creator);
      for (const viewer of viewers) await call(t, 'POST', `/videos/${video}/like`, viewer);
      await flushCounters(t);
      const totals = () =>
        t.platform.database.db
          .selectFrom('trending_activity')
          .select((eb) => [eb.fn.sum<number>('likes').as('likes'), eb.fn.sum<number>('views').as('views')])
          .where('video_id', '=', video)
          .executeTakeFirstOrThrow();
      const incremental = await totals();
      await sql`delete from trending_activity`.execute(t.platform.database.db);
      await rebuildTrendingActivity(t.platform.database.db);
      assert.deepEqual(await totals(), incremental);
      assert.equal(Number(incremental.likes), viewers.length);
    });

    test('bad parameters are precise 400s', async () => {
      const response = await call(t, 'GET', '/videos/trending?window=month');
      assert.equal(response.statusCode, 400);
      assert.equal(json(response).error.details[0].field, 'window');
      assert.equal((await call(t, 'GET', '/videos/trending?category=cats')).statusCode, 400);
      assert.equal((await call(t, 'GET', '/videos/trending?limit=500')).statusCode, 400);
    });
  });
}
