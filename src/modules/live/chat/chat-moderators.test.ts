// A channel's chat moderators through the API: the creator lists, appoints (by username) and removes
// them, an admin may do it for any channel, bad input gets a clear answer; a removed moderator's next
// delete is refused at once, also by a second API instance (same database and pub/sub) that had
// cached them as a moderator; the chat tells a signed-in socket whether it may moderate, and tells
// it again when that changes.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildApp, type App } from '../../../app.ts';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../../test/support/databases.ts';
import { createServices } from '../../services.ts';
import { createMetricsRegistry } from '../../../platform/observability/metrics.ts';
import { createAccounts } from '../../channels/channel-test-support.ts';
import { TestChatClient } from '../live-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`live chat moderators on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let second: App;
    let wsA: string;
    let wsB: string;

    before(async () => {
      t = await startTestApp(kind, { LIVE_CHAT_MESSAGES_PER_10S: '100' });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const platformB = { ...t.platform, metrics: createMetricsRegistry() };
      second = await buildApp(platformB, createServices(platformB));
      await second.listen({ port: 0, host: '127.0.0.1' });
      wsA = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      wsB = `ws://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await second?.close();
      await t?.close();
    });

    const api = (method: 'GET' | 'POST' | 'DELETE', url: string, token?: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: token ? bearer(token) : {},
        ...(payload ? { payload } : {}),
      });
    const moderatorsOf = (channelId: string) => `/live/channels/${channelId}/moderators`;

    async function liveStream(channelId: string): Promise<string> {
      const stream = await t.platform.database.db
        .insertInto('live_streams')
        .values({ channel_id: channelId, title: 'Moderated', status: 'live', started_at: new Date() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return stream.id;
    }
    async function join(base: string, streamId: string, token: string) {
      const client = new TestChatClient(`${base}/api/v1/live/streams/${streamId}/chat`);
      await client.waitFor((frame) => frame.type === 'ready', 'ready');
      client.send({ type: 'auth', token });
      const authenticated = await client.waitFor((frame) => frame.type === 'authenticated', 'authenticated');
      return { client, canModerate: authenticated.canModerate as boolean };
    }
    const answer = (client: TestChatClient, ref: string) =>
      client.waitFor((frame) => frame.ref === ref && (frame.type === 'ack' || frame.type === 'error'), ref);

    test('the creator appoints by username, lists and removes; the per-stream appointment still works', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const helper = await registerUser(t.app);
      const [byId] = await createAccounts(t, 1);
      const channel = moderatorsOf(creator.user.id);
      assert.deepEqual(json(await api('GET', channel, creator.accessToken)).data, []);

      // Usernames are matched as at sign-in: case does not matter.
      const appointed = await api('POST', channel, creator.accessToken, {
        username: helper.user.username.toUpperCase(),
      });
      assert.equal(appointed.statusCode, 201);
      const moderator = json(appointed).data;
      assert.deepEqual([moderator.userId, moderator.username], [helper.user.id, helper.user.username]);
      assert.ok(Date.parse(moderator.appointedAt) <= Date.now());

      const streamId = await liveStream(creator.user.id);
      const perStream = `/live/streams/${streamId}/moderators`;
      assert.equal((await api('POST', perStream, creator.accessToken, { userId: byId!.id })).statusCode, 204);
      assert.equal(
        (await api('POST', perStream, creator.accessToken, { userId: byId!.id })).statusCode,
        204,
        'appointing by id again changes nothing, as before',
      );
      const listed = json(await api('GET', channel, creator.accessToken)).data as Array<{ userId: string }>;
      assert.deepEqual(
        listed.map((row) => row.userId),
        [helper.user.id, byId!.id],
        'longest-serving first',
      );

      assert.equal((await api('DELETE', `${channel}/${helper.user.id}`, creator.accessToken)).statusCode, 204);
      const after = json(await api('GET', channel, creator.accessToken)).data as Array<{ userId: string }>;
      assert.deepEqual(
        after.map((row) => row.userId),
        [byId!.id],
      );
    });

    test('bad input and other people get clear refusals; an admin manages any channel', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const helper = await registerUser(t.app);
      const [admin] = await createAccounts(t, 1, 'admin');
      const channel = moderatorsOf(creator.user.id);
      const appoint = (username: string, token = creator.accessToken) => api('POST', channel, token, { username });

      const unknown = await appoint('nobody_by_this_name');
      assert.equal(unknown.statusCode, 404);
      assert.deepEqual(
        [json(unknown).error.code, json(unknown).error.message],
        ['NOT_FOUND', 'No user is called "nobody_by_this_name"'],
      );
      const malformed = await appoint('not a username!');
      assert.equal(malformed.statusCode, 400);
      assert.equal(json(malformed).error.details[0].field, 'username');
      const self = await appoint(creator.user.username);
      assert.deepEqual([self.statusCode, json(self).error.code], [400, 'OWNER_MODERATES_CHAT']);
      assert.equal((await appoint(helper.user.username)).statusCode, 201);
      const again = await appoint(helper.user.username);
      assert.deepEqual([again.statusCode, json(again).error.code], [409, 'ALREADY_CHAT_MODERATOR']);
      assert.match(json(again).error.message, /already a chat moderator/);

      const stranger = await registerUser(t.app, { role: 'creator' });
      assert.equal((await api('GET', channel, stranger.accessToken)).statusCode, 403);
      assert.equal((await appoint(stranger.user.username, stranger.accessToken)).statusCode, 403);
      assert.equal((await api('DELETE', `${channel}/${helper.user.id}`, stranger.accessToken)).statusCode, 403);
      assert.equal((await api('GET', channel)).statusCode, 401);

      // Removing someone who is not a moderator is a 404, so a stale page learns the list changed.
      const notModerator = await api('DELETE', `${channel}/${stranger.user.id}`, creator.accessToken);
      assert.deepEqual([notModerator.statusCode, json(notModerator).error.code], [404, 'NOT_CHAT_MODERATOR']);
      assert.equal((await api('DELETE', `${channel}/not-a-uuid`, creator.accessToken)).statusCode, 400);

      assert.equal(json(await api('GET', channel, admin!.token)).data.length, 1);
      assert.equal((await appoint(stranger.user.username, admin!.token)).statusCode, 201);
      assert.equal((await api('DELETE', `${channel}/${helper.user.id}`, admin!.token)).statusCode, 204);
      const missing = await api('GET', moderatorsOf('00000000-0000-4000-8000-000000000000'), admin!.token);
      assert.equal(missing.statusCode, 404);
    });

    test("a removed moderator's next delete is refused at once, on both instances", async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const helper = await registerUser(t.app);
      const viewer = await registerUser(t.app);
      const streamId = await liveStream(creator.user.id);
      const viewerChat = await join(wsA, streamId, viewer.accessToken);
      assert.equal(viewerChat.canModerate, false);
      const channel = moderatorsOf(creator.user.id);
      assert.equal(
        (await api('POST', channel, creator.accessToken, { username: helper.user.username })).statusCode,
        201,
      );

      const onA = await join(wsA, streamId, helper.accessToken);
      const onB = await join(wsB, streamId, helper.accessToken);
      assert.deepEqual([onA.canModerate, onB.canModerate], [true, true], 'each instance now caches "moderator"');
      const post = async (ref: string) => {
        viewerChat.client.send({ type: 'send', body: `line ${ref}`, ref });
        return (await answer(viewerChat.client, ref)).id as string;
      };
      onB.client.send({ type: 'delete', messageId: await post('v1'), ref: 'b1' });
      assert.equal((await answer(onB.client, 'b1')).type, 'ack');

      assert.equal((await api('DELETE', `${channel}/${helper.user.id}`, creator.accessToken)).statusCode, 204);
      // Both open sockets are told, so the page drops its buttons without a reload; the viewer hears nothing.
      for (const socket of [onA, onB]) {
        const told = await socket.client.waitFor((frame) => frame.type === 'moderation', 'moderation');
        assert.equal(told.canModerate, false);
      }
      onA.client.send({ type: 'delete', messageId: await post('v2'), ref: 'a1' });
      assert.equal(
        (await answer(onA.client, 'a1')).code,
        'FORBIDDEN',
        'the instance that removed them refuses at once',
      );
      // B hears of the removal through the pub/sub (a Redis hop in scale mode), well inside its cache's 30 s.
      const started = Date.now();
      const target = await post('v3');
      let outcome: Record<string, unknown> = {};
      for (let attempt = 0; Date.now() - started < 3000; attempt += 1) {
        onB.client.send({ type: 'delete', messageId: target, ref: `b2-${attempt}` });
        outcome = await answer(onB.client, `b2-${attempt}`);
        if (outcome.code === 'FORBIDDEN') break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(outcome.code, 'FORBIDDEN', 'B refuses the removed moderator within 3 s, not after its 30 s cache');
      assert.equal((await join(wsB, streamId, helper.accessToken)).canModerate, false);
      assert.equal(viewerChat.client.frames.filter((frame) => frame.type === 'moderation').length, 0);
      for (const client of [viewerChat.client, onA.client, onB.client]) client.close();
    });
  });
}
