import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { CounterFlusher } from '../../platform/counters/counter-flusher.ts';
import { openDatabase } from '../../platform/db/database.ts';
import { adminToken } from '../videos/video-test-support.ts';
import {
  createReadyVideo,
  deleteVideo,
  flushCounters,
  insertViewers,
  storedCounts,
} from '../views/engagement-test-support.ts';
import { LIKES_COUNTER, likeCountProjection, rebuildLikeCounts } from './like-counts.ts';

const counterMode = process.env.REDIS_URL ? 'Redis counters' : 'in-process counters';

for (const kind of testDatabaseKinds()) {
  describe(`likes on ${kind} with ${counterMode}`, () => {
    let t: TestApp;
    let creator: Awaited<ReturnType<typeof registerUser>>;
    before(async () => {
      t = await startTestApp(kind);
      creator = await registerUser(t.app, { role: 'creator' });
    });
    after(async () => {
      await t.close();
    });

    const like = (videoId: string, token: string, method: 'POST' | 'DELETE' = 'POST') =>
      t.app.inject({ method, url: `/api/v1/videos/${videoId}/like`, headers: bearer(token) });
    const likeRows = async (videoId: string) =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from likes where video_id = ${videoId}`.execute(
            t.platform.database.db,
          )
        ).rows[0]?.n,
      );

    test('liking twice is one like, unliking twice is none; the shown count is stored + pending', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const fan = await registerUser(t.app);
      const first = await like(videoId, fan.accessToken);
      assert.equal(first.statusCode, 200);
      assert.deepEqual(json(first).data, { liked: true, likes: 1 });
      assert.deepEqual(json(await like(videoId, fan.accessToken)).data, { liked: true, likes: 1 });
      assert.equal((await storedCounts(t, videoId)).like_count, 0, 'nothing is written before a flush');

      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).like_count, 1);
      assert.deepEqual(json(await like(videoId, fan.accessToken)).data, { liked: true, likes: 1 });

      assert.deepEqual(json(await like(videoId, fan.accessToken, 'DELETE')).data, { liked: false, likes: 0 });
      assert.deepEqual(json(await like(videoId, fan.accessToken, 'DELETE')).data, { liked: false, likes: 0 });
      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).like_count, 0);
      assert.equal(await likeRows(videoId), 0);

      // One event per row that really changed, written with the row (the repeats wrote none).
      const events = await sql<{ topic: string; partition_key: string; payload: unknown }>`
        select topic, partition_key, payload from outbox_events
        where topic like 'like.%' and partition_key = ${videoId} order by id`.execute(t.platform.database.db);
      const payload = { videoId, userId: fan.user.id, creatorId: creator.user.id };
      assert.deepEqual(events.rows, [
        { topic: 'like.created', partition_key: videoId, payload },
        { topic: 'like.deleted', partition_key: videoId, payload },
      ]);
    });

    test('video responses carry the live like count and hasLiked for the caller', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const fan = await registerUser(t.app);
      await like(videoId, fan.accessToken);
      const asFan = json(
        await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}`, headers: bearer(fan.accessToken) }),
      ).data;
      assert.equal(asFan.likes, 1, 'counted before any flush');
      assert.equal(asFan.hasLiked, true);
      const asGuest = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}` })).data;
      assert.equal(asGuest.likes, 1);
      assert.equal(asGuest.hasLiked, false);
    });

    test('only ready videos the caller can see can be liked; bad input is a precise 4xx', async () => {
      const fan = await registerUser(t.app);
      const privateVideo = await createReadyVideo(t, creator.accessToken, { visibility: 'private' });
      assert.equal((await like(privateVideo, fan.accessToken)).statusCode, 404);
      assert.equal((await like(privateVideo, creator.accessToken)).statusCode, 200, 'the owner sees a private video');

      const unprocessed = json(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/videos',
          headers: bearer(creator.accessToken),
          payload: { title: 'still uploading' },
        }),
      ).data.video.id;
      const notReady = await like(unprocessed, creator.accessToken);
      assert.equal(notReady.statusCode, 409);
      assert.equal(json(notReady).error.code, 'NOT_READY');

      assert.equal((await like('00000000-0000-4000-8000-000000000000', fan.accessToken)).statusCode, 404);
      const badId = await like('not-a-uuid', fan.accessToken);
      assert.equal(badId.statusCode, 400);
      assert.equal(json(badId).error.details[0].field, 'id');
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/v1/videos/${privateVideo}/like` })).statusCode,
        401,
      );
    });

    test('liked list: newest like first, cursor pages, live counts; deleted and hidden videos drop out', async () => {
      const fan = await registerUser(t.app);
      const videos: string[] = [];
      for (let n = 0; n < 5; n += 1) videos.push(await createReadyVideo(t, creator.accessToken));
      for (const videoId of videos) {
        assert.equal((await like(videoId, fan.accessToken)).statusCode, 200);
        // Like times are kept to the millisecond: two likes in the same one have no order between them.
        await new Promise((resolve) => setTimeout(resolve, 2));
      }

      const list = (query: string) =>
        t.app.inject({ method: 'GET', url: `/api/v1/videos/liked${query}`, headers: bearer(fan.accessToken) });
      const firstPage = json(await list('?limit=2'));
      assert.deepEqual(
        firstPage.data.map((item: any) => item.video.id),
        [videos[4], videos[3]],
      );
      assert.equal(firstPage.data[0].video.likes, 1, 'the pending like is shown');
      assert.ok(firstPage.data[0].likedAt);
      const secondPage = json(await list(`?limit=2&cursor=${firstPage.meta.nextCursor}`));
      assert.deepEqual(
        secondPage.data.map((item: any) => item.video.id),
        [videos[2], videos[1]],
      );
      const lastPage = json(await list(`?limit=2&cursor=${secondPage.meta.nextCursor}`));
      assert.deepEqual(
        lastPage.data.map((item: any) => item.video.id),
        [videos[0]],
      );
      assert.equal(lastPage.meta.nextCursor, null);

      await deleteVideo(t, creator.accessToken, videos[4]!);
      await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${videos[3]}`,
        headers: bearer(creator.accessToken),
        payload: { visibility: 'private' },
      });
      assert.deepEqual(
        json(await list('')).data.map((item: any) => item.video.id),
        [videos[2], videos[1], videos[0]],
      );
      assert.equal(await likeRows(videos[4]!), 1, 'the like row itself stays; only the list hides it');

      const malformed = await list('?cursor=bm90IGEgY3Vyc29y');
      assert.equal(malformed.statusCode, 400);
      assert.equal(json(malformed).error.details[0].field, 'cursor');
      assert.equal((await list('?limit=101')).statusCode, 400);
      assert.equal((await list('?limit=0')).statusCode, 400);
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/videos/liked' })).statusCode, 401);
    });

    /** like_count after a flush, the like rows, and whether any (user, video) appears twice. */
    const settled = async (videoId: string) => {
      await flushCounters(t);
      const duplicates =
        await sql`select user_id from likes where video_id = ${videoId} group by user_id having count(*) > 1`.execute(
          t.platform.database.db,
        );
      return {
        likeCount: (await storedCounts(t, videoId)).like_count,
        rows: await likeRows(videoId),
        duplicates: duplicates.rows.length,
      };
    };

    test('200 users like and unlike one video 1,000 times concurrently: after a flush like_count equals the rows', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const viewers = await insertViewers(t, 200);
      // All 200 users at once, each toggling 5 times at random; flushes run meanwhile, as the periodic
      // flusher would, so drains race increments too.
      const flushes: Promise<unknown>[] = [];
      const flushing = setInterval(() => flushes.push(flushCounters(t)), 50);
      const statuses = (
        await Promise.all(
          viewers.map(async (viewer, index) => {
            const seen: number[] = [];
            for (let toggle = 0; toggle < 5; toggle += 1) {
              seen.push((await like(videoId, viewer.token, Math.random() < 0.6 ? 'POST' : 'DELETE')).statusCode);
              // The embedded database can answer every toggle before a timer fires: race some drains here too.
              if (toggle === 2 && index % 20 === 0) flushes.push(flushCounters(t));
            }
            return seen;
          }),
        )
      ).flat();
      clearInterval(flushing);
      await Promise.all(flushes);
      assert.ok(flushes.length > 0);
      assert.equal(statuses.length, 1000);
      assert.deepEqual([...new Set(statuses)], [200]);

      const { likeCount, rows, duplicates } = await settled(videoId);
      assert.equal(likeCount, rows);
      assert.equal(duplicates, 0);
      // A repeated (no-op) toggle answers with the count as shown: exactly the rows, nothing pending.
      const first = viewers[0]!;
      const likesIt =
        (
          await t.platform.database.db
            .selectFrom('likes')
            .select('user_id')
            .where('user_id', '=', first.id)
            .where('video_id', '=', videoId)
            .execute()
        ).length > 0;
      assert.equal(json(await like(videoId, first.token, likesIt ? 'POST' : 'DELETE')).data.likes, rows);
    });

    test('double clicks: the same like (or unlike) sent twice at the same moment counts once', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const viewers = await insertViewers(t, 50);
      const twice = (method: 'POST' | 'DELETE') =>
        Promise.all(
          viewers.flatMap((viewer) => [like(videoId, viewer.token, method), like(videoId, viewer.token, method)]),
        );
      assert.ok((await twice('POST')).every((response) => response.statusCode === 200));
      assert.deepEqual(await settled(videoId), { likeCount: 50, rows: 50, duplicates: 0 });
      assert.ok((await twice('DELETE')).every((response) => response.statusCode === 200));
      assert.deepEqual(await settled(videoId), { likeCount: 0, rows: 0, duplicates: 0 });
    });

    test('a crash that loses the buffered deltas loses no like: the rows stay and rebuild recomputes the count', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const viewers = await insertViewers(t, 3);
      for (const viewer of viewers) await like(videoId, viewer.token);
      const counters = t.services.counters;
      // What a restart of an in-process buffer amounts to: the deltas are gone, the rows are not.
      await counters.drain(LIKES_COUNTER);
      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).like_count, 0);
      assert.equal(await likeRows(videoId), 3);

      await like(videoId, viewers[0]!.token, 'DELETE');
      assert.ok((await rebuildLikeCounts(t.platform.database.db, counters)) >= 1);
      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).like_count, 2, 'the pending unlike was part of the rows already');
    });

    test('a failed flush puts the deltas back and the next flush writes them', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const fan = await registerUser(t.app);
      await like(videoId, fan.accessToken);
      const counters = t.services.counters;
      // A database that is down: nothing listens on port 1.
      const unreachable = await openDatabase({ url: 'postgres://streamhub@127.0.0.1:1/down' });
      const failing = new CounterFlusher({
        counters,
        db: unreachable.db,
        projections: [likeCountProjection],
        intervalMs: 1000,
        logger: t.platform.logger,
      });
      await assert.rejects(failing.flush());
      await unreachable.close();
      assert.equal(await counters.pending(LIKES_COUNTER, videoId), 1);
      await flushCounters(t);
      assert.equal((await storedCounts(t, videoId)).like_count, 1);
      assert.equal(await counters.pending(LIKES_COUNTER, videoId), 0);
    });

    test('an admin sees likes of any visible video; the OpenAPI document lists the routes', async () => {
      const admin = await adminToken(t);
      const privateVideo = await createReadyVideo(t, creator.accessToken, { visibility: 'private' });
      assert.equal((await like(privateVideo, admin)).statusCode, 200);
      const spec = json<any>(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }));
      assert.ok(spec.paths['/api/v1/videos/{id}/like'].post);
      assert.ok(spec.paths['/api/v1/videos/{id}/like'].delete);
      assert.ok(spec.paths['/api/v1/videos/liked'].get);
    });
  });
}
