import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { postComment, storedCommentCount } from '../comments/comment-test-support.ts';
import { adminToken } from '../videos/video-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';

type Session = Awaited<ReturnType<typeof registerUser>>;

for (const kind of testDatabaseKinds()) {
  describe(`comment moderation on ${kind}`, () => {
    let t: TestApp;
    let creator: Session;
    let author: Session;
    let stranger: Session;
    let admin: string;
    before(async () => {
      t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '100000', COMMENT_BURST: '100000' });
      [creator, author, stranger] = await Promise.all([
        registerUser(t.app, { role: 'creator' }),
        registerUser(t.app),
        registerUser(t.app),
      ]);
      admin = await adminToken(t);
    });
    after(async () => {
      await t.close();
    });

    const call = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
      t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
    const report = (commentId: string, token: string, payload: object = { reason: 'spam' }) =>
      call('POST', `/api/v1/comments/${commentId}/report`, token, payload);
    const openReports = async () =>
      json(await call('GET', '/api/v1/admin/reports?status=open&limit=100', admin)).data as any[];
    const resolve = (reportId: string, payload: object, token = admin) =>
      call('POST', `/api/v1/admin/reports/${reportId}/resolve`, token, payload);

    test('hidden comments: who still sees them, and what the counts say', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const hiddenId = await postComment(t, author.accessToken, videoId, 'borderline');
      const shownId = await postComment(t, stranger.accessToken, videoId, 'harmless');
      const reply = json(
        await call('POST', `/api/v1/comments/${shownId}/reply`, author.accessToken, { text: 'borderline reply' }),
      ).data.id as string;
      assert.equal(await storedCommentCount(t, videoId), 3);

      assert.equal(
        (await call('POST', `/api/v1/comments/${hiddenId}/hide`, stranger.accessToken)).statusCode,
        403,
        'viewers cannot hide',
      );
      assert.equal(
        (await call('POST', `/api/v1/comments/${hiddenId}/hide`, author.accessToken)).statusCode,
        403,
        'authors cannot hide',
      );
      const hidden = await call('POST', `/api/v1/comments/${hiddenId}/hide`, creator.accessToken);
      assert.equal(hidden.statusCode, 200);
      assert.equal(json(hidden).data.isHidden, true);
      assert.equal(
        (await call('POST', `/api/v1/comments/${hiddenId}/hide`, creator.accessToken)).statusCode,
        200,
        'idempotent',
      );
      assert.equal(
        (await call('POST', `/api/v1/comments/${reply}/hide`, admin)).statusCode,
        200,
        'admins hide anywhere',
      );
      assert.equal(await storedCommentCount(t, videoId), 1, 'hidden comments leave the public count, once');

      const viewers: Array<[string, string | undefined, boolean]> = [
        ['anonymous', undefined, false],
        ['stranger', stranger.accessToken, false],
        ['author', author.accessToken, true],
        ['video owner', creator.accessToken, true],
        ['admin', admin, true],
      ];
      for (const [who, token, seesHidden] of viewers) {
        for (const sort of ['top', 'newest']) {
          const ids = json(await call('GET', `/api/v1/videos/${videoId}/comments?sort=${sort}`, token)).data.map(
            (comment: { id: string }) => comment.id,
          );
          assert.equal(ids.includes(hiddenId), seesHidden, `${who} ${sort}`);
          assert.ok(ids.includes(shownId), `${who} ${sort}`);
        }
        const single = await call('GET', `/api/v1/comments/${hiddenId}`, token);
        assert.equal(single.statusCode, seesHidden ? 200 : 404, `${who} GET`);
        if (seesHidden) assert.equal(json(single).data.isHidden, true);
        const replies = json(await call('GET', `/api/v1/comments/${shownId}/replies`, token)).data;
        assert.equal(replies.length, seesHidden ? 1 : 0, `${who} replies`);
      }
      const thread = json(await call('GET', `/api/v1/comments/${shownId}`)).data;
      assert.equal(thread.replyCount, 0, 'a hidden reply is not counted');
      assert.equal(
        (await call('POST', `/api/v1/comments/${hiddenId}/report`, stranger.accessToken, { reason: 'spam' }))
          .statusCode,
        404,
        'nor reportable by those who cannot see it',
      );

      assert.equal(
        json(await call('POST', `/api/v1/comments/${hiddenId}/unhide`, creator.accessToken)).data.isHidden,
        false,
      );
      assert.equal((await call('POST', `/api/v1/comments/${reply}/unhide`, admin)).statusCode, 200);
      assert.equal(await storedCommentCount(t, videoId), 3);
      assert.equal(json(await call('GET', `/api/v1/comments/${shownId}`)).data.replyCount, 1);
      assert.equal((await call('GET', `/api/v1/comments/${hiddenId}`)).statusCode, 200);
    });

    test('reporting is idempotent per user and comment, and validated', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const commentId = await postComment(t, author.accessToken, videoId, 'buy cheap watches');
      const first = await report(commentId, stranger.accessToken, { reason: 'spam', details: 'a link farm' });
      assert.equal(first.statusCode, 201);
      assert.equal(json(first).data.status, 'open');
      const again = await report(commentId, stranger.accessToken, { reason: 'harassment' });
      assert.equal(again.statusCode, 200);
      assert.equal(json(again).data.id, json(first).data.id);
      assert.equal(json(again).data.reason, 'spam', 'the open report is returned as it was filed');
      const racing = await Promise.all(Array.from({ length: 5 }, () => report(commentId, creator.accessToken)));
      assert.deepEqual(racing.map((response) => response.statusCode).sort(), [200, 200, 200, 200, 201]);
      assert.equal(new Set(racing.map((response) => json(response).data.id)).size, 1);

      for (const payload of [
        { reason: 'boring' },
        {},
        { reason: 'other', details: 'x'.repeat(1001) },
        { reason: 'spam', extra: 1 },
      ]) {
        assert.equal(
          (await report(commentId, author.accessToken, payload)).statusCode,
          400,
          JSON.stringify(payload).slice(0, 60),
        );
      }
      assert.equal((await report('00000000-0000-4000-8000-000000000000', stranger.accessToken)).statusCode, 404);
      assert.equal(
        (await call('POST', `/api/v1/comments/${commentId}/report`, undefined, { reason: 'spam' })).statusCode,
        401,
      );
      const listed = (await openReports()).filter((item) => item.commentId === commentId);
      assert.equal(listed.length, 2);
      assert.equal(listed[0].comment.openReportCount, 2);
    });

    test('the admin queue shows the comment, its author and video; only admins may read it', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const commentId = await postComment(t, author.accessToken, videoId, 'you are all wrong');
      await report(commentId, stranger.accessToken, { reason: 'harassment', details: 'rude' });
      assert.equal((await call('GET', '/api/v1/admin/reports', stranger.accessToken)).statusCode, 403);
      assert.equal((await call('GET', '/api/v1/admin/reports')).statusCode, 401);
      const item = (await openReports()).find((candidate) => candidate.commentId === commentId);
      assert.equal(item.reason, 'harassment');
      assert.equal(item.details, 'rude');
      assert.deepEqual(item.reporter, { id: stranger.user.id, username: stranger.user.username });
      assert.equal(item.comment.text, 'you are all wrong');
      assert.deepEqual(item.comment.author, { id: author.user.id, username: author.user.username, isBanned: false });
      assert.equal(item.video.id, videoId);
      assert.equal(item.video.title, 'A test video');
      assert.equal((await call('GET', '/api/v1/admin/reports?status=closed', admin)).statusCode, 400);
      assert.equal((await call('GET', '/api/v1/admin/reports?cursor=bm9wZQ', admin)).statusCode, 400);
    });

    test('admin queue pagination: oldest first, every report once', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const reporters = await Promise.all([registerUser(t.app), registerUser(t.app), registerUser(t.app)]);
      for (let n = 0; n < 3; n += 1) {
        const commentId = await postComment(t, author.accessToken, videoId, `page me ${n}`);
        for (const reporter of reporters) await report(commentId, reporter.accessToken);
      }
      const expected = (await openReports()).map((item) => item.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/admin/reports?limit=4${cursor ? `&cursor=${cursor}` : ''}`;
        const page = json(await call('GET', url, admin));
        seen.push(...page.data.map((item: { id: string }) => item.id));
        cursor = page.meta.nextCursor;
      } while (cursor);
      assert.ok(seen.length >= 9);
      assert.deepEqual(seen, expected);
    });

    test('dismiss closes every open report of the comment; deciding twice is a 409', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const commentId = await postComment(t, author.accessToken, videoId, 'unpopular opinion');
      const reportId = json(await report(commentId, stranger.accessToken)).data.id;
      await report(commentId, creator.accessToken, { reason: 'misinformation' });

      assert.equal((await resolve(reportId, { action: 'dismiss' }, stranger.accessToken)).statusCode, 403);
      assert.equal((await resolve(reportId, { action: 'delete_everything' })).statusCode, 400);
      const dismissed = await resolve(reportId, { action: 'dismiss', note: 'an opinion, not misinformation' });
      assert.equal(dismissed.statusCode, 200);
      assert.equal(json(dismissed).data.resolvedReports, 2);
      assert.equal(json(dismissed).data.report.resolution, 'dismiss');
      assert.equal(json(dismissed).data.report.resolutionNote, 'an opinion, not misinformation');
      assert.ok(!(await openReports()).some((item) => item.commentId === commentId));
      const history = json(await call('GET', '/api/v1/admin/reports?status=resolved&limit=100', admin)).data;
      assert.equal(history.filter((item: { commentId: string }) => item.commentId === commentId).length, 2);

      const twice = await resolve(reportId, { action: 'hide_comment' });
      assert.equal(twice.statusCode, 409);
      assert.equal(json(twice).error.code, 'REPORT_RESOLVED');
      assert.equal(
        json(await call('GET', `/api/v1/comments/${commentId}`)).data.isHidden,
        false,
        'dismissed comments stay up',
      );
      assert.equal(
        (await report(commentId, stranger.accessToken)).statusCode,
        201,
        'once resolved, the same user may report again',
      );
      assert.equal((await resolve('00000000-0000-4000-8000-000000000000', { action: 'dismiss' })).statusCode, 404);
    });

    test('hide_comment hides it for the public; ban_user suspends the author at once', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const offender = await registerUser(t.app);
      const spam = await postComment(t, offender.accessToken, videoId, 'spam spam spam');
      const worse = await postComment(t, offender.accessToken, videoId, 'much worse');
      const hideReport = json(await report(spam, stranger.accessToken)).data.id;
      const banReport = json(await report(worse, stranger.accessToken, { reason: 'hate' })).data.id;

      assert.equal(json(await resolve(hideReport, { action: 'hide_comment' })).data.report.resolution, 'hide_comment');
      assert.equal((await call('GET', `/api/v1/comments/${spam}`, stranger.accessToken)).statusCode, 404);
      assert.equal(await storedCommentCount(t, videoId), 1);

      const banned = await resolve(banReport, { action: 'ban_user', note: 'hate speech' });
      assert.equal(banned.statusCode, 200);
      const attempt = await call('POST', '/api/v1/comments', offender.accessToken, { videoId, text: 'I am back' });
      assert.equal(attempt.statusCode, 403);
      assert.equal(json(attempt).error.code, 'ACCOUNT_SUSPENDED');
      const login = await call('POST', '/api/v1/auth/login', undefined, {
        email: offender.user.email,
        password: offender.password,
      });
      assert.equal(login.statusCode, 403, 'the auth module refuses suspended accounts');
      const history = json(await call('GET', '/api/v1/admin/reports?status=resolved&limit=100', admin)).data;
      assert.equal(history.find((item: { id: string }) => item.id === banReport).comment.author.isBanned, true);
    });

    test('admins cannot be banned, and a refused ban resolves nothing', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const otherAdmin = await adminToken(t);
      const adminComment = await postComment(t, otherAdmin, videoId, 'official notice');
      const reportId = json(await report(adminComment, stranger.accessToken)).data.id;
      const refused = await resolve(reportId, { action: 'ban_user' });
      assert.equal(refused.statusCode, 409);
      assert.equal(json(refused).error.code, 'CANNOT_BAN_ADMIN');
      assert.ok(
        (await openReports()).some((item) => item.id === reportId),
        'the report is still open',
      );
    });

    test('ban and unban by hand: idempotent, keeps the first ban time, 404 for unknown users', async () => {
      const user = await registerUser(t.app);
      const first = json(await call('POST', `/api/v1/admin/users/${user.user.id}/ban`, admin)).data;
      assert.equal(first.userId, user.user.id);
      assert.ok(first.bannedAt);
      assert.equal(
        json(await call('POST', `/api/v1/admin/users/${user.user.id}/ban`, admin)).data.bannedAt,
        first.bannedAt,
      );
      assert.equal(json(await call('POST', `/api/v1/admin/users/${user.user.id}/unban`, admin)).data.bannedAt, null);
      assert.equal(json(await call('POST', `/api/v1/admin/users/${user.user.id}/unban`, admin)).data.bannedAt, null);
      assert.equal(
        (await call('POST', `/api/v1/admin/users/${user.user.id}/ban`, creator.accessToken)).statusCode,
        403,
      );
      assert.equal(
        (await call('POST', '/api/v1/admin/users/00000000-0000-4000-8000-000000000000/ban', admin)).statusCode,
        404,
      );
      assert.equal((await call('POST', '/api/v1/admin/users/not-a-uuid/ban', admin)).statusCode, 400);
    });

    test('two admins deciding on the same comment at once: one wins, the other gets 409, nothing deadlocks', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const secondAdmin = await adminToken(t);
      const commentId = await postComment(t, author.accessToken, videoId, 'contested');
      const reportIds = [
        json(await report(commentId, stranger.accessToken)).data.id,
        json(await report(commentId, creator.accessToken)).data.id,
      ];
      const [a, b] = await Promise.all([
        resolve(reportIds[0], { action: 'hide_comment' }, admin),
        resolve(reportIds[1], { action: 'dismiss' }, secondAdmin),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      const winner = a.statusCode === 200 ? a : b;
      assert.equal(json(winner).data.resolvedReports, 2);
    });
  });
}
