import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { publishReadyVideo } from '../feeds/feed-test-support.ts';
import { refreshTrending } from '../trending/refresh.ts';
import { waitFor } from '../videos/video-test-support.ts';
import { DIVERSITY_WINDOW, MAX_PER_CHANNEL } from './ranker.ts';

interface Item {
  reason: string;
  source: string;
  video: { id: string; creatorId?: string; creator?: { id: string } };
}

const DAY_MS = 86_400_000;

for (const kind of testDatabaseKinds()) {
  describe(`recommendations on ${kind}`, () => {
    let t: TestApp;
    const db = () => t.platform.database.db;

    before(async () => {
      t = await startTestApp(kind, { TRENDING_CACHE_SECONDS: '0' });
      startWorkers(t.platform, t.services);
    });
    after(async () => {
      await t.close();
    });

    const forYou = async (as?: TestAccount, query = 'limit=50') => {
      const response = await call(t, 'GET', `/recommendations?${query}`, as);
      assert.equal(response.statusCode, 200, response.body);
      return json(response) as { data: Item[]; meta: { nextCursor: string | null } };
    };
    const ids = (items: Item[]) => items.map((item) => item.video.id);
    const watch = async (viewer: TestAccount, videoId: string, completed = false) => {
      const response = await call(t, 'PUT', `/videos/${videoId}/progress`, viewer, {
        positionSeconds: completed ? 60 : 20,
        watchedSeconds: completed ? 60 : 20,
        completed,
      });
      assert.equal(response.statusCode, 200, response.body);
    };
    const makeTrending = async (views: Record<string, number>) => {
      for (const [videoId, count] of Object.entries(views))
        await sql`insert into trending_activity (video_id, bucket, views) values (${videoId}, now(), ${count})`.execute(
          db(),
        );
      await refreshTrending(db(), t.services.trendingStore);
    };
    const channelOf = async (videoId: string) =>
      (await db().selectFrom('videos').select('creator_id').where('id', '=', videoId).executeTakeFirstOrThrow())
        .creator_id;

    test('guests get trending and fresh uploads, each with a reason, paged by cursor', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const science = await publishReadyVideo(t, creator, {
        category: 'science',
        publishedAt: new Date(Date.now() - 3 * DAY_MS),
      });
      const fresh = await publishReadyVideo(t, creator);
      const secret = await publishReadyVideo(t, creator, { visibility: 'private' });
      await makeTrending({ [science]: 80, [secret]: 999 });

      const { data, meta } = await forYou(undefined, 'limit=50');
      const reasonOf = (id: string) => data.find((item) => item.video.id === id)?.reason;
      assert.equal(reasonOf(science), 'Popular in Science');
      assert.ok(reasonOf(fresh), 'the fresh upload is recommended');
      assert.equal(reasonOf(secret), undefined, 'never a private video');
      assert.ok(data.every((item) => item.reason.length > 0 && ['trending', 'fresh'].includes(item.source)));
      assert.equal(new Set(ids(data)).size, data.length, 'no repeats');
      assert.equal(meta.nextCursor, null);

      const first = await forYou(undefined, 'limit=1');
      assert.equal(first.data.length, 1);
      assert.ok(first.meta.nextCursor);
      const second = await forYou(undefined, `limit=1&cursor=${encodeURIComponent(first.meta.nextCursor!)}`);
      assert.notEqual(second.data[0]?.video.id, first.data[0]?.video.id, 'the next page goes on');
      assert.equal((await call(t, 'GET', '/recommendations?cursor=garbage')).statusCode, 400);
      assert.equal((await call(t, 'GET', '/recommendations?limit=51')).statusCode, 400);
    });

    test('no channel appears more than twice in any ten consecutive items', async () => {
      const [prolific, ...others] = (await createAccounts(t, 5, 'creator')) as TestAccount[];
      const many: string[] = [];
      for (let n = 0; n < 8; n += 1) many.push(await publishReadyVideo(t, prolific!, { category: 'gaming' }));
      for (const other of others) await publishReadyVideo(t, other!);
      await makeTrending(Object.fromEntries(many.map((id, index) => [id, 500 - index])));

      const { data } = await forYou(undefined, 'limit=50');
      const channels = await Promise.all(ids(data).map(channelOf));
      for (let start = 0; start + DIVERSITY_WINDOW <= channels.length; start += 1) {
        const window = channels.slice(start, start + DIVERSITY_WINDOW);
        for (const channel of new Set(window))
          assert.ok(window.filter((c) => c === channel).length <= MAX_PER_CHANNEL, `window at ${start}`);
      }
      assert.ok(ids(data).filter((id) => many.includes(id)).length >= MAX_PER_CHANNEL, 'the channel is still there');
    });

    test('signed-in viewers get co-watch, similar and subscription reasons, never what they watched', async () => {
      const [cooking, baking, followed, other] = (await createAccounts(t, 4, 'creator')) as TestAccount[];
      const [early, viewer] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const pasta = await publishReadyVideo(t, cooking!, { title: 'Fresh pasta at home' });
      const sauce = await publishReadyVideo(t, baking!, {
        title: 'Tomato sauce',
        publishedAt: new Date(Date.now() - 40 * DAY_MS),
      });
      const liked = await publishReadyVideo(t, other!, { title: 'Night sky photography' });
      const nearLiked = await publishReadyVideo(t, other!, {
        title: 'Stars over the desert',
        publishedAt: new Date(Date.now() - 60 * DAY_MS),
      });
      const farFromLiked = await publishReadyVideo(t, cooking!, {
        title: 'Knife skills',
        publishedAt: new Date(Date.now() - 60 * DAY_MS),
      });
      const subscribed = await publishReadyVideo(t, followed!, { publishedAt: new Date(Date.now() - 50 * DAY_MS) });
      // Meaning vectors as the analysis would store them (unit length): the liked video and its neighbour are close.
      for (const [videoId, vector] of [
        [liked, [1, 0, 0]],
        [nearLiked, [0.96, 0.28, 0]],
        [farFromLiked, [0, 0, 1]],
      ] as const)
        await db()
          .insertInto('video_embeddings')
          .values({ video_id: videoId, model: 'test-model', content_hash: videoId, embedding: [...vector] })
          .execute();

      // An earlier viewer watched the pasta video, then finished the sauce one: a co-watch pair.
      await watch(early, pasta);
      await watch(early, sauce, true);
      await waitFor('the co-watch pair to be counted', async () => {
        const row = await db()
          .selectFrom('recommendation_cowatch')
          .select('viewers')
          .where('video_id', '=', pasta)
          .where('other_video_id', '=', sauce)
          .executeTakeFirst();
        return row?.viewers === 1 ? row : undefined;
      });
      // Finishing it again (or the event arriving twice) does not count the viewer twice.
      await watch(early, sauce, true);

      assert.equal((await call(t, 'POST', `/users/${followed!.id}/subscribe`, viewer)).statusCode, 200);
      assert.equal((await call(t, 'POST', `/videos/${liked}/like`, viewer)).statusCode, 200);
      await watch(viewer, pasta);
      await watch(viewer, liked);

      const items = await waitFor('co-watch to reach the viewer', async () => {
        await t.services.recommendations.invalidate(viewer.id);
        const { data } = await forYou(viewer);
        return data.some((item) => item.video.id === sauce) ? data : undefined;
      });
      const reasonOf = (id: string) => items.find((item) => item.video.id === id)?.reason;
      assert.equal(reasonOf(sauce), 'Because you watched Fresh pasta at home');
      assert.equal(reasonOf(nearLiked), 'Because you watched Night sky photography');
      assert.equal(reasonOf(subscribed), 'From your subscriptions');
      assert.equal(reasonOf(pasta), undefined, 'watched videos are left out');
      assert.equal(reasonOf(liked), undefined, 'watched videos are left out');
      assert.ok(items.every((item) => item.reason.length > 0));
      const cowatchRow = await db()
        .selectFrom('recommendation_cowatch')
        .select('viewers')
        .where('video_id', '=', pasta)
        .where('other_video_id', '=', sauce)
        .executeTakeFirstOrThrow();
      assert.equal(cowatchRow.viewers, 1, 'a second completion is not counted again');
    });

    test('a new watch drops the cached list, so the watched video leaves it', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      const next = await publishReadyVideo(t, creator, { title: 'Watched next' });
      await makeTrending({ [next]: 900 });
      assert.ok(ids((await forYou(viewer)).data).includes(next));
      const cached = await db()
        .selectFrom('recommendation_cache')
        .select('user_id')
        .where('user_id', '=', viewer.id)
        .executeTakeFirst();
      assert.ok(cached, 'the list is cached');
      // A second read serves the cache: a video published since does not appear until it is dropped.
      const later = await publishReadyVideo(t, creator, { title: 'Published after the cache' });
      assert.ok(!ids((await forYou(viewer)).data).includes(later), 'served from the cache');

      await watch(viewer, next);
      await waitFor('the cached list to be dropped', async () => {
        const list = ids((await forYou(viewer)).data);
        return !list.includes(next) && list.includes(later) ? list : undefined;
      });
    });

    test('"Not interested" hides the video, lowers its channel, is idempotent and validated', async () => {
      const [dull, ...rest] = (await createAccounts(t, 4, 'creator')) as TestAccount[];
      const [viewer] = (await createAccounts(t, 1)) as [TestAccount];
      const hidden = await publishReadyVideo(t, dull!, { title: 'Dull one' });
      const sibling = await publishReadyVideo(t, dull!, { title: 'Dull two' });
      const rivals: string[] = [];
      for (const creator of rest) rivals.push(await publishReadyVideo(t, creator!));
      await makeTrending({ [hidden]: 3000, [sibling]: 2900, ...Object.fromEntries(rivals.map((id) => [id, 1000])) });

      const before = ids((await forYou(viewer)).data);
      assert.ok(before.indexOf(sibling) < before.indexOf(rivals[0]!), 'the channel ranks high at first');

      for (let attempt = 0; attempt < 2; attempt += 1) {
        const marked = await call(t, 'POST', `/videos/${hidden}/not-interested`, viewer);
        assert.equal(marked.statusCode, 200, marked.body);
        assert.deepEqual(json(marked).data, { videoId: hidden, hidden: true });
      }
      const afterMark = ids((await forYou(viewer)).data);
      assert.ok(!afterMark.includes(hidden), 'hidden at once');
      assert.ok(afterMark.indexOf(sibling) > afterMark.indexOf(rivals[0]!), 'its channel is lowered');
      assert.ok(ids((await forYou()).data).includes(hidden), 'only for this viewer');

      assert.equal((await call(t, 'POST', `/videos/not-a-uuid/not-interested`, viewer)).statusCode, 400);
      assert.equal(
        (await call(t, 'POST', `/videos/00000000-0000-4000-8000-000000000000/not-interested`, viewer)).statusCode,
        404,
      );
      assert.equal((await call(t, 'POST', `/videos/${hidden}/not-interested`)).statusCode, 401);
      assert.equal((await call(t, 'POST', `/videos/${hidden}/not-interested`, dull)).statusCode, 422);

      for (let attempt = 0; attempt < 2; attempt += 1) {
        const undone = await call(t, 'DELETE', `/videos/${hidden}/not-interested`, viewer);
        assert.equal(undone.statusCode, 200, undone.body);
        assert.deepEqual(json(undone).data, { videoId: hidden, hidden: false });
      }
      assert.ok(ids((await forYou(viewer)).data).includes(hidden), 'back after the undo');
    });
  });
}
