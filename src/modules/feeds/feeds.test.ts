import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { waitFor } from '../videos/video-test-support.ts';
import { publishReadyVideo, readWholeFeed, waitForFeed } from './feed-test-support.ts';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

for (const kind of testDatabaseKinds()) {
  describe(`subscriptions feed on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    // Channels with more than 2 subscribers are "celebrities" here: read by pull, never fanned out.
    before(async () => {
      t = await startTestApp(kind, { FEED_CELEBRITY_THRESHOLD: '2', FEED_BACKFILL_VIDEOS: '3' });
      startWorkers(t.platform, t.services);
    });
    after(async () => {
      await t.close();
    });

    const subscribe = async (who: TestAccount, channel: TestAccount) => {
      const response = await call(t, 'POST', `/users/${channel.id}/subscribe`, who);
      assert.equal(response.statusCode, 200, response.body);
    };
    const stored = async (reader: TestAccount) =>
      (await t.services.feedStore.read(reader.id, 1000)).map((entry) => entry.videoId);

    test('pushed and pulled channels merge newest first; pages neither repeat nor skip while uploads arrive', async () => {
      const [small, big, reader, fan1, fan2] = (await createAccounts(t, 5, 'creator')) as TestAccount[] as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      await subscribe(reader, small);
      for (const follower of [reader, fan1, fan2]) await subscribe(follower, big);
      const published: { id: string; at: Date }[] = [];
      for (let minute = 10; minute >= 1; minute -= 1) {
        const at = minutesAgo(minute);
        published.push({ id: await publishReadyVideo(t, minute % 2 === 0 ? small : big, { publishedAt: at }), at });
      }
      const expected = published.sort((a, b) => b.at.getTime() - a.at.getTime()).map((video) => video.id);
      await waitForFeed(t, reader, expected);
      // Only the small channel's five uploads were fanned out into the stored feed; the big one's are pulled.
      const smallOnes = expected.filter((_, index) => index % 2 === 1);
      assert.deepEqual(await stored(reader), smallOnes);

      const first = json(await call(t, 'GET', '/feed/subscriptions?limit=3', reader));
      assert.deepEqual(
        first.data.map((video: { id: string }) => video.id),
        expected.slice(0, 3),
      );
      assert.ok(first.meta.nextCursor);
      // New uploads from both channels land above the cursor: the following pages must not see them.
      const newSmall = await publishReadyVideo(t, small);
      await publishReadyVideo(t, big);
      await waitFor('the new upload to be fanned out', async () =>
        (await stored(reader)).includes(newSmall) ? true : undefined,
      );
      const rest: string[] = [];
      let cursor: string | null = first.meta.nextCursor;
      while (cursor) {
        const page = json(
          await call(t, 'GET', `/feed/subscriptions?limit=3&cursor=${encodeURIComponent(cursor)}`, reader),
        );
        rest.push(...page.data.map((video: { id: string }) => video.id));
        cursor = page.meta.nextCursor;
      }
      assert.deepEqual(rest, expected.slice(3));
    });

    test('the same uploads come out in the same order whether they were fanned out or pulled', async () => {
      const [channel, reader] = (await createAccounts(t, 2, 'creator')) as [TestAccount, TestAccount];
      await subscribe(reader, channel);
      const ids: string[] = [];
      // Two uploads share a publish time: the video id must break the tie identically on both paths.
      const tie = minutesAgo(30);
      for (const at of [minutesAgo(50), tie, tie, minutesAgo(10)])
        ids.push(await publishReadyVideo(t, channel, { publishedAt: at }));
      const pushedOrder = await waitFor('all four to be fanned out', async () => {
        const feed = await readWholeFeed(t, reader, 2);
        return feed.length === 4 && (await stored(reader)).length === 4 ? feed : undefined;
      });
      const feeds = t.platform.config.feeds;
      const threshold = feeds.celebrityThreshold;
      try {
        await t.services.feedStore.clear();
        feeds.celebrityThreshold = 0;
        assert.deepEqual(await readWholeFeed(t, reader, 2), pushedOrder);
      } finally {
        feeds.celebrityThreshold = threshold;
      }
    });

    test('unsubscribing drops the channel from the feed at once and from the stored feed soon after', async () => {
      const [channel, other, reader] = (await createAccounts(t, 3, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      await subscribe(reader, channel);
      await subscribe(reader, other);
      const kept = await publishReadyVideo(t, other, { publishedAt: minutesAgo(5) });
      const gone = await publishReadyVideo(t, channel, { publishedAt: minutesAgo(4) });
      await waitForFeed(t, reader, [gone, kept]);
      assert.equal((await call(t, 'DELETE', `/users/${channel.id}/subscribe`, reader)).statusCode, 204);
      assert.deepEqual(await readWholeFeed(t, reader), [kept]);
      await waitFor('the stored feed to forget the channel', async () =>
        JSON.stringify(await stored(reader)) === JSON.stringify([kept]) ? true : undefined,
      );
    });

    test('a video made private or deleted leaves every feed', async () => {
      const [channel, reader1, reader2] = (await createAccounts(t, 3, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      await subscribe(reader1, channel);
      await subscribe(reader2, channel);
      const hidden = await publishReadyVideo(t, channel, { publishedAt: minutesAgo(3) });
      const deleted = await publishReadyVideo(t, channel, { publishedAt: minutesAgo(2) });
      const stays = await publishReadyVideo(t, channel, { publishedAt: minutesAgo(1) });
      await waitForFeed(t, reader2, [stays, deleted, hidden]);
      assert.equal((await call(t, 'PUT', `/videos/${hidden}`, channel, { visibility: 'private' })).statusCode, 200);
      assert.equal((await call(t, 'DELETE', `/videos/${deleted}`, channel)).statusCode, 204);
      assert.deepEqual(await readWholeFeed(t, reader1), [stays]);
      for (const reader of [reader1, reader2]) {
        await waitFor('removal from the stored feed', async () =>
          JSON.stringify(await stored(reader)) === JSON.stringify([stays]) ? true : undefined,
        );
      }
      // Made public again: it comes back through a new fan-out.
      assert.equal((await call(t, 'PUT', `/videos/${hidden}`, channel, { visibility: 'public' })).statusCode, 200);
      await waitForFeed(t, reader1, [stays, hidden]);
    });

    test("subscribing backfills the channel's most recent uploads", async () => {
      const [channel, reader] = (await createAccounts(t, 2, 'creator')) as [TestAccount, TestAccount];
      const ids: string[] = [];
      for (let minute = 50; minute >= 10; minute -= 10)
        ids.push(await publishReadyVideo(t, channel, { publishedAt: minutesAgo(minute) }));
      await subscribe(reader, channel);
      // FEED_BACKFILL_VIDEOS = 3: the three newest, newest first.
      await waitForFeed(t, reader, ids.slice(-3).reverse());
    });

    test('a fan-out reaches 2,500 subscribers in batches of 1,000 without the upload waiting for it', async () => {
      const feeds = t.platform.config.feeds;
      const threshold = feeds.celebrityThreshold;
      feeds.celebrityThreshold = 10_000;
      try {
        const [channel] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
        const followers = await createAccounts(t, 2500);
        const db = t.platform.database.db;
        await db
          .insertInto('subscriptions')
          .values(followers.map((follower) => ({ subscriber_id: follower.id, channel_id: channel.id })))
          .execute();
        await sql`insert into channel_stats (user_id, subscriber_count) values (${channel.id}, 2500)`.execute(db);
        const started = Date.now();
        const video = await publishReadyVideo(t, channel);
        assert.ok(Date.now() - started < 2000, 'publishing does not wait for the fan-out');
        const sample = followers.filter((_, index) => index % 100 === 0 || index === followers.length - 1);
        await waitFor(
          'every sampled follower to get the video',
          async () => {
            const feeds = await Promise.all(sample.map(stored));
            return feeds.every((feed) => feed.includes(video)) ? true : undefined;
          },
          60_000,
        );
      } finally {
        feeds.celebrityThreshold = threshold;
      }
    });

    test('input is validated and the feed needs an account', async () => {
      const [reader] = (await createAccounts(t, 1)) as [TestAccount];
      assert.equal((await t.app.inject({ method: 'GET', url: '/api/v1/feed/subscriptions' })).statusCode, 401);
      const badCursor = await t.app.inject({
        method: 'GET',
        url: '/api/v1/feed/subscriptions?cursor=nope',
        headers: bearer(reader.token),
      });
      assert.equal(badCursor.statusCode, 400);
      assert.equal(json(badCursor).error.details[0].field, 'cursor');
      assert.equal((await call(t, 'GET', '/feed/subscriptions?limit=0', reader)).statusCode, 400);
      const openapi = json<Record<string, any>>(await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }));
      for (const path of ['/api/v1/feed/subscriptions', '/api/v1/feed/home', '/api/v1/videos/trending'])
        assert.ok(openapi.paths[path], path);
    });
  });
}
