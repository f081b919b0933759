import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { startWorkers } from '../../workers.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { createReadyVideo } from '../views/engagement-test-support.ts';
import { waitFor } from '../videos/video-test-support.ts';

const DAY_MS = 86_400_000;

/** Subscriptions reach analytics through the outbox; the watch page's button names the video it is on. */
for (const kind of testDatabaseKinds()) {
  describe(`subscribers credited to videos on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
      startWorkers(t.platform, t.services);
    });
    after(async () => {
      await t.close();
    });

    const now = () => Date.now();

    test('subscribers gained and lost are credited to the video they were pressed on, and always to the channel', async () => {
      const [channel, elsewhere] = (await createAccounts(t, 2, 'creator')) as [TestAccount, TestAccount];
      const [fan, passer] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const video = await createReadyVideo(t, channel.token);
      const foreign = await createReadyVideo(t, elsewhere.token);
      const from = new Date(now() - DAY_MS).toISOString();
      const subscribe = (as: TestAccount, payload?: object) =>
        call(t, 'POST', `/users/${channel.id}/subscribe`, as, payload);
      assert.equal((await subscribe(fan, { fromVideoId: video })).statusCode, 200);
      // Another channel's video cannot be credited: the subscriber counts for the channel alone.
      assert.equal((await subscribe(passer, { fromVideoId: foreign })).statusCode, 200);
      assert.equal((await subscribe(passer, { fromVideoId: 'not-a-uuid' })).statusCode, 400);
      assert.equal((await subscribe(passer, { fromVideoId: video, extra: 1 })).statusCode, 400);
      const channelTotals = async () =>
        json(await call(t, 'GET', `/analytics/channel?from=${from}`, channel)).data.totals as {
          subscribersGained: number;
          subscribersLost: number;
        };
      const videoTotals = async () =>
        json(await call(t, 'GET', `/analytics/videos/${video}?from=${from}`, channel)).data.totals as {
          subscribersGained: number;
          subscribersLost: number;
        };
      await waitFor(
        'both subscriptions in the channel totals',
        async () => ((await channelTotals()).subscribersGained === 2 ? true : undefined),
        20_000,
      );
      assert.equal((await videoTotals()).subscribersGained, 1, 'the video is credited with the one made on its page');
      assert.equal(
        (await call(t, 'DELETE', `/users/${channel.id}/subscribe?fromVideoId=${video}`, fan)).statusCode,
        204,
      );
      await waitFor(
        'the loss on the video',
        async () => ((await videoTotals()).subscribersLost === 1 ? true : undefined),
        20_000,
      );
      assert.equal((await channelTotals()).subscribersLost, 1);
    });
  });
}
