import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { playlistOrder, type PlaylistEntry } from './playlist-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`watch later on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    let stranger: TestAccount;
    before(async () => {
      t = await startTestApp(kind);
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      [stranger] = (await createAccounts(t, 1)) as [TestAccount];
    });
    after(async () => {
      await t.close();
    });

    test('Watch later: created on first use, private, built in, add and remove', async () => {
      const [owner] = (await createAccounts(t, 1)) as [TestAccount];
      const [first, second] = await Promise.all([
        call(t, 'GET', '/me/watch-later', owner),
        call(t, 'GET', '/me/watch-later', owner),
      ]);
      const watchLater = json(first).data.playlist;
      assert.equal(json(second).data.playlist.id, watchLater.id);
      assert.deepEqual(
        [watchLater.kind, watchLater.title, watchLater.visibility],
        ['watch_later', 'Watch later', 'private'],
      );

      const [a, b] = (await Promise.all([readyVideo(t, creator), readyVideo(t, creator)])) as [string, string];
      assert.equal((await call(t, 'POST', '/me/watch-later', owner, { videoId: a })).statusCode, 201);
      const added = await call(t, 'POST', '/me/watch-later', owner, { videoId: b });
      assert.equal(json(added).data.position, 1);
      assert.equal(
        json(await call(t, 'POST', '/me/watch-later', owner, { videoId: a })).error.code,
        'ALREADY_IN_PLAYLIST',
      );
      assert.equal((await call(t, 'POST', '/me/watch-later', owner, { videoId: 'nope' })).statusCode, 400);
      const listed = json(await call(t, 'GET', '/me/watch-later', owner));
      assert.deepEqual(
        listed.data.items.map((entry: PlaylistEntry) => entry.video.id),
        [a, b],
      );

      assert.equal((await call(t, 'DELETE', `/me/watch-later/${a}`, owner)).statusCode, 204);
      assert.equal((await call(t, 'DELETE', `/me/watch-later/${a}`, owner)).statusCode, 404);
      assert.deepEqual(
        (await playlistOrder(t, watchLater.id, owner)).map((entry) => [entry.position, entry.video.id]),
        [[0, b]],
      );

      for (const [method, body] of [
        ['PUT', { title: 'Later' }],
        ['PUT', { visibility: 'public' }],
        ['DELETE', undefined],
      ] as const) {
        const refused = await call(t, method, `/playlists/${watchLater.id}`, owner, body);
        assert.equal(refused.statusCode, 409);
        assert.equal(json(refused).error.code, 'BUILT_IN_PLAYLIST');
      }
      assert.equal((await call(t, 'GET', `/playlists/${watchLater.id}`, stranger)).statusCode, 404);
      assert.equal(
        (await call(t, 'POST', `/playlists/${watchLater.id}/videos`, stranger, { videoId: a })).statusCode,
        404,
      );
      assert.equal((await call(t, 'GET', '/me/watch-later')).statusCode, 401);
    });
  });
}
