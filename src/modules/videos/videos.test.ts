import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { adminToken, createVideo, startVideoTestApp, type VideoTestApp } from './video-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`videos resource on ${kind}`, () => {
    let t: VideoTestApp;
    // No workers: these tests are about the resource, not the pipeline.
    before(async () => {
      t = await startVideoTestApp(kind, {}, false);
    });
    after(async () => {
      await t.close();
    });

    const request = (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      token?: string,
      payload?: object,
      headers: Record<string, string> = {},
    ) => t.app.inject({ method, url, payload, headers: { ...(token ? bearer(token) : {}), ...headers } });

    test('create normalises metadata and answers with the video and its upload instructions', async () => {
      const response = await request('POST', '/api/v1/videos', t.creator.accessToken, {
        title: '  Birds at dawn  ',
        description: 'Filmed at 5am',
        tags: ['Nature', 'birds ', 'nature'],
        category: 'science',
        visibility: 'unlisted',
      });
      assert.equal(response.statusCode, 201);
      const { video, upload } = json(response).data;
      assert.equal(video.title, 'Birds at dawn');
      assert.deepEqual(video.tags, ['nature', 'birds']);
      assert.deepEqual(
        [video.status, video.visibility, video.category, video.thumbnailUrl, video.storyboard],
        ['uploading', 'unlisted', 'science', null, null],
      );
      assert.deepEqual(video.creator, { id: t.creator.user.id, username: t.creator.user.username, avatarUrl: null });
      assert.deepEqual(upload, {
        protocol: 'tus',
        endpoint: '/api/v1/uploads',
        metadata: { videoId: video.id },
        maxSizeBytes: t.platform.config.uploads.maxBytes,
      });
    });

    test('bad input is a precise 400; viewers are told to become creators; anonymous is 401', async () => {
      const invalid = [
        [{ title: '   ' }, 'title'],
        [{ title: 'x'.repeat(101) }, 'title'],
        [{ title: 'ok', description: 'x'.repeat(5001) }, 'description'],
        [{ title: 'ok', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, 'tags'],
        [{ title: 'ok', tags: ['x'.repeat(31)] }, 'tags.0'],
        [{ title: 'ok', category: 'cooking' }, 'category'],
        [{ title: 'ok', visibility: 'secret' }, 'visibility'],
      ] as const;
      for (const [payload, field] of invalid) {
        const response = await request('POST', '/api/v1/videos', t.creator.accessToken, payload);
        assert.equal(response.statusCode, 400, JSON.stringify(payload));
        assert.equal(json(response).error.details[0].field, field);
      }
      const viewer = await registerUser(t.app);
      const refused = await request('POST', '/api/v1/videos', viewer.accessToken, { title: 'mine' });
      assert.equal(refused.statusCode, 403);
      assert.match(json(refused).error.message, /creator/);
      assert.equal((await request('POST', '/api/v1/videos', undefined, { title: 'mine' })).statusCode, 401);
    });

    test('Idempotency-Key: the same key gives the same video, a different body with it is a 409', async () => {
      const headers = { 'idempotency-key': `key-${Date.now()}` };
      const [first, second] = await Promise.all([
        request('POST', '/api/v1/videos', t.creator.accessToken, { title: 'Once only' }, headers),
        request('POST', '/api/v1/videos', t.creator.accessToken, { title: 'Once only' }, headers),
      ]);
      assert.deepEqual([first.statusCode, second.statusCode], [201, 201]);
      assert.equal(json(first).data.video.id, json(second).data.video.id);
      const third = await request('POST', '/api/v1/videos', t.creator.accessToken, { title: 'Once only' }, headers);
      assert.equal(json(third).data.video.id, json(first).data.video.id);
      assert.equal(third.headers['idempotent-replayed'], 'true');
      const mine = json(await request('GET', '/api/v1/me/videos?limit=100', t.creator.accessToken)).data as {
        title: string;
      }[];
      assert.equal(mine.filter((video) => video.title === 'Once only').length, 1);
      assert.equal(
        (await request('POST', '/api/v1/videos', t.creator.accessToken, { title: 'Something else' }, headers))
          .statusCode,
        409,
      );
      // Keys are per user: another creator's identical key is a fresh video.
      const other = await registerUser(t.app, { role: 'creator' });
      const theirs = await request('POST', '/api/v1/videos', other.accessToken, { title: 'Once only' }, headers);
      assert.notEqual(json(theirs).data.video.id, json(first).data.video.id);
    });

    test('visibility: non-ready and private videos are only for their owner and admins', async () => {
      const video = await createVideo(t, t.creator.accessToken, { visibility: 'public' });
      const stranger = await registerUser(t.app);
      assert.equal((await request('GET', `/api/v1/videos/${video.id}`, t.creator.accessToken)).statusCode, 200);
      assert.equal((await request('GET', `/api/v1/videos/${video.id}`, await adminToken(t))).statusCode, 200);
      assert.equal(
        (await request('GET', `/api/v1/videos/${video.id}`, stranger.accessToken)).statusCode,
        404,
        'not ready yet',
      );
      assert.equal((await request('GET', `/api/v1/videos/${video.id}`)).statusCode, 404);
      await t.platform.database.db.updateTable('videos').set({ status: 'ready' }).where('id', '=', video.id).execute();
      assert.equal((await request('GET', `/api/v1/videos/${video.id}`)).statusCode, 200);
      await request('PUT', `/api/v1/videos/${video.id}`, t.creator.accessToken, { visibility: 'private' });
      assert.equal((await request('GET', `/api/v1/videos/${video.id}`, stranger.accessToken)).statusCode, 404);
      assert.equal((await request('GET', '/api/v1/videos/not-a-uuid')).statusCode, 400);
    });

    test('edit and delete: owner or admin only; delete is idempotent', async () => {
      const video = await createVideo(t, t.creator.accessToken);
      const other = await registerUser(t.app, { role: 'creator' });
      const edited = await request('PUT', `/api/v1/videos/${video.id}`, t.creator.accessToken, {
        title: 'Renamed',
        tags: ['A', 'a'],
        visibility: 'private',
      });
      assert.equal(edited.statusCode, 200);
      assert.deepEqual(
        [json(edited).data.title, json(edited).data.tags, json(edited).data.visibility],
        ['Renamed', ['a'], 'private'],
      );
      assert.equal((await request('PUT', `/api/v1/videos/${video.id}`, t.creator.accessToken, {})).statusCode, 400);
      assert.equal(
        (await request('PUT', `/api/v1/videos/${video.id}`, other.accessToken, { title: 'Mine now' })).statusCode,
        403,
      );
      assert.equal(
        (await request('PUT', `/api/v1/videos/${video.id}`, await adminToken(t), { title: 'Moderated' })).statusCode,
        200,
      );
      assert.equal((await request('DELETE', `/api/v1/videos/${video.id}`, other.accessToken)).statusCode, 403);
      assert.equal((await request('DELETE', `/api/v1/videos/${video.id}`, t.creator.accessToken)).statusCode, 204);
      assert.equal((await request('DELETE', `/api/v1/videos/${video.id}`, t.creator.accessToken)).statusCode, 204);
      assert.equal(
        (await request('PUT', `/api/v1/videos/${video.id}`, t.creator.accessToken, { title: 'Back?' })).statusCode,
        404,
      );
      assert.equal(
        (await request('DELETE', '/api/v1/videos/00000000-0000-4000-8000-000000000000', t.creator.accessToken))
          .statusCode,
        404,
      );
    });

    test('my videos: every status but deleted, newest first, cursor pagination', async () => {
      const owner = await registerUser(t.app, { role: 'creator' });
      const ids: string[] = [];
      for (let index = 0; index < 5; index++)
        ids.push((await createVideo(t, owner.accessToken, { title: `clip ${index}` })).id);
      await request('DELETE', `/api/v1/videos/${ids[0]}`, owner.accessToken);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { data: { id: string }[]; meta: { nextCursor: string | null } } = json(
          await request('GET', `/api/v1/me/videos?limit=2${cursor ? `&cursor=${cursor}` : ''}`, owner.accessToken),
        );
        assert.ok(page.data.length <= 2);
        seen.push(...page.data.map((video) => video.id));
        cursor = page.meta.nextCursor;
      } while (cursor);
      assert.deepEqual(seen, ids.slice(1).reverse());
      assert.equal((await request('GET', '/api/v1/me/videos?cursor=garbage', owner.accessToken)).statusCode, 400);
      assert.equal((await request('GET', '/api/v1/me/videos')).statusCode, 401);
    });

    test('the uploads contract: assertUploadable and an idempotent markSourceUploaded', async () => {
      const videos = t.services.videos;
      const video = await createVideo(t, t.creator.accessToken);
      const owner = { id: t.creator.user.id, role: 'creator' as const };
      assert.equal((await videos.assertUploadable(owner, video.id)).id, video.id);
      await assert.rejects(
        videos.assertUploadable({ id: (await registerUser(t.app)).user.id, role: 'creator' }, video.id),
        { statusCode: 403 },
      );
      await assert.rejects(videos.assertUploadable(owner, '00000000-0000-4000-8000-000000000000'), { statusCode: 404 });
      const source = { sourceKey: `videos/${video.id}/source`, sizeBytes: 1234, originalFilename: 'holiday.mp4' };
      const [first, second] = await Promise.all([
        videos.markSourceUploaded(video.id, source),
        videos.markSourceUploaded(video.id, source),
      ]);
      assert.deepEqual([first.status, second.status], ['processing', 'processing']);
      assert.equal(first.original_filename, 'holiday.mp4');
      await assert.rejects(videos.assertUploadable(owner, video.id), { statusCode: 409, code: 'ALREADY_UPLOADED' });
    });
  });
}
