import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, registerUser } from '../../../test/support/app.ts';
import { createReadyVideo, deleteVideo } from '../views/engagement-test-support.ts';
import { rebuildCommentCounts } from './comment-counts.ts';
import { describeComments } from './comment-test-support.ts';

// Listing comments (pagination, cursors, deleted videos), the counters' rebuild and the OpenAPI entries.
describeComments('comment lists', (kit) => {
  test('pagination in both sorts walks every comment once, in order, across pages', async () => {
    const { t, creator, fan, get, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const fans = await Promise.all([registerUser(t.app), registerUser(t.app)]);
    // Sequential inserts share milliseconds, so newest-first has created_at ties that the id must break.
    const ids: string[] = [];
    for (let n = 0; n < 23; n += 1) ids.push(await commentId(fan.accessToken, videoId, `comment ${n}`));
    // Likes 0, 1 or 2 each: the top sort has long runs of equal like counts.
    for (const [n, id] of ids.entries()) {
      for (const liker of fans.slice(0, n % 3))
        assert.equal((await send('POST', `/api/v1/comments/${id}/like`, liker.accessToken)).statusCode, 200);
    }
    const expected = {
      top: (
        await sql<{
          id: string;
        }>`select id from comments where video_id = ${videoId} order by like_count desc, id desc`.execute(
          t.platform.database.db,
        )
      ).rows.map((row) => row.id),
      newest: (
        await sql<{
          id: string;
        }>`select id from comments where video_id = ${videoId} order by created_at desc, id desc`.execute(
          t.platform.database.db,
        )
      ).rows.map((row) => row.id),
    };
    for (const sort of ['top', 'newest'] as const) {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `sort=${sort}&limit=5${cursor ? `&cursor=${cursor}` : ''}`;
        const page = json(await get(`/api/v1/videos/${videoId}/comments?${query}`, fans[0]!.accessToken));
        seen.push(...page.data.map((comment: { id: string }) => comment.id));
        cursor = page.meta.nextCursor;
        pages += 1;
      } while (cursor);
      assert.equal(pages, 5);
      assert.deepEqual(seen, expected[sort], `${sort}: no duplicates, no gaps, stable order`);
    }
    const top = json(await get(`/api/v1/videos/${videoId}/comments?sort=top&limit=1`, fans[1]!.accessToken)).data[0];
    assert.equal(top.likeCount, 2);
    assert.equal(top.hasLiked, true);
  });

  test('cursors and limits are validated: malformed or foreign cursors are a 400', async () => {
    const { t, creator, fan, get, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    for (let n = 0; n < 3; n += 1) await commentId(fan.accessToken, videoId, `c${n}`);
    const topCursor = json(await get(`/api/v1/videos/${videoId}/comments?sort=top&limit=1`)).meta.nextCursor;
    const bad = [
      `/api/v1/videos/${videoId}/comments?cursor=not-a-cursor`,
      `/api/v1/videos/${videoId}/comments?cursor=${Buffer.from('["top",{"likes":-1,"id":"x"}]').toString('base64url')}`,
      `/api/v1/videos/${videoId}/comments?sort=newest&cursor=${topCursor}`,
      `/api/v1/videos/${videoId}/comments?limit=101`,
      `/api/v1/videos/${videoId}/comments?limit=0`,
      `/api/v1/videos/${videoId}/comments?sort=oldest`,
      '/api/v1/videos/not-a-uuid/comments',
    ];
    for (const url of bad) {
      const response = await get(url);
      assert.equal(response.statusCode, 400, url);
      assert.ok(['INVALID_CURSOR', 'BAD_REQUEST', 'VALIDATION_ERROR'].includes(json(response).error.code));
    }
    assert.equal(json(await get(`/api/v1/videos/${videoId}/comments?sort=top&cursor=${topCursor}`)).data.length, 2);
    assert.equal(json(await get(`/api/v1/videos/${videoId}/comments`)).meta.sort, 'top', 'top is the default sort');
  });

  test('deleting the video takes its comments out of every list without errors', async () => {
    const { t, creator, fan, other, admin, reply, get, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const top = await commentId(fan.accessToken, videoId, 'on a doomed video');
    await reply(other.accessToken, top, 'me too');
    await send('POST', `/api/v1/comments/${top}/report`, other.accessToken, { reason: 'spam' });
    await deleteVideo(t, creator.accessToken, videoId);

    for (const url of [
      `/api/v1/videos/${videoId}/comments`,
      `/api/v1/comments/${top}/replies`,
      `/api/v1/comments/${top}`,
    ]) {
      const response = await get(url, fan.accessToken);
      assert.equal(response.statusCode, 404, url);
      assert.equal(json(response).error.code, 'NOT_FOUND');
    }
    assert.equal((await reply(fan.accessToken, top, 'hello?')).statusCode, 404);
    assert.equal((await send('POST', `/api/v1/comments/${top}/like`, fan.accessToken)).statusCode, 404);
    const reports = await get('/api/v1/admin/reports?status=open&limit=100', admin);
    assert.equal(reports.statusCode, 200);
    assert.ok(json(reports).data.every((report: { commentId: string }) => report.commentId !== top));
  });

  test('the counters are projections: a rebuild recomputes them from the rows', async () => {
    const { t, creator, fan, other, reply, get, send, commentId, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const top = await commentId(fan.accessToken, videoId, 'counted');
    await reply(other.accessToken, top, 'a reply');
    await send('POST', `/api/v1/comments/${top}/like`, other.accessToken);
    const db = t.platform.database.db;
    await db.updateTable('comments').set({ reply_count: 99, like_count: 7 }).where('id', '=', top).execute();
    await db.updateTable('videos').set({ comment_count: 42 }).where('id', '=', videoId).execute();

    assert.deepEqual(await rebuildCommentCounts(db), { comments: 1, videos: 1 });
    const rebuilt = json(await get(`/api/v1/comments/${top}`)).data;
    assert.deepEqual([rebuilt.replyCount, rebuilt.likeCount], [1, 1]);
    assert.equal(await videoCounts(videoId), 2);
    assert.deepEqual(await rebuildCommentCounts(db), { comments: 0, videos: 0 }, 'nothing else was off');
  });

  test('the routes are in the OpenAPI document', async () => {
    const { get } = kit();
    const document = json<any>(await get('/api/v1/openapi.json'));
    for (const path of [
      '/api/v1/comments',
      '/api/v1/comments/{id}',
      '/api/v1/comments/{id}/reply',
      '/api/v1/comments/{id}/replies',
      '/api/v1/comments/{id}/like',
      '/api/v1/videos/{id}/comments',
      '/api/v1/videos/{id}/comment-settings',
    ]) {
      assert.ok(document.paths[path], path);
    }
  });
});
