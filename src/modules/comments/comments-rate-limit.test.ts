import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { storedCommentCount } from './comment-test-support.ts';

const limiter = process.env.REDIS_URL ? 'Redis buckets' : 'in-process buckets';

for (const kind of testDatabaseKinds()) {
  describe(`comment rate limit on ${kind} with ${limiter}`, () => {
    let t: TestApp;
    let videoId: string;
    before(async () => {
      // Bursts of 2, then a token every 3 s: the refill is observable without waiting a minute, yet slow
      // enough that a busy machine cannot refill the bucket between the requests of one test.
      t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '20', COMMENT_BURST: '2' });
      const creator = await registerUser(t.app, { role: 'creator' });
      videoId = await createReadyVideo(t, creator.accessToken);
    });
    after(async () => {
      await t.close();
    });

    const post = (token: string, text = 'hello') =>
      t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: bearer(token), payload: { videoId, text } });

    test('past the burst: 429 with Retry-After, replies share the bucket, per user; allowed again after the refill', async () => {
      const [chatty, quiet] = await Promise.all([registerUser(t.app), registerUser(t.app)]);
      const first = await t.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { ...bearer(chatty.accessToken), 'idempotency-key': 'first' },
        payload: { videoId, text: 'hello' },
      });
      assert.equal(first.statusCode, 201);
      const reply = await t.app.inject({
        method: 'POST',
        url: `/api/v1/comments/${json(first).data.id}/reply`,
        headers: bearer(chatty.accessToken),
        payload: { text: 'me again' },
      });
      assert.equal(reply.statusCode, 201);
      const before = await storedCommentCount(t, videoId);

      const limited = await post(chatty.accessToken);
      assert.equal(limited.statusCode, 429, 'the reply spent the second token of the burst');
      assert.equal(json(limited).error.code, 'RATE_LIMITED');
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3, `Retry-After: ${retryAfter}`);
      assert.equal(await storedCommentCount(t, videoId), before, 'a refused comment writes nothing');
      assert.equal((await post(quiet.accessToken)).statusCode, 201, 'other users have their own bucket');
      const retried = await t.app.inject({
        method: 'POST',
        url: '/api/v1/comments',
        headers: { ...bearer(chatty.accessToken), 'idempotency-key': 'first' },
        payload: { videoId, text: 'hello' },
      });
      assert.equal(retried.statusCode, 201, 'a retry of a comment that was created is not a new comment');
      assert.equal(retried.headers['idempotent-replayed'], 'true');

      await sleep(retryAfter * 1000);
      assert.equal((await post(chatty.accessToken)).statusCode, 201);
    });

    test('requests refused for other reasons spend no token', async () => {
      const user = await registerUser(t.app);
      for (let n = 0; n < 3; n += 1) assert.equal((await post(user.accessToken, '')).statusCode, 400);
      assert.equal((await post(user.accessToken)).statusCode, 201);
      assert.equal((await post(user.accessToken)).statusCode, 201);
    });
  });
}
