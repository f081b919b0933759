import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { refreshTrending } from '../trending/refresh.ts';
import { publishReadyVideo, readWholeFeed, waitForFeed } from './feed-test-support.ts';

interface HomeItem {
  reason: string;
  video: { id: string };
}

for (const kind of testDatabaseKinds()) {
  describe(`home feed on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind, { TRENDING_CACHE_SECONDS: '0' });
      startWorkers(t.platform, t.services);
    });
    after(async () => {
      await t.close();
    });

    const home = async (as?: TestAccount) => {
      const response = await call(t, 'GET', '/feed/home?limit=60', as);
      assert.equal(response.statusCode, 200, response.body);
      return json(response).data as HomeItem[];
    };
    const reasonOf = (items: HomeItem[], id: string) => items.find((item) => item.video.id === id)?.reason;

    test('guests get trending and fresh uploads, each video once, never a private one', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const hot = await publishReadyVideo(t, creator, { publishedAt: new Date(Date.now() - 3 * 86_400_000) });
      const fresh = await publishReadyVideo(t, creator);
      const secret = await publishReadyVideo(t, creator, { visibility: 'private' });
      await sql`insert into trending_activity (video_id, bucket, views) values (${hot}, now(), 50), (${fresh}, now(), 1), (${secret}, now(), 999)`.execute(
        t.platform.database.db,
      );
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      const items = await home();
      assert.equal(reasonOf(items, hot), 'trending');
      assert.ok(reasonOf(items, fresh), 'the fresh upload is there (as trending or fresh)');
      assert.equal(reasonOf(items, secret), undefined);
      const ids = items.map((item) => item.video.id);
      assert.equal(new Set(ids).size, ids.length, 'no repeats');
      assert.ok(new Set(items.map((item) => item.reason)).has('fresh'));
    });

    test('a video held for review is on no list of the home page until it is cleared', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const [subscriber] = (await createAccounts(t, 1)) as [TestAccount];
      assert.ok([200, 201].includes((await call(t, 'POST', `/users/${creator.id}/subscribe`, subscriber)).statusCode));
      const held = await publishReadyVideo(t, creator);
      await sql`insert into trending_activity (video_id, bucket, views) values (${held}, now(), 500)`.execute(
        t.platform.database.db,
      );
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      await waitForFeed(t, subscriber, [held]);
      // What the image moderation does above its hold threshold: a held case on the video.
      await sql`insert into moderation_cases (subject_type, subject_id, owner_id, content_hash, scores, top_category,
          top_score, reasons, model_name, model_version, status, held, queued_at)
        values ('video_image', ${held}, ${creator.id}, 'test', '{}', 'porn', 0.95, '[]', 'test', '1', 'pending', true, now())`.execute(
        t.platform.database.db,
      );
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      assert.equal(reasonOf(await home(), held), undefined, 'not shown to guests (trending or fresh)');
      assert.equal(reasonOf(await home(subscriber), held), undefined, 'not shown to its subscribers');
      assert.ok(!(await readWholeFeed(t, subscriber)).includes(held), 'nor in their subscriptions feed');
      await sql`update moderation_cases set held = false, status = 'approved' where subject_id = ${held}`.execute(
        t.platform.database.db,
      );
      await refreshTrending(t.platform.database.db, t.services.trendingStore);
      assert.ok(reasonOf(await home(), held), 'back once cleared');
      assert.equal(reasonOf(await home(subscriber), held), 'subscriptions');
    });

    test('signed-in viewers get their subscriptions and videos related to what they watched, minus what they watched', async () => {
      const [followed, cook, otherCook, viewer] = (await createAccounts(t, 4, 'creator')) as [
        TestAccount,
        TestAccount,
        TestAccount,
        TestAccount,
      ];
      assert.equal((await call(t, 'POST', `/users/${followed.id}/subscribe`, viewer)).statusCode, 200);
      const subscribed = await publishReadyVideo(t, followed, { publishedAt: new Date(Date.now() - 10 * 86_400_000) });
      const watched = await publishReadyVideo(t, cook, { tags: ['sourdough', 'baking'], category: 'howto' });
      const related = await publishReadyVideo(t, otherCook, {
        tags: ['sourdough'],
        category: 'howto',
        publishedAt: new Date(Date.now() - 20 * 86_400_000),
      });
      await waitForFeed(t, viewer, [subscribed]);
      assert.equal(
        (await call(t, 'PUT', `/videos/${watched}/progress`, viewer, { positionSeconds: 30, watchedSeconds: 30 }))
          .statusCode,
        200,
      );
      const items = await home(viewer);
      assert.equal(reasonOf(items, subscribed), 'subscriptions');
      assert.equal(reasonOf(items, related), 'related');
      assert.equal(reasonOf(items, watched), undefined, 'already watched');
      const ids = items.map((item) => item.video.id);
      assert.equal(new Set(ids).size, ids.length, 'no repeats');
    });

    test('limit is validated', async () => {
      assert.equal((await call(t, 'GET', '/feed/home?limit=0')).statusCode, 400);
      assert.equal((await call(t, 'GET', '/feed/home?limit=61')).statusCode, 400);
    });
  });
}
