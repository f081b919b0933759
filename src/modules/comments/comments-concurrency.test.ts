import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createReadyVideo, insertViewers } from '../views/engagement-test-support.ts';
import { postComment, storedCommentCount } from './comment-test-support.ts';

const COMMENTERS = 20;
const COMMENTS = 1000;

for (const kind of testDatabaseKinds()) {
  describe(`comments under concurrency on ${kind}`, () => {
    let t: TestApp;
    let creator: Awaited<ReturnType<typeof registerUser>>;
    let users: { id: string; token: string }[];
    before(async () => {
      t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '1000000', COMMENT_BURST: '1000000' });
      creator = await registerUser(t.app, { role: 'creator' });
      users = await insertViewers(t, COMMENTERS);
    });
    after(async () => {
      await t.close();
    });

    const count = async (query: ReturnType<typeof sql<{ n: number }>>) =>
      Number((await query.execute(t.platform.database.db)).rows[0]?.n);

    test(`${COMMENTS} concurrent comments on one video: all stored, counts right, every one listed once`, async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const responses = await Promise.all(
        Array.from({ length: COMMENTS }, (_, n) =>
          t.app.inject({
            method: 'POST',
            url: '/api/v1/comments',
            headers: bearer(users[n % COMMENTERS]!.token),
            payload: { videoId, text: `comment number ${n}` },
          }),
        ),
      );
      assert.deepEqual([...new Set(responses.map((response) => response.statusCode))], [201]);
      assert.equal(await count(sql`select count(*)::int as n from comments where video_id = ${videoId}`), COMMENTS);
      assert.equal(await storedCommentCount(t, videoId), COMMENTS);

      const listed = new Set<string>();
      let cursor: string | null = null;
      do {
        const url: string = `/api/v1/videos/${videoId}/comments?sort=newest&limit=100${cursor ? `&cursor=${cursor}` : ''}`;
        const page = json(await t.app.inject({ method: 'GET', url }));
        for (const comment of page.data) listed.add(comment.id);
        cursor = page.meta.nextCursor;
      } while (cursor);
      assert.equal(listed.size, COMMENTS);
    });

    test('replies, likes, deletes and hides racing on one thread leave every counter equal to its rows', async () => {
      const videoId = await createReadyVideo(t, creator.accessToken);
      const thread = await postComment(t, creator.accessToken, videoId, 'the thread');
      const seeded = await Promise.all(
        users.map((user) =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/comments/${thread}/reply`,
            headers: bearer(user.token),
            payload: { text: 'early reply' },
          }),
        ),
      );
      const early = seeded.map((response) => json(response).data.id as string);

      const storm = [
        ...users.map((user) =>
          t.app.inject({
            method: 'POST',
            url: `/api/v1/comments/${thread}/reply`,
            headers: bearer(user.token),
            payload: { text: 'late reply' },
          }),
        ),
        // Every user likes twice and half of them take it back, all at once.
        ...users.flatMap((user) =>
          [1, 2].map(() =>
            t.app.inject({ method: 'POST', url: `/api/v1/comments/${thread}/like`, headers: bearer(user.token) }),
          ),
        ),
        ...users
          .slice(0, COMMENTERS / 2)
          .map((user) =>
            t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${thread}/like`, headers: bearer(user.token) }),
          ),
        // Authors delete a third of the early replies while the owner hides (and re-shows) others.
        ...early
          .filter((_, n) => n % 3 === 0)
          .map((id, n) =>
            t.app.inject({ method: 'DELETE', url: `/api/v1/comments/${id}`, headers: bearer(users[n * 3]!.token) }),
          ),
        ...early
          .filter((_, n) => n % 3 === 1)
          .flatMap((id) => [
            t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/hide`, headers: bearer(creator.accessToken) }),
            t.app.inject({ method: 'POST', url: `/api/v1/comments/${id}/hide`, headers: bearer(creator.accessToken) }),
          ]),
      ];
      const statuses = (await Promise.all(storm)).map((response) => response.statusCode);
      assert.ok(
        statuses.every((status) => status < 300),
        `all succeeded: ${[...new Set(statuses)].join(',')}`,
      );

      const visibleReplies = await count(
        sql`select count(*)::int as n from comments where parent_id = ${thread} and deleted_at is null and hidden_at is null`,
      );
      const likeRows = await count(sql`select count(*)::int as n from comment_likes where comment_id = ${thread}`);
      const visibleOnVideo = await count(
        sql`select count(*)::int as n from comments where video_id = ${videoId} and deleted_at is null and hidden_at is null`,
      );
      const stored = json(await t.app.inject({ method: 'GET', url: `/api/v1/comments/${thread}` })).data;
      assert.equal(stored.replyCount, visibleReplies);
      assert.equal(visibleReplies, 2 * COMMENTERS - Math.ceil(COMMENTERS / 3) - Math.floor((COMMENTERS + 1) / 3));
      assert.equal(stored.likeCount, likeRows);
      assert.ok(likeRows >= COMMENTERS / 2 && likeRows <= COMMENTERS, `${likeRows} likes`);
      assert.equal(await storedCommentCount(t, videoId), visibleOnVideo);
      assert.equal(visibleOnVideo, visibleReplies + 1);
    });
  });
}
