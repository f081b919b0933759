import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { createVideo } from '../videos/video-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { describeComments } from './comment-test-support.ts';

// Posting, replies, edits, deletes, likes and who may do them; lists and counters are in comment-lists.test.ts.
describeComments('comments', (kit) => {
  test('posting returns the comment as plain text, verbatim, with its author', async () => {
    const { t, creator, fan, post, get, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const text = '  <script>alert("x")</script> & "quotes"\n\tsecond line 😀  ';
    const response = await post(fan.accessToken, videoId, text);
    assert.equal(response.statusCode, 201);
    const comment = json(response).data;
    assert.equal(comment.text, text.trim(), 'trimmed, never HTML-stripped or escaped');
    assert.deepEqual(comment.author, { id: fan.user.id, username: fan.user.username, avatarUrl: null });
    assert.equal(comment.videoId, videoId);
    assert.equal(comment.parentId, null);
    assert.deepEqual(
      [comment.likeCount, comment.replyCount, comment.hasLiked, comment.isEdited, comment.isHidden, comment.isDeleted],
      [0, 0, false, false, false, false],
    );
    assert.equal(await videoCounts(videoId), 1);
    assert.equal(json(await get(`/api/v1/comments/${comment.id}`)).data.text, text.trim());
  });

  test('text limits and bad input are precise 400s that write nothing', async () => {
    const { t, creator, fan, post, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const cases: Array<[object, string]> = [
      [{ videoId, text: '' }, 'text'],
      [{ videoId, text: '   \n\t ' }, 'text'],
      [{ videoId, text: 'x'.repeat(10_001) }, 'text'],
      [{ videoId, text: 'bell \u0007' }, 'text'],
      [{ videoId, text: 'escape \u001b[31m red' }, 'text'],
      [{ videoId, text: 'carriage\rreturn' }, 'text'],
      [{ videoId, text: 42 }, 'text'],
      [{ videoId: 'not-a-uuid', text: 'hi' }, 'videoId'],
      [{ text: 'hi' }, 'videoId'],
    ];
    for (const [payload, field] of cases) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: bearer(fan.accessToken),
        payload,
      });
      assert.equal(response.statusCode, 400, JSON.stringify(payload).slice(0, 80));
      assert.equal(json(response).error.code, 'VALIDATION_ERROR');
      assert.equal(json(response).error.details[0].field, field);
    }
    assert.equal(
      (await post(fan.accessToken, videoId, 'x'.repeat(10_000))).statusCode,
      201,
      'exactly 10,000 characters is fine',
    );
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      headers: bearer(fan.accessToken),
      payload: { videoId, text: 'hi', admin: true },
    });
    assert.equal(extra.statusCode, 400, 'unknown fields are refused');
    assert.equal((await post('', videoId, 'hi')).statusCode, 401);
    assert.equal(
      (await t.app.inject({ method: 'POST', url: '/api/v1/comments', payload: { videoId, text: 'hi' } })).statusCode,
      401,
    );
    assert.equal(await videoCounts(videoId), 1);
  });

  test('only ready videos the user can see take comments', async () => {
    const { t, creator, fan, post, get } = kit();
    const privateVideo = await createReadyVideo(t, creator.accessToken, { visibility: 'private' });
    assert.equal((await post(fan.accessToken, privateVideo, 'hi')).statusCode, 404);
    assert.equal(
      (await post(creator.accessToken, privateVideo, 'a note to self')).statusCode,
      201,
      'the owner sees a private video',
    );
    assert.equal((await get(`/api/v1/videos/${privateVideo}/comments`, fan.accessToken)).statusCode, 404);

    const uploading = (await createVideo(t, creator.accessToken)).id;
    const notReady = await post(creator.accessToken, uploading, 'too early');
    assert.equal(notReady.statusCode, 409);
    assert.equal(json(notReady).error.code, 'NOT_READY');
    assert.equal((await post(fan.accessToken, '00000000-0000-4000-8000-000000000000', 'hi')).statusCode, 404);
  });

  test('a reply to a reply joins the top-level thread and mentions whom it answers', async () => {
    const { t, creator, fan, other, reply, get, commentId, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const top = await commentId(fan.accessToken, videoId, 'top-level');
    const first = json(await reply(other.accessToken, top, 'first reply')).data;
    assert.equal(first.parentId, top);
    assert.equal(first.replyToUser, null, 'replying to the thread mentions nobody');

    const nested = await reply(creator.accessToken, first.id, 'reply to the reply');
    assert.equal(nested.statusCode, 201);
    assert.equal(json(nested).data.parentId, top, 'attached to the thread, not nested deeper');
    assert.deepEqual(json(nested).data.replyToUser, { id: other.user.id, username: other.user.username });

    const thread = json(await get(`/api/v1/videos/${videoId}/comments`)).data;
    assert.deepEqual(
      thread.map((comment: { id: string }) => comment.id),
      [top],
      'replies are not top-level',
    );
    assert.equal(thread[0].replyCount, 2);
    const replies = json(await get(`/api/v1/comments/${top}/replies`));
    assert.deepEqual(
      replies.data.map((comment: { text: string }) => comment.text),
      ['first reply', 'reply to the reply'],
      'oldest first',
    );
    assert.equal(replies.data[1].replyToUser.username, other.user.username);
    assert.equal(replies.meta.nextCursor, null);
    assert.equal(await videoCounts(videoId), 3, 'replies count on the video');

    const ofReply = await get(`/api/v1/comments/${first.id}/replies`);
    assert.equal(ofReply.statusCode, 400, 'replies hang off top-level comments only');
  });

  test('an Idempotency-Key makes posting and replying safe to retry, even concurrently', async () => {
    const { t, creator, fan, other, get, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const withKey = (key: string, url: string, payload: object) =>
      t.app.inject({ method: 'POST', url, headers: { ...bearer(fan.accessToken), 'idempotency-key': key }, payload });
    const first = await withKey('post-1', '/api/v1/comments', { videoId, text: 'only once' });
    const retry = await withKey('post-1', '/api/v1/comments', { videoId, text: 'only once' });
    assert.equal(first.statusCode, 201);
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.headers['idempotent-replayed'], 'true');
    assert.equal(json(retry).data.id, json(first).data.id);
    assert.equal(json(retry).data.author.username, fan.user.username);

    const reused = await withKey('post-1', '/api/v1/comments', { videoId, text: 'something else' });
    assert.equal(reused.statusCode, 409);
    assert.equal(json(reused).error.code, 'IDEMPOTENCY_KEY_REUSED');

    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        withKey('reply-1', `/api/v1/comments/${json(first).data.id}/reply`, { text: 'double click' }),
      ),
    );
    assert.deepEqual(
      racing.map((response) => response.statusCode),
      [201, 201, 201, 201, 201],
    );
    assert.equal(new Set(racing.map((response) => json(response).data.id)).size, 1);
    assert.equal(json(await get(`/api/v1/comments/${json(first).data.id}`)).data.replyCount, 1);
    assert.equal(await videoCounts(videoId), 2);
    const otherUser = await t.app.inject({
      method: 'POST',
      url: '/api/v1/comments',
      headers: { ...bearer(other.accessToken), 'idempotency-key': 'post-1' },
      payload: { videoId, text: 'only once' },
    });
    assert.notEqual(json(otherUser).data.id, json(first).data.id, 'keys are per user');
  });

  test('editing: author only, marks it edited and bumps updatedAt', async () => {
    const { t, creator, fan, admin, get, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const id = await commentId(fan.accessToken, videoId, 'frist');
    const original = json(await get(`/api/v1/comments/${id}`)).data;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await send('PUT', `/api/v1/comments/${id}`, fan.accessToken, { text: 'first!' });
    assert.equal(edited.statusCode, 200);
    assert.equal(json(edited).data.text, 'first!');
    assert.equal(json(edited).data.isEdited, true);
    assert.equal(json(edited).data.createdAt, original.createdAt);
    assert.ok(json(edited).data.updatedAt > original.updatedAt);
    assert.equal(
      (await send('PUT', `/api/v1/comments/${id}`, creator.accessToken, { text: 'owner rewrite' })).statusCode,
      403,
    );
    assert.equal((await send('PUT', `/api/v1/comments/${id}`, admin, { text: 'admin rewrite' })).statusCode, 403);
    assert.equal((await send('PUT', `/api/v1/comments/${id}`, fan.accessToken, { text: '' })).statusCode, 400);
    assert.equal(json(await get(`/api/v1/comments/${id}`)).data.text, 'first!');
  });

  test('soft delete: a tombstone keeps its replies readable; counts follow; author, owner or admin only', async () => {
    const { t, creator, fan, other, admin, reply, get, send, commentId, videoCounts } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const top = await commentId(fan.accessToken, videoId, 'regrettable');
    const replyId = json(await reply(other.accessToken, top, 'a reply that stays')).data.id;
    const lonely = await commentId(other.accessToken, videoId, 'nobody answers this');
    assert.equal(await videoCounts(videoId), 3);

    assert.equal(
      (await send('DELETE', `/api/v1/comments/${top}`, other.accessToken)).statusCode,
      403,
      'strangers cannot delete',
    );
    assert.equal((await send('DELETE', `/api/v1/comments/${top}`, fan.accessToken)).statusCode, 204);
    assert.equal((await send('DELETE', `/api/v1/comments/${top}`, fan.accessToken)).statusCode, 204, 'idempotent');
    assert.equal(await videoCounts(videoId), 2);

    const tombstone = json(await get(`/api/v1/comments/${top}`)).data;
    assert.deepEqual(
      [tombstone.text, tombstone.author, tombstone.isDeleted, tombstone.replyCount],
      ['[deleted]', null, true, 1],
    );
    const replies = json(await get(`/api/v1/comments/${top}/replies`)).data;
    assert.deepEqual(
      replies.map((comment: { id: string }) => comment.id),
      [replyId],
    );
    const listed = json(await get(`/api/v1/videos/${videoId}/comments?sort=newest`)).data;
    assert.deepEqual(
      listed.map((comment: { id: string }) => comment.id),
      [lonely, top],
      'the tombstone stays listed for its replies',
    );

    assert.equal(
      (await send('DELETE', `/api/v1/comments/${lonely}`, creator.accessToken)).statusCode,
      204,
      'the video owner may delete',
    );
    assert.equal((await send('DELETE', `/api/v1/comments/${replyId}`, admin)).statusCode, 204, 'an admin may delete');
    assert.equal(await videoCounts(videoId), 0);
    assert.equal(
      json(await get(`/api/v1/videos/${videoId}/comments`)).data.length,
      0,
      'deleted comments without replies leave the list',
    );
    assert.equal((await reply(other.accessToken, top, 'too late')).statusCode, 404);
    assert.equal((await send('PUT', `/api/v1/comments/${top}`, fan.accessToken, { text: 'undo?' })).statusCode, 404);
    const stored = await t.platform.database.db
      .selectFrom('comments')
      .select('text')
      .where('id', '=', top)
      .executeTakeFirstOrThrow();
    assert.equal(stored.text, 'regrettable', 'the original stays for moderators');
  });

  test('comment likes are idempotent and like_count equals the like rows', async () => {
    const { t, creator, fan, other, get, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const id = await commentId(creator.accessToken, videoId, 'like me');
    const like = (token: string, method: 'POST' | 'DELETE' = 'POST') =>
      send(method, `/api/v1/comments/${id}/like`, token);
    assert.deepEqual(json(await like(fan.accessToken)).data, { commentId: id, liked: true, likeCount: 1 });
    assert.deepEqual(json(await like(fan.accessToken)).data, { commentId: id, liked: true, likeCount: 1 });
    assert.deepEqual(json(await like(other.accessToken)).data, { commentId: id, liked: true, likeCount: 2 });
    assert.equal(json(await get(`/api/v1/comments/${id}`, fan.accessToken)).data.hasLiked, true);
    assert.equal(json(await get(`/api/v1/comments/${id}`, creator.accessToken)).data.hasLiked, false);
    assert.equal(json(await get(`/api/v1/comments/${id}`)).data.hasLiked, false);
    assert.deepEqual(json(await like(fan.accessToken, 'DELETE')).data, { commentId: id, liked: false, likeCount: 1 });
    assert.deepEqual(json(await like(fan.accessToken, 'DELETE')).data, { commentId: id, liked: false, likeCount: 1 });
    const rows = await sql<{
      n: number;
    }>`select count(*)::int as n from comment_likes where comment_id = ${id}`.execute(t.platform.database.db);
    assert.equal(rows.rows[0]?.n, 1);
    assert.equal(
      (await send('POST', '/api/v1/comments/00000000-0000-4000-8000-000000000000/like', fan.accessToken)).statusCode,
      404,
    );
  });

  test('the owner can turn comments off: posting and replying get 403 COMMENTS_DISABLED, reading still works', async () => {
    const { t, creator, fan, admin, post, reply, get, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const id = await commentId(fan.accessToken, videoId, 'before the switch');
    const settings = (token: string, commentsEnabled: unknown) =>
      send('PUT', `/api/v1/videos/${videoId}/comment-settings`, token, { commentsEnabled });
    assert.equal((await settings(fan.accessToken, false)).statusCode, 403, 'only the owner');
    assert.equal((await settings(creator.accessToken, 'no')).statusCode, 400);
    const off = await settings(creator.accessToken, false);
    assert.deepEqual(json(off).data, { videoId, commentsEnabled: false });

    for (const response of [
      await post(fan.accessToken, videoId, 'after'),
      await reply(fan.accessToken, id, 'after'),
      await post(creator.accessToken, videoId, 'mine'),
    ]) {
      assert.equal(response.statusCode, 403);
      assert.equal(json(response).error.code, 'COMMENTS_DISABLED');
    }
    const list = json(await get(`/api/v1/videos/${videoId}/comments`));
    assert.equal(list.data.length, 1);
    assert.equal(list.meta.commentsEnabled, false);

    assert.equal(json(await settings(admin, true)).data.commentsEnabled, true, 'an admin may switch them back on');
    assert.equal((await post(fan.accessToken, videoId, 'back on')).statusCode, 201);
  });

  test('a suspended account cannot post, reply, edit or like (403 ACCOUNT_SUSPENDED) until unbanned', async () => {
    const { t, creator, fan, admin, post, reply, send, commentId } = kit();
    const videoId = await createReadyVideo(t, creator.accessToken);
    const troll = await registerUser(t.app);
    const own = await commentId(troll.accessToken, videoId, 'before the ban');
    const target = await commentId(fan.accessToken, videoId, 'a target');
    assert.equal((await send('POST', `/api/v1/admin/users/${troll.user.id}/ban`, admin)).statusCode, 200);

    const attempts = [
      await post(troll.accessToken, videoId, 'still here'),
      await reply(troll.accessToken, target, 'still here'),
      await send('PUT', `/api/v1/comments/${own}`, troll.accessToken, { text: 'edited' }),
      await send('POST', `/api/v1/comments/${target}/like`, troll.accessToken),
    ];
    for (const response of attempts) {
      assert.equal(response.statusCode, 403);
      assert.equal(json(response).error.code, 'ACCOUNT_SUSPENDED');
    }
    assert.equal(
      (await send('DELETE', `/api/v1/comments/${own}`, troll.accessToken)).statusCode,
      204,
      'they may still delete their own words',
    );
    assert.equal((await send('POST', `/api/v1/admin/users/${troll.user.id}/unban`, admin)).statusCode, 200);
    assert.equal((await post(troll.accessToken, videoId, 'reformed')).statusCode, 201);
  });
});
