import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, readyVideo, type TestAccount } from './channel-test-support.ts';
import { createVideo } from '../videos/video-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`channel page on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    /** The creator's ready public videos, oldest first, with their views. */
    const published: Array<{ id: string; views: number }> = [];

    before(async () => {
      t = await startTestApp(kind);
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      // Two share a view count, so the popular order has a tie to break across a page boundary.
      for (const views of [5, 40, 12, 40, 0]) published.push({ id: await readyVideo(t, creator, { views }), views });
      await readyVideo(t, creator, { visibility: 'unlisted', views: 1000 });
      await readyVideo(t, creator, { visibility: 'private', views: 1000 });
      await createVideo(t, creator.token, { title: 'Still uploading' });
      const deleted = await readyVideo(t, creator, { views: 1000 });
      await call(t, 'DELETE', `/videos/${deleted}`, creator);
    });
    after(async () => {
      await t.close();
    });

    async function allPages(query: string, as?: TestAccount): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await call(
          t,
          'GET',
          `/users/${creator.id}/videos?${query}${cursor ? `&cursor=${cursor}` : ''}`,
          as,
        );
        assert.equal(response.statusCode, 200, response.body);
        ids.push(...json(response).data.map((video: { id: string }) => video.id));
        cursor = json(response).meta.nextCursor;
      } while (cursor);
      return ids;
    }

    test('only ready public videos, newest first, over cursor pages; the owner sees the same', async () => {
      const newest = published.map((video) => video.id).reverse();
      assert.deepEqual(await allPages('limit=2'), newest);
      assert.deepEqual(await allPages('sort=newest&limit=3', creator), newest);
      const first = json(await call(t, 'GET', `/users/${creator.id}/videos`)).data[0];
      assert.equal(first.status, 'ready');
      assert.equal(first.creator.id, creator.id);
    });

    test('popular: most viewed first, ties broken stably across pages', async () => {
      const popular = await allPages('sort=popular&limit=2');
      assert.deepEqual(new Set(popular), new Set(published.map((video) => video.id)));
      const views = popular.map((id) => published.find((video) => video.id === id)!.views);
      assert.deepEqual(views, [40, 40, 12, 5, 0]);
    });

    test('bad sort, limit or cursor is a 400; a cursor of one sort does not fit the other', async () => {
      const newestCursor = json(await call(t, 'GET', `/users/${creator.id}/videos?limit=1`)).meta.nextCursor;
      for (const query of [
        'sort=oldest',
        'limit=0',
        'limit=101',
        'cursor=%%%',
        `sort=popular&cursor=${newestCursor}`,
      ]) {
        const response = await call(t, 'GET', `/users/${creator.id}/videos?${query}`);
        assert.equal(response.statusCode, 400, query);
        assert.equal(json(response).success, false);
      }
      assert.equal((await call(t, 'GET', '/users/00000000-0000-4000-8000-000000000000/videos')).statusCode, 404);
    });

    test('channel overview: counts only what the channel shows', async () => {
      const [fan] = (await createAccounts(t, 1)) as [TestAccount];
      await call(t, 'POST', `/users/${creator.id}/subscribe`, fan);
      const channel = json(await call(t, 'GET', `/users/${creator.id}/channel`, fan)).data;
      assert.equal(channel.user.id, creator.id);
      assert.equal(Object.hasOwn(channel.user, 'email'), false);
      assert.equal(channel.videoCount, published.length);
      assert.equal(
        channel.totalViews,
        published.reduce((sum, video) => sum + video.views, 0),
      );
      assert.deepEqual([channel.subscriberCount, channel.isSubscribed, channel.notificationsEnabled], [1, true, true]);
      assert.equal((await call(t, 'GET', '/users/00000000-0000-4000-8000-000000000000/channel')).statusCode, 404);
    });
  });
}
