import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { playlistOrder, type PlaylistEntry } from './playlist-test-support.ts';
import { PlaylistService } from './service.ts';

for (const kind of testDatabaseKinds()) {
  describe(`playlists on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    let viewer: TestAccount;
    let stranger: TestAccount;
    before(async () => {
      t = await startTestApp(kind);
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      [viewer, stranger] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
    });
    after(async () => {
      await t.close();
    });

    const videos = (count: number) => Promise.all(Array.from({ length: count }, () => readyVideo(t, creator)));
    const createPlaylist = async (owner: TestAccount, body: object = {}) => {
      const response = await call(t, 'POST', '/playlists', owner, { title: 'Road trip', ...body });
      assert.equal(response.statusCode, 201, response.body);
      return json(response).data as { id: string; itemCount: number };
    };
    const add = (owner: TestAccount, playlistId: string, videoId: string, position?: number) =>
      call(t, 'POST', `/playlists/${playlistId}/videos`, owner, {
        videoId,
        ...(position === undefined ? {} : { position }),
      });
    const order = (playlistId: string, as?: TestAccount) => playlistOrder(t, playlistId, as);
    /** Every stored entry, hidden ones included, straight from the table. */
    const storedPositions = (playlistId: string) =>
      t.platform.database.db
        .selectFrom('playlist_items')
        .select(['video_id', 'position'])
        .where('playlist_id', '=', playlistId)
        .orderBy('position')
        .execute();

    test('create, read, edit and delete with validation and owner-only changes', async () => {
      const created = await call(t, 'POST', '/playlists', viewer, { title: '  Birds  ' });
      assert.equal(created.statusCode, 201);
      const playlist = json(created).data;
      assert.deepEqual(
        { ...playlist, id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          id: undefined,
          ownerId: viewer.id,
          kind: 'regular',
          title: 'Birds',
          description: '',
          visibility: 'public',
          itemCount: 0,
          createdAt: undefined,
          updatedAt: undefined,
        },
      );

      for (const [body, field] of [
        [{ title: '   ' }, 'title'],
        [{ title: 'x'.repeat(151) }, 'title'],
        [{ title: 'ok', description: 'x'.repeat(5001) }, 'description'],
        [{ title: 'ok', visibility: 'secret' }, 'visibility'],
        [{}, 'title'],
      ] as const) {
        const response = await call(t, 'POST', '/playlists', viewer, body);
        assert.equal(response.statusCode, 400, JSON.stringify(body));
        assert.equal(json(response).error.details[0].field, field);
      }
      assert.equal((await call(t, 'POST', '/playlists', viewer, { title: 'ok', owner: stranger.id })).statusCode, 400);
      assert.equal((await call(t, 'POST', '/playlists', undefined, { title: 'ok' })).statusCode, 401);

      const read = json(await call(t, 'GET', `/playlists/${playlist.id}`));
      assert.equal(read.data.playlist.title, 'Birds');
      assert.deepEqual(read.data.items, []);

      const edited = await call(t, 'PUT', `/playlists/${playlist.id}`, viewer, {
        title: 'Birds of prey',
        description: 'Hawks',
      });
      assert.equal(json(edited).data.title, 'Birds of prey');
      assert.equal((await call(t, 'PUT', `/playlists/${playlist.id}`, viewer, {})).statusCode, 400);
      assert.equal(
        (await call(t, 'PUT', `/playlists/${playlist.id}`, stranger, { title: 'Mine now' })).statusCode,
        403,
      );
      assert.equal((await call(t, 'DELETE', `/playlists/${playlist.id}`, stranger)).statusCode, 403);
      assert.equal((await call(t, 'DELETE', `/playlists/${playlist.id}`, viewer)).statusCode, 204);
      assert.equal((await call(t, 'GET', `/playlists/${playlist.id}`)).statusCode, 404);
      assert.equal((await call(t, 'GET', '/playlists/not-a-uuid')).statusCode, 400);
    });

    test('an Idempotency-Key makes creating a playlist safe to retry, even concurrently', async () => {
      const [owner] = (await createAccounts(t, 1)) as [TestAccount];
      const create = (title: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/playlists',
          headers: { ...bearer(owner.token), 'idempotency-key': 'create-once' },
          payload: { title },
        });
      const responses = await Promise.all([1, 2, 3, 4].map(() => create('Once')));
      assert.deepEqual(
        responses.map((response) => response.statusCode),
        [201, 201, 201, 201],
      );
      assert.equal(new Set(responses.map((response) => json(response).data.id)).size, 1);
      assert.equal(responses.filter((response) => response.headers['idempotent-replayed'] === 'true').length, 3);
      const reused = await create('Something else');
      assert.equal(reused.statusCode, 409);
      assert.equal(json(reused).error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(json(await call(t, 'GET', `/users/${owner.id}/playlists`, owner)).data.length, 1);
    });

    test("visibility: private playlists are 404 to others, unlisted ones open by link but stay off the user's list", async () => {
      const [owner] = (await createAccounts(t, 1)) as [TestAccount];
      const publicOne = await createPlaylist(owner, { title: 'Public' });
      const unlisted = await createPlaylist(owner, { title: 'Unlisted', visibility: 'unlisted' });
      const privateOne = await createPlaylist(owner, { title: 'Private', visibility: 'private' });
      assert.equal((await call(t, 'GET', `/me/watch-later`, owner)).statusCode, 200);

      for (const as of [undefined, stranger]) {
        const hidden = await call(t, 'GET', `/playlists/${privateOne.id}`, as);
        assert.equal(hidden.statusCode, 404);
        assert.equal(json(hidden).error.code, 'NOT_FOUND');
        assert.equal((await call(t, 'PUT', `/playlists/${privateOne.id}`, stranger, { title: 'x' })).statusCode, 404);
        assert.equal((await call(t, 'GET', `/playlists/${unlisted.id}`, as)).statusCode, 200);
      }
      assert.equal((await call(t, 'GET', `/playlists/${privateOne.id}`, owner)).statusCode, 200);

      const theirs = json(await call(t, 'GET', `/users/${owner.id}/playlists`, stranger));
      assert.deepEqual(
        theirs.data.map((playlist: { id: string }) => playlist.id),
        [publicOne.id],
      );

      // The owner sees all four, Watch later included, newest first, across pages.
      const first = json(await call(t, 'GET', `/users/${owner.id}/playlists?limit=3`, owner));
      const second = json(
        await call(t, 'GET', `/users/${owner.id}/playlists?limit=3&cursor=${first.meta.nextCursor}`, owner),
      );
      assert.deepEqual(
        [...first.data, ...second.data].map((playlist: { title: string }) => playlist.title),
        ['Watch later', 'Private', 'Unlisted', 'Public'],
      );
      assert.equal(second.meta.nextCursor, null);
      assert.equal((await call(t, 'GET', `/users/${owner.id}/playlists?cursor=bad`, owner)).statusCode, 400);
    });

    test('add, move, remove and reorder keep positions dense; duplicates and strangers are refused', async () => {
      const [a, b, c, d] = (await videos(4)) as [string, string, string, string];
      const playlist = await createPlaylist(viewer);
      for (const video of [a, b, c]) assert.equal((await add(viewer, playlist.id, video)).statusCode, 201);
      const inserted = await add(viewer, playlist.id, d, 1);
      assert.equal(json(inserted).data.position, 1);
      assert.equal(json(inserted).data.playlist.itemCount, 4);
      assert.deepEqual(
        (await order(playlist.id)).map((entry) => [entry.position, entry.video.id]),
        [
          [0, a],
          [1, d],
          [2, b],
          [3, c],
        ],
      );

      const duplicate = await add(viewer, playlist.id, a);
      assert.equal(duplicate.statusCode, 409);
      assert.equal(json(duplicate).error.code, 'ALREADY_IN_PLAYLIST');
      assert.equal((await add(stranger, playlist.id, a)).statusCode, 403);
      const privateVideo = await readyVideo(t, creator, { visibility: 'private' });
      assert.equal((await add(viewer, playlist.id, privateVideo)).statusCode, 404);

      const moved = await call(t, 'PUT', `/playlists/${playlist.id}/videos/${a}/position`, viewer, { position: 99 });
      assert.equal(json(moved).data.position, 3);
      await call(t, 'PUT', `/playlists/${playlist.id}/videos/${c}/position`, viewer, { position: 0 });
      assert.deepEqual(
        (await order(playlist.id)).map((entry) => entry.video.id),
        [c, d, b, a],
      );
      assert.equal(
        (await call(t, 'PUT', `/playlists/${playlist.id}/videos/${privateVideo}/position`, viewer, { position: 0 }))
          .statusCode,
        404,
      );
      assert.equal(
        (await call(t, 'PUT', `/playlists/${playlist.id}/videos/${a}/position`, viewer, { position: -1 })).statusCode,
        400,
      );

      assert.equal((await call(t, 'DELETE', `/playlists/${playlist.id}/videos/${d}`, viewer)).statusCode, 204);
      const gone = await call(t, 'DELETE', `/playlists/${playlist.id}/videos/${d}`, viewer);
      assert.equal(json(gone).error.code, 'NOT_IN_PLAYLIST');
      assert.deepEqual(
        (await order(playlist.id)).map((entry) => [entry.position, entry.video.id]),
        [
          [0, c],
          [1, b],
          [2, a],
        ],
      );

      const reordered = await call(t, 'PUT', `/playlists/${playlist.id}/order`, viewer, { videoIds: [a, b, c] });
      assert.equal(reordered.statusCode, 200);
      assert.deepEqual(
        (await order(playlist.id)).map((entry) => entry.video.id),
        [a, b, c],
      );
      const mismatch = await call(t, 'PUT', `/playlists/${playlist.id}/order`, viewer, { videoIds: [a, b, d] });
      assert.equal(mismatch.statusCode, 409);
      assert.equal(json(mismatch).error.code, 'ORDER_MISMATCH');
      assert.equal(json(mismatch).error.details.length, 2);
      assert.equal(
        (await call(t, 'PUT', `/playlists/${playlist.id}/order`, viewer, { videoIds: [a, a, b, c] })).statusCode,
        400,
      );

      // Pages of entries follow the playlist order.
      const page = json(await call(t, 'GET', `/playlists/${playlist.id}?limit=2`));
      assert.deepEqual(
        page.data.items.map((entry: PlaylistEntry) => entry.video.id),
        [a, b],
      );
      const rest = json(await call(t, 'GET', `/playlists/${playlist.id}?limit=2&cursor=${page.meta.nextCursor}`));
      assert.deepEqual(
        rest.data.items.map((entry: PlaylistEntry) => entry.video.id),
        [c],
      );
      assert.equal(rest.meta.nextCursor, null);
    });

    test('two tabs reorder one playlist at once: positions end dense, unique, every video once', async () => {
      const initial = await videos(12);
      const extra = await videos(8);
      const playlist = await createPlaylist(viewer);
      for (const video of initial) await add(viewer, playlist.id, video);
      const removed = initial.slice(0, 4);

      let seed = 7;
      const random = (below: number) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return seed % below;
      };
      const operations = [
        ...initial
          .slice(4)
          .flatMap((video) =>
            [0, 1, 2].map(
              () => () =>
                call(t, 'PUT', `/playlists/${playlist.id}/videos/${video}/position`, viewer, { position: random(20) }),
            ),
          ),
        ...extra.map((video) => () => add(viewer, playlist.id, video, random(15))),
        ...removed.map((video) => () => call(t, 'DELETE', `/playlists/${playlist.id}/videos/${video}`, viewer)),
        // A full reorder from a stale view: it may win or be refused, never corrupt the order.
        () => call(t, 'PUT', `/playlists/${playlist.id}/order`, viewer, { videoIds: [...initial].reverse() }),
      ];
      const responses = await Promise.all(operations.map((operation) => operation()));
      for (const response of responses) assert.ok([200, 201, 204, 409].includes(response.statusCode), response.body);
      assert.equal(
        responses.filter((response) => response.statusCode === 409).length <= 1,
        true,
        'only the stale reorder may be refused',
      );

      const stored = await storedPositions(playlist.id);
      const expected = new Set([...initial.slice(4), ...extra]);
      assert.deepEqual(
        stored.map((row) => row.position),
        [...Array(expected.size).keys()],
      );
      assert.deepEqual(new Set(stored.map((row) => row.video_id)), expected);
      const listed = await order(playlist.id);
      assert.deepEqual(
        listed.map((entry) => entry.video.id),
        stored.map((row) => row.video_id),
      );
      assert.equal(json(await call(t, 'GET', `/playlists/${playlist.id}`)).data.playlist.itemCount, expected.size);
    });

    test('a deleted or hidden video drops out of playlists without breaking lists or positions', async () => {
      const [a, b, c, d] = (await videos(4)) as [string, string, string, string];
      const playlist = await createPlaylist(viewer);
      for (const video of [a, b, c, d]) await add(viewer, playlist.id, video);

      assert.equal((await call(t, 'DELETE', `/videos/${b}`, creator)).statusCode, 204);
      await call(t, 'PUT', `/videos/${c}`, creator, { visibility: 'private' });
      const seen = await order(playlist.id, viewer);
      assert.deepEqual(
        seen.map((entry) => [entry.position, entry.video.id]),
        [
          [0, a],
          [3, d],
        ],
      );
      // The creator may still watch their private video, so it stays in their view of the playlist.
      assert.deepEqual(
        (await order(playlist.id, creator)).map((entry) => entry.video.id),
        [a, c, d],
      );

      // The next edit purges the deleted video's entry and closes its gap.
      await call(t, 'PUT', `/playlists/${playlist.id}/videos/${d}/position`, viewer, { position: 0 });
      assert.deepEqual(
        (await storedPositions(playlist.id)).map((row) => [row.position, row.video_id]),
        [
          [0, d],
          [1, a],
          [2, c],
        ],
      );
      assert.equal(json(await call(t, 'GET', `/playlists/${playlist.id}`, viewer)).data.playlist.itemCount, 3);
      const readd = await add(viewer, playlist.id, b);
      assert.equal(readd.statusCode, 404, 'a deleted video cannot be added');
    });

    test('a playlist holds at most the configured number of videos', async () => {
      const service = new PlaylistService({ db: t.platform.database.db, videos: t.services.videos, maxItems: 2 });
      const actor = { id: viewer.id, role: 'viewer' as const };
      const playlist = await createPlaylist(viewer);
      const [a, b, c] = (await videos(3)) as [string, string, string];
      await service.items.add(actor, playlist.id, a);
      await service.items.add(actor, playlist.id, b);
      await assert.rejects(service.items.add(actor, playlist.id, c), { statusCode: 409, code: 'PLAYLIST_FULL' });
      assert.equal((await storedPositions(playlist.id)).length, 2);
    });
  });
}
