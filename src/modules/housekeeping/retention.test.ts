import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { scheduleRecurring } from '../../platform/jobs/recurring.ts';
import { createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { createVideo } from '../videos/video-test-support.ts';
import { pruneHistory } from './retention.ts';

for (const kind of testDatabaseKinds()) {
  describe(`housekeeping on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    test('expired Idempotency-Keys are forgotten, fresh ones kept; the videos stay', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const { db } = t.platform.database;
      const oldVideo = await createVideo(t, creator.token);
      const newVideo = await createVideo(t, creator.token);
      await db
        .insertInto('idempotency_keys')
        .values([
          {
            user_id: creator.id,
            scope: 'videos.create',
            idempotency_key: 'old-key',
            request_hash: 'x',
            resource_id: oldVideo.id,
            created_at: sql<Date>`now() - interval '2 days'` as never,
          },
          {
            user_id: creator.id,
            scope: 'videos.create',
            idempotency_key: 'new-key',
            request_hash: 'x',
            resource_id: newVideo.id,
          },
        ])
        .execute();
      const pruned = await pruneHistory(t.platform);
      assert.ok(pruned.idempotencyKeys >= 1);
      const keys = await db
        .selectFrom('idempotency_keys')
        .select('idempotency_key')
        .where('user_id', '=', creator.id)
        .execute();
      assert.deepEqual(
        keys.map((key) => key.idempotency_key),
        ['new-key'],
      );
      assert.ok(await db.selectFrom('videos').select('id').where('id', '=', oldVideo.id).executeTakeFirst());
    });

    test('recurring work: every worker scheduling the same slot gets one job, due at the start of the next slot', async () => {
      const now = Date.now();
      const first = await scheduleRecurring(t.platform.jobs, 'housekeeping-test', 'tick', 3600, now);
      const second = await scheduleRecurring(t.platform.jobs, 'housekeeping-test', 'tick', 3600, now + 1000);
      assert.equal(second.id, first.id);
      const job = await t.platform.jobs.getJob(first.id);
      assert.equal(job?.status, 'waiting');
      assert.deepEqual(job?.payload, { slot: Math.floor(now / 3_600_000) + 1 });
    });
  });
}
