import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, type TestAccount } from '../channels/channel-test-support.ts';
import { channelStatsRepo } from './channel-stats-repo.ts';

for (const kind of testDatabaseKinds()) {
  describe(`subscriptions on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    const channelOf = async (channel: TestAccount, as?: TestAccount) =>
      json(await call(t, 'GET', `/users/${channel.id}/channel`, as)).data;

    /** Users whose stored counters differ from their subscription rows (there should be none). */
    async function countersOffTheRows(): Promise<string[]> {
      const { rows } = await sql<{ id: string }>`
        select users.id from users left join channel_stats on channel_stats.user_id = users.id
        where coalesce(channel_stats.subscriber_count, 0) <> (select count(*) from subscriptions where channel_id = users.id)
           or coalesce(channel_stats.subscription_count, 0) <> (select count(*) from subscriptions where subscriber_id = users.id)`.execute(
        t.platform.database.db,
      );
      return rows.map((row) => row.id);
    }

    test('subscribing twice is one subscription; unsubscribing twice is fine; the channel page follows', async () => {
      const [viewer, creator] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const first = await call(t, 'POST', `/users/${creator.id}/subscribe`, viewer);
      assert.equal(first.statusCode, 200);
      assert.deepEqual(
        { ...json(first).data, subscribedAt: undefined },
        {
          channelId: creator.id,
          subscribed: true,
          notificationsEnabled: true,
          subscribedAt: undefined,
          subscriberCount: 1,
        },
      );
      const again = await call(t, 'POST', `/users/${creator.id}/subscribe`, viewer);
      assert.equal(json(again).data.subscriberCount, 1);
      assert.equal(json(again).data.subscribedAt, json(first).data.subscribedAt);

      const page = await channelOf(creator, viewer);
      assert.equal(page.subscriberCount, 1);
      assert.equal(page.isSubscribed, true);
      assert.equal(page.notificationsEnabled, true);
      assert.equal((await channelOf(viewer)).subscriptionCount, 1);
      const anonymous = await channelOf(creator);
      assert.equal(anonymous.isSubscribed, false);
      assert.equal(anonymous.notificationsEnabled, null);

      assert.equal((await call(t, 'DELETE', `/users/${creator.id}/subscribe`, viewer)).statusCode, 204);
      assert.equal((await call(t, 'DELETE', `/users/${creator.id}/subscribe`, viewer)).statusCode, 204);
      const afterwards = await channelOf(creator, viewer);
      assert.equal(afterwards.subscriberCount, 0);
      // One event per real change, for the discovery feed to follow.
      const events = await t.platform.database.db
        .selectFrom('outbox_events')
        .select(['topic', 'payload'])
        .where('partition_key', '=', viewer.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        events.map((event) => event.topic),
        ['subscription.created', 'subscription.deleted'],
      );
      assert.deepEqual(events[0]!.payload, {
        subscriberId: viewer.id,
        channelId: creator.id,
        notificationsEnabled: true,
        subscriberCount: 1,
      });
      assert.equal(afterwards.isSubscribed, false);
      assert.equal((await channelOf(viewer)).subscriptionCount, 0);
    });

    test('the notification toggle needs a subscription and shows in /me/subscriptions', async () => {
      const [viewer, creator] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const notSubscribed = await call(t, 'PUT', `/users/${creator.id}/subscription`, viewer, {
        notificationsEnabled: false,
      });
      assert.equal(notSubscribed.statusCode, 404);
      assert.equal(json(notSubscribed).error.code, 'NOT_SUBSCRIBED');

      await call(t, 'POST', `/users/${creator.id}/subscribe`, viewer);
      const muted = await call(t, 'PUT', `/users/${creator.id}/subscription`, viewer, { notificationsEnabled: false });
      assert.equal(muted.statusCode, 200);
      assert.equal(json(muted).data.notificationsEnabled, false);
      assert.equal((await channelOf(creator, viewer)).notificationsEnabled, false);
      // Subscribing again keeps the muted setting.
      assert.equal(
        json(await call(t, 'POST', `/users/${creator.id}/subscribe`, viewer)).data.notificationsEnabled,
        false,
      );

      const mine = json(await call(t, 'GET', '/me/subscriptions', viewer));
      assert.equal(mine.data.length, 1);
      assert.equal(mine.data[0].user.id, creator.id);
      assert.equal(mine.data[0].notificationsEnabled, false);
      assert.equal(mine.meta.nextCursor, null);

      const invalid = await call(t, 'PUT', `/users/${creator.id}/subscription`, viewer, { notificationsEnabled: 'no' });
      assert.equal(invalid.statusCode, 400);
      assert.equal(json(invalid).error.details[0].field, 'notificationsEnabled');
    });

    test('refused: yourself, unknown and banned channels, anonymous callers, malformed ids', async () => {
      const [viewer, banned] = (await createAccounts(t, 2)) as [TestAccount, TestAccount];
      const self = await call(t, 'POST', `/users/${viewer.id}/subscribe`, viewer);
      assert.equal(self.statusCode, 400);
      assert.equal(json(self).error.code, 'SELF_SUBSCRIPTION');
      assert.equal(
        json(await call(t, 'DELETE', `/users/${viewer.id}/subscribe`, viewer)).error.code,
        'SELF_SUBSCRIPTION',
      );

      assert.equal(
        (await call(t, 'POST', '/users/00000000-0000-4000-8000-000000000000/subscribe', viewer)).statusCode,
        404,
      );
      await t.platform.database.db
        .updateTable('users')
        .set({ banned_at: new Date() })
        .where('id', '=', banned.id)
        .execute();
      assert.equal((await call(t, 'POST', `/users/${banned.id}/subscribe`, viewer)).statusCode, 404);
      assert.equal((await call(t, 'GET', `/users/${banned.id}/channel`)).statusCode, 404);

      assert.equal((await call(t, 'POST', `/users/${banned.id}/subscribe`)).statusCode, 401);
      const malformed = await call(t, 'POST', '/users/not-a-uuid/subscribe', viewer);
      assert.equal(malformed.statusCode, 400);
      assert.equal(json(malformed).error.details[0].field, 'id');
      assert.equal((await channelOf(viewer)).subscriptionCount, 0);
    });

    test('concurrent subscribes, unsubscribes and mutual subscriptions keep every counter exact', async () => {
      const channels = (await createAccounts(t, 2, 'creator')) as [TestAccount, TestAccount];
      const fans = await createAccounts(t, 20);
      const [a, b] = channels;
      // Each fan subscribes to both channels three times at once; a and b subscribe to each other
      // from both sides at the same time (opposite lock orders if counters were locked naively).
      await Promise.all([
        ...fans.flatMap((fan) =>
          [1, 2, 3].flatMap(() => channels.map((channel) => call(t, 'POST', `/users/${channel.id}/subscribe`, fan))),
        ),
        ...[1, 2, 3].flatMap(() => [
          call(t, 'POST', `/users/${b.id}/subscribe`, a),
          call(t, 'POST', `/users/${a.id}/subscribe`, b),
        ]),
      ]);
      assert.equal((await channelOf(a)).subscriberCount, 21);
      assert.equal((await channelOf(b)).subscriberCount, 21);

      // Half the fans leave channel a twice over while the other half toggle channel b off and on.
      const [leavers, togglers] = [fans.slice(0, 10), fans.slice(10)];
      const results = await Promise.all([
        ...leavers.flatMap((fan) => [1, 2].map(() => call(t, 'DELETE', `/users/${a.id}/subscribe`, fan))),
        ...togglers.flatMap((fan) => [
          call(t, 'DELETE', `/users/${b.id}/subscribe`, fan),
          call(t, 'POST', `/users/${b.id}/subscribe`, fan),
        ]),
      ]);
      assert.ok(
        results.every((response) => response.statusCode < 300),
        'every request succeeded',
      );

      assert.deepEqual(await countersOffTheRows(), []);
      assert.equal((await channelOf(a)).subscriberCount, 11);

      // The projection's rebuild agrees with what the transactions maintained.
      await t.platform.database.db
        .updateTable('channel_stats')
        .set({ subscriber_count: 999 })
        .where('user_id', '=', a.id)
        .execute();
      await channelStatsRepo.rebuild(t.platform.database.db);
      assert.equal((await channelOf(a)).subscriberCount, 11);
      assert.deepEqual(await countersOffTheRows(), []);
    });

    test('followers and following: newest first, cursor pages without gaps or repeats', async () => {
      const [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      const fans = await createAccounts(t, 7);
      for (const fan of fans) await call(t, 'POST', `/users/${creator.id}/subscribe`, fan);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await call(
          t,
          'GET',
          `/users/${creator.id}/followers?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        );
        assert.equal(response.statusCode, 200);
        const body = json(response);
        seen.push(...body.data.map((entry: { user: { id: string } }) => entry.user.id));
        assert.equal(Object.hasOwn(body.data[0].user, 'email'), false);
        cursor = body.meta.nextCursor;
        pages += 1;
      } while (cursor);
      assert.equal(pages, 3);
      assert.deepEqual(seen, fans.map((fan) => fan.id).reverse());

      const fan = fans[0]!;
      const others = await createAccounts(t, 4, 'creator');
      for (const other of others) await call(t, 'POST', `/users/${other.id}/subscribe`, fan);
      const following = json(await call(t, 'GET', `/users/${fan.id}/following?limit=4`));
      assert.deepEqual(
        following.data.map((entry: { user: { id: string } }) => entry.user.id),
        others.map((other) => other.id).reverse(),
      );
      const rest = json(await call(t, 'GET', `/users/${fan.id}/following?limit=4&cursor=${following.meta.nextCursor}`));
      assert.deepEqual(
        rest.data.map((entry: { user: { id: string } }) => entry.user.id),
        [creator.id],
      );
      assert.equal(rest.meta.nextCursor, null);

      for (const query of [
        'cursor=not-a-cursor',
        `cursor=${Buffer.from('["x"]').toString('base64url')}`,
        'limit=0',
        'limit=101',
      ]) {
        const response = await call(t, 'GET', `/users/${creator.id}/followers?${query}`);
        assert.equal(response.statusCode, 400, query);
      }
      assert.equal((await call(t, 'GET', '/users/00000000-0000-4000-8000-000000000000/followers')).statusCode, 404);
    });
  });
}
