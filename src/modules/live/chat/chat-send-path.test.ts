// The chat's cached send path: a ban or time-out and a slow-mode change apply to the very next
// message (the caches are dropped by the room's events), a fast sender's burst is stored and
// delivered in order with increasing ids and nothing twice (group-committed writes, batched frames),
// and a second API instance on the same database and pub/sub sees the same restrictions: a ban at
// once even when it holds no socket of the room, and (with Redis) one slow-mode turn between them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../../app.ts';
import { startTestApp, type TestApp, bearer } from '../../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../../test/support/databases.ts';
import { createServices, type Services } from '../../services.ts';
import { createMetricsRegistry } from '../../../platform/observability/metrics.ts';
import { createAccounts } from '../../channels/channel-test-support.ts';
import { TestChatClient } from '../live-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`live chat send path on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let second: App;
    let servicesB: Services;
    let wsA: string;
    let wsB: string;

    before(async () => {
      t = await startTestApp(kind, { LIVE_CHAT_MESSAGES_PER_10S: '100' });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const platformB = { ...t.platform, metrics: createMetricsRegistry() };
      servicesB = createServices(platformB);
      second = await buildApp(platformB, servicesB);
      await second.listen({ port: 0, host: '127.0.0.1' });
      wsA = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      wsB = `ws://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await second?.close();
      await t?.close();
    });

    async function join(base: string, streamId: string, token: string): Promise<TestChatClient> {
      const client = new TestChatClient(`${base}/api/v1/live/streams/${streamId}/chat`);
      await client.waitFor((frame) => frame.type === 'ready', 'ready');
      client.send({ type: 'auth', token });
      await client.waitFor((frame) => frame.type === 'authenticated', 'authenticated');
      return client;
    }
    const answer = (client: TestChatClient, ref: string) =>
      client.waitFor((frame) => frame.ref === ref && (frame.type === 'ack' || frame.type === 'error'), ref);

    async function liveStream(title: string) {
      const [creator, viewer] = await createAccounts(t, 2);
      await t.platform.database.db
        .updateTable('users')
        .set({ role: 'creator' })
        .where('id', '=', creator!.id)
        .execute();
      const stream = await t.platform.database.db
        .insertInto('live_streams')
        .values({ channel_id: creator!.id, title, status: 'live', started_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { creator: creator!, viewer: viewer!, streamId: stream.id };
    }

    test('restrictions and slow mode apply to the next message, on both instances', async () => {
      const { creator, viewer, streamId } = await liveStream('Cache');
      const mod = await join(wsA, streamId, creator.token);
      const onA = await join(wsA, streamId, viewer.token);
      const onB = await join(wsB, streamId, viewer.token);
      // Each instance counts the viewers connected to it (the cluster's total is the sum).
      const viewers = async (app: typeof second) =>
        /^streamhub_live_viewers (\d+)$/m.exec((await app.inject({ method: 'GET', url: '/metrics' })).body)?.[1];
      assert.equal(await viewers(t.app), '2');
      assert.equal(await viewers(second), '1');

      onB.send({ type: 'send', body: 'before', ref: 'b1' });
      assert.equal((await answer(onB, 'b1')).type, 'ack', 'the viewer may post (and the caches are now warm)');
      mod.send({ type: 'timeout', userId: viewer.id, seconds: 60, ref: 'm1' });
      assert.equal((await answer(mod, 'm1')).type, 'ack');
      await onB.waitFor((frame) => frame.type === 'restricted', 'restricted on B');
      onB.send({ type: 'send', body: 'during the time-out', ref: 'b2' });
      assert.equal((await answer(onB, 'b2')).code, 'TIMED_OUT', 'the other instance dropped its cached "not banned"');
      onA.send({ type: 'send', body: 'during the time-out', ref: 'a1' });
      assert.equal((await answer(onA, 'a1')).code, 'TIMED_OUT');

      // Lifted (a 1 s time-out that has passed), then slow mode switched on through the API.
      mod.send({ type: 'timeout', userId: viewer.id, seconds: 1, ref: 'm2' });
      await answer(mod, 'm2');
      await onB.waitFor(
        (frame) => frame.type === 'restricted' && frame.until !== null && Date.parse(frame.until) < Date.now() + 2000,
        'short time-out',
      );
      await new Promise((resolve) => setTimeout(resolve, 1100));
      onB.send({ type: 'send', body: 'after the time-out', ref: 'b3' });
      assert.equal((await answer(onB, 'b3')).type, 'ack');
      const patched = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/live/streams/${streamId}/chat`,
        headers: bearer(creator.token),
        payload: { slowModeSeconds: 30 },
      });
      assert.equal(patched.statusCode, 200);
      await onB.waitFor((frame) => frame.type === 'settings' && frame.slowModeSeconds === 30, 'settings on B');
      onB.send({ type: 'send', body: 'too soon', ref: 'b4' });
      assert.equal((await answer(onB, 'b4')).code, 'SLOW_MODE', 'the cached room was dropped by the settings event');

      mod.send({ type: 'ban', userId: viewer.id, ref: 'm3' });
      await answer(mod, 'm3');
      await onA.waitFor((frame) => frame.type === 'restricted' && frame.until === null, 'ban on A');
      onA.send({ type: 'send', body: 'banned', ref: 'a2' });
      assert.equal((await answer(onA, 'a2')).code, 'BANNED');
      for (const client of [mod, onA, onB]) client.close();
    });

    test("a fast sender's burst is stored and delivered in order, each message once", async () => {
      const [creator] = await createAccounts(t, 1, 'creator');
      const [watcher] = await createAccounts(t, 1);
      const stream = await t.platform.database.db
        .insertInto('live_streams')
        .values({ channel_id: creator!.id, title: 'Burst', status: 'live', started_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sender = await join(wsA, stream.id, creator!.token);
      const viewer = await join(wsB, stream.id, watcher!.token);
      const count = 60;
      for (let index = 0; index < count; index += 1) sender.send({ type: 'send', body: `m${index}`, ref: `r${index}` });
      const acks = await Promise.all(Array.from({ length: count }, (_, index) => answer(sender, `r${index}`)));
      assert.ok(acks.every((frame) => frame.type === 'ack'));
      const ids = acks.map((frame) => BigInt(frame.id));
      assert.ok(
        ids.every((id, index) => index === 0 || id > ids[index - 1]!),
        'ids increase in send order',
      );
      await viewer.waitFor(
        (frame) => frame.type === 'message' && frame.message.body === `m${count - 1}`,
        'last message',
      );
      assert.ok(viewer.batches > 0, 'a burst reaches a socket as batch frames');
      const bodies = viewer.messages().map((message) => message.body);
      assert.deepEqual(
        bodies,
        Array.from({ length: count }, (_, index) => `m${index}`),
      );
      const stored = await t.platform.database.db
        .selectFrom('live_chat_messages')
        .select('body')
        .where('stream_id', '=', stream.id)
        .orderBy('id')
        .execute();
      assert.deepEqual(
        stored.map((row) => row.body),
        bodies,
      );
      sender.close();
      viewer.close();
    });

    test('a moderator appointed on one instance can moderate on the other at once', async () => {
      const { creator, viewer, streamId } = await liveStream('Appointed elsewhere');
      const [helper] = await createAccounts(t, 1);
      const onA = await join(wsA, streamId, viewer.token);
      onA.send({ type: 'send', body: 'delete me', ref: 'v1' });
      const posted = await answer(onA, 'v1');
      assert.equal(posted.type, 'ack');
      const onB = await join(wsB, streamId, helper!.token);
      onB.send({ type: 'delete', messageId: posted.id, ref: 'h1' });
      assert.equal((await answer(onB, 'h1')).code, 'FORBIDDEN', 'B now holds "not a moderator" in its cache (30 s)');

      const appointed = await t.app.inject({
        method: 'POST',
        url: `/api/v1/live/streams/${streamId}/moderators`,
        headers: bearer(creator.token),
        payload: { userId: helper!.id },
      });
      assert.equal(appointed.statusCode, 204);
      // The appointment reaches B through the pub/sub (a Redis hop in scale mode), well inside the cache's 30 s.
      const started = Date.now();
      let outcome: Record<string, unknown> = {};
      for (let attempt = 0; Date.now() - started < 3000; attempt += 1) {
        onB.send({ type: 'delete', messageId: posted.id, ref: `h2-${attempt}` });
        outcome = await answer(onB, `h2-${attempt}`);
        if (outcome.type === 'ack') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(outcome.type, 'ack', 'B trusts the moderator appointed on A within 3 s, not after its 30 s cache');
      for (const client of [onA, onB]) client.close();
    });

    // Last: the viewer metric the first test reads counts every room, and these tests' sockets close late.
    test('a ban reaches an instance with no socket in the room at once', async () => {
      const { creator, viewer, streamId } = await liveStream('Ban elsewhere');
      const onB = await join(wsB, streamId, viewer.token);
      onB.send({ type: 'send', body: 'hello', ref: 'b1' });
      assert.equal((await answer(onB, 'b1')).type, 'ack', 'B now holds "not banned" in its cache');
      onB.close();
      await onB.closed;
      for (let waited = 0; servicesB.live.hub.localViewers().has(streamId); waited += 20) {
        assert.ok(waited < 5000, 'B left the room');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }

      // Banned on A while B holds no socket of the room, so B gets none of the room's events.
      const mod = await join(wsA, streamId, creator.token);
      mod.send({ type: 'ban', userId: viewer.id, ref: 'm1' });
      assert.equal((await answer(mod, 'm1')).type, 'ack');
      const back = await join(wsB, streamId, viewer.token);
      back.send({ type: 'send', body: 'after the ban', ref: 'b2' });
      assert.equal(
        (await answer(back, 'b2')).code,
        'BANNED',
        'B dropped its cached "not banned" when the ban was made',
      );
      for (const client of [mod, back]) client.close();
    });

    test(
      'slow mode gives an author one turn across both instances',
      { skip: !process.env.REDIS_URL && 'slow mode is shared through Redis in scale mode' },
      async () => {
        const { creator, viewer, streamId } = await liveStream('Slow everywhere');
        const patched = await t.app.inject({
          method: 'PATCH',
          url: `/api/v1/live/streams/${streamId}/chat`,
          headers: bearer(creator.token),
          payload: { slowModeSeconds: 2 },
        });
        assert.equal(patched.statusCode, 200);
        const onA = await join(wsA, streamId, viewer.token);
        const onB = await join(wsB, streamId, viewer.token);
        onA.send({ type: 'send', body: 'first on A', ref: 'a1' });
        assert.equal((await answer(onA, 'a1')).type, 'ack');
        onB.send({ type: 'send', body: 'at once on B', ref: 'b1' });
        assert.equal((await answer(onB, 'b1')).code, 'SLOW_MODE');
        // A's own record of the first message is now a turn old: B's message must still count on A.
        await new Promise((resolve) => setTimeout(resolve, 2100));
        onB.send({ type: 'send', body: 'second, on B', ref: 'b2' });
        assert.equal((await answer(onB, 'b2')).type, 'ack');
        onA.send({ type: 'send', body: 'at once on A', ref: 'a2' });
        const refused = await answer(onA, 'a2');
        assert.equal(refused.code, 'SLOW_MODE', 'the turn B took holds on A');
        assert.ok(refused.retryAfterSeconds >= 1 && refused.retryAfterSeconds <= 2);
        for (const client of [onA, onB]) client.close();
      },
    );
  });
}
