// Live streaming end to end at the API level: stream keys, an RTMP push refused with a wrong key and
// accepted with a good one, live HLS through /media, chat over WebSocket (held toxic message, bad
// frames, resume after a message id), the stream ending after the reconnect grace, the recording
// becoming a ready video, and chat replay by stream offset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { startTestApp, type TestApp, bearer, json, registerUser } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { eventually } from '../../../test/support/eventually.ts';
import { startWorkers } from '../../workers.ts';
import { createAccounts, readyVideo } from '../channels/channel-test-support.ts';
import type { LiveIngest } from './ingest/live-ingest.ts';
import { pushTestStream, TestChatClient } from './live-test-support.ts';

for (const kind of testDatabaseKinds()) {
  describe(`live streaming on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let t: TestApp;
    let ingest: LiveIngest;
    let rtmpPort: number;
    let wsBase: string;

    before(async () => {
      t = await startTestApp(kind, {
        LIVE_RTMP_PORT: '0',
        LIVE_RECONNECT_GRACE_SECONDS: '1',
        LIVE_CHAT_MESSAGES_PER_10S: '5',
        LIVE_CHAT_MAX_FRAME_BYTES: '2048',
      });
      startWorkers(t.platform, t.services);
      ingest = t.services.live.createIngest();
      rtmpPort = await ingest.start('127.0.0.1');
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      wsBase = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await ingest?.close();
      await t?.close();
    });

    const api = async (method: 'GET' | 'POST' | 'DELETE' | 'PATCH', url: string, token?: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: token ? bearer(token) : {},
        ...(payload ? { payload } : {}),
      });

    test('keys are shown once and stored hashed; rotate and revoke refuse the old key', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const created = json(await api('POST', '/live/keys', creator.accessToken)).data;
      assert.match(created.key, /^live_/);
      assert.match(created.rtmpUrl, /^rtmp:\/\//);
      const listed = json(await api('GET', '/live/keys', creator.accessToken)).data;
      assert.deepEqual(
        listed.map((key: { id: string }) => key.id),
        [created.id],
      );
      assert.ok(!JSON.stringify(listed).includes(created.key), 'the key itself is never listed again');
      const stored = await t.platform.database.db.selectFrom('live_stream_keys').select('key_hash').execute();
      assert.ok(stored.every((row) => row.key_hash !== created.key));

      assert.equal(await t.services.live.keys.channelOf(created.key), creator.user.id);
      const rotated = json(await api('POST', `/live/keys/${created.id}/rotate`, creator.accessToken)).data;
      assert.equal(await t.services.live.keys.channelOf(created.key), undefined, 'the rotated key is refused');
      assert.equal(await t.services.live.keys.channelOf(rotated.key), creator.user.id);
      assert.equal((await api('DELETE', `/live/keys/${rotated.id}`, creator.accessToken)).statusCode, 204);
      assert.equal(await t.services.live.keys.channelOf(rotated.key), undefined);

      const viewer = await registerUser(t.app);
      assert.equal((await api('POST', '/live/keys', viewer.accessToken)).statusCode, 403);
    });

    test('a scheduled stream keeps its description and start time; a start in the past is refused', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const schedule = (body: object) => api('POST', '/live/streams', creator.accessToken, body);
      const past = json(await schedule({ title: 'Yesterday', scheduledAt: new Date(Date.now() - 3600_000) }));
      assert.equal(past.error.code, 'VALIDATION_ERROR');
      assert.deepEqual(
        past.error.details.map((detail: { field: string }) => detail.field),
        ['scheduledAt'],
      );
      const startsAt = new Date(Date.now() + 86_400_000);
      const created = await schedule({ title: 'Tomorrow', description: 'Bring flour', scheduledAt: startsAt });
      assert.equal(created.statusCode, 201, created.body);
      const stream = json(await api('GET', `/live/streams/${json(created).data.id}`)).data;
      assert.deepEqual(
        [stream.status, stream.description, stream.scheduledAt],
        ['scheduled', 'Bring flour', startsAt.toISOString()],
      );
      // An ISO time with an offset is the same instant; a loose date string or a number is not a time.
      const instant = new Date(Math.floor(Date.now() / 1000) * 1000 + 2 * 86_400_000);
      const inBerlinWinter = new Date(instant.getTime() + 3600_000).toISOString().replace('.000Z', '+01:00');
      const offset = await schedule({ title: 'Offset', scheduledAt: inBerlinWinter });
      assert.equal(json(offset).data.scheduledAt, instant.toISOString(), offset.body);
      for (const scheduledAt of ['next tuesday', '2026-12-24', Date.now() + 86_400_000]) {
        const refused = await schedule({ title: 'Loose', scheduledAt });
        assert.equal(refused.statusCode, 400, `${scheduledAt}: ${refused.body}`);
      }
    });

    test('premieres follow the clock; a channel over its concurrent-stream limit is refused', async () => {
      const [creator] = await createAccounts(t, 1, 'creator');
      const videoId = await readyVideo(t, creator!);
      // A plain upload, which every watch page asks about: no stream recorded it, an answer and not a 404.
      const noStream = await api('GET', `/live/by-video/${videoId}`);
      assert.equal(noStream.statusCode, 200);
      assert.equal(json(noStream).data, null);
      assert.equal((await api('GET', '/live/by-video/not-a-uuid')).statusCode, 400);
      const premiere = (scheduledAt: Date) =>
        api('POST', '/live/premieres', creator!.token, { videoId, scheduledAt: scheduledAt.toISOString() });
      await t.platform.database.db
        .updateTable('videos')
        .set({ duration_seconds: null })
        .where('id', '=', videoId)
        .execute();
      assert.equal(json(await premiere(new Date())).error.code, 'PREMIERE_VIDEO_NOT_READY');
      await t.platform.database.db
        .updateTable('videos')
        .set({ duration_seconds: 600 })
        .where('id', '=', videoId)
        .execute();
      const soon = json(await premiere(new Date(Date.now() + 3600_000))).data;
      assert.deepEqual([soon.kind, soon.status, soon.playbackUrl], ['premiere', 'scheduled', null]);
      assert.equal(json(await api('GET', `/live/by-video/${videoId}`)).data.id, soon.id);
      assert.equal(json(await premiere(new Date(Date.now() - 60_000))).data.status, 'live');
      assert.equal(json(await premiere(new Date(Date.now() - 3600_000))).data.status, 'ready');

      const { liveStreams } = t.services.live;
      const first = await liveStreams.startFromIngest(creator!.id, 'node-a');
      assert.equal(first.resumed, false);
      assert.equal(
        (await liveStreams.startFromIngest(creator!.id, 'node-a')).resumed,
        true,
        'the same ingest resumes it',
      );
      await assert.rejects(liveStreams.startFromIngest(creator!.id, 'node-b'), { code: 'LIVE_LIMIT_REACHED' });
      await liveStreams.transition(first.stream.id, ['live'], 'ended');
    });

    test('a wrong key is refused at connect; a good one goes live, chats, ends and becomes a video with chat replay', async () => {
      const creator = await registerUser(t.app, { role: 'creator' });
      const fan = await registerUser(t.app);
      const key = json(await api('POST', '/live/keys', creator.accessToken)).data.key as string;
      const scheduled = json(await api('POST', '/live/streams', creator.accessToken, { title: 'Morning build' })).data;
      assert.equal(scheduled.status, 'scheduled');

      const refused = pushTestStream(`rtmp://127.0.0.1:${rtmpPort}/live/live_not-a-key`, 5);
      assert.notEqual(await refused.exited, 0, 'ffmpeg is disconnected for an unknown key');
      assert.equal(json(await api('GET', `/live/streams/${scheduled.id}`)).data.status, 'scheduled');

      const encoder = pushTestStream(`rtmp://127.0.0.1:${rtmpPort}/live/${key}`, 14);
      const live = await eventually('the stream to go live', async () => {
        const stream = json(await api('GET', `/live/streams/${scheduled.id}`)).data;
        return stream.status === 'live' ? stream : undefined;
      });
      const master = await eventually(
        'the live master playlist',
        async () => {
          const response = await t.app.inject({ method: 'GET', url: live.playbackUrl });
          return response.statusCode === 200 ? response.body : undefined;
        },
        20_000,
      );
      assert.match(master, /source\/index\.m3u8/);
      assert.match(master, /360p\/index\.m3u8/);
      const media = await eventually('a live segment', async () => {
        const playlist = await t.app.inject({
          method: 'GET',
          url: live.playbackUrl.replace('master.m3u8', 'source/index.m3u8'),
        });
        return playlist.statusCode === 200 && /seg_\d+\.ts/.test(playlist.body) ? playlist.body : undefined;
      });
      const segment = /seg_\d+\.ts/.exec(media)![0];
      const segmentResponse = await t.app.inject({
        method: 'GET',
        url: live.playbackUrl.replace('master.m3u8', `source/${segment}`),
      });
      assert.equal(segmentResponse.statusCode, 200);
      assert.equal(segmentResponse.headers['content-type'], 'video/mp2t');

      // Chat: the fan and the creator in one room; a toxic message is held and only its author sees it.
      const room = `${wsBase}${live.chat.socketPath}`;
      const fanChat = new TestChatClient(room);
      const creatorChat = new TestChatClient(room);
      await Promise.all([fanChat.opened(), creatorChat.opened()]);
      await Promise.all([
        fanChat.waitFor((f) => f.type === 'ready', 'ready'),
        creatorChat.waitFor((f) => f.type === 'ready', 'ready'),
      ]);
      fanChat.send({ type: 'send', body: 'hello before signing in', ref: 'anon' });
      assert.equal((await fanChat.waitFor((f) => f.ref === 'anon', 'refusal')).code, 'UNAUTHENTICATED');
      fanChat.send({ type: 'auth', token: fan.accessToken });
      creatorChat.send({ type: 'auth', token: creator.accessToken });
      await fanChat.waitFor((f) => f.type === 'authenticated', 'auth');
      await creatorChat.waitFor((f) => f.type === 'authenticated', 'auth');
      fanChat.send({ type: 'send', body: 'Great stream!', ref: 'm1' });
      const hello = await creatorChat.waitFor(
        (f) => f.type === 'message' && f.message.body === 'Great stream!',
        'the message',
      );
      assert.ok(hello.message.offsetMs >= 0);
      fanChat.send({ type: 'send', body: 'you are a stupid idiot, shut up you moron', ref: 'toxic' });
      const toxicAck = await fanChat.waitFor((f) => f.ref === 'toxic', 'toxic ack');
      assert.equal(toxicAck.status, 'held');
      await fanChat.waitFor(
        (f) => f.type === 'message' && f.message.status === 'held',
        'the held message shown to its author',
      );

      // Bad input: invalid JSON, unknown frames, oversize frames; the server keeps serving the others.
      fanChat.send('{not json');
      assert.equal((await fanChat.waitFor((f) => f.code === 'INVALID_JSON', 'invalid json')).type, 'error');
      fanChat.send({ type: 'dance' });
      await fanChat.waitFor((f) => f.code === 'INVALID_FRAME', 'invalid frame');
      const big = new TestChatClient(room);
      await big.opened();
      big.send({ type: 'send', body: 'x'.repeat(5000) });
      assert.equal((await big.closed).code, 1009);
      const unknown = new TestChatClient(`${wsBase}/api/v1/live/streams/00000000-0000-4000-8000-000000000000/chat`);
      assert.equal((await unknown.closed).code, 4404);
      creatorChat.send({ type: 'send', body: 'Thanks for coming', ref: 'c1' });
      await fanChat.waitFor((f) => f.type === 'message' && f.message.body === 'Thanks for coming', 'creator message');
      assert.ok(!creatorChat.messages().some((m) => m.status === 'held'), 'others never see a held message');

      // Flood: the per-user-per-room rate limit answers RATE_LIMITED.
      for (let i = 0; i < 8; i += 1) fanChat.send({ type: 'send', body: `spam ${i}`, ref: `f${i}` });
      await fanChat.waitFor((f) => f.code === 'RATE_LIMITED', 'rate limit');

      // Resume: a client that saw up to the first message gets exactly what followed, once each.
      const resumed = new TestChatClient(`${room}?after=${hello.message.id}`);
      await resumed.waitFor((f) => f.type === 'ready', 'ready');
      await resumed.waitFor((f) => f.type === 'message' && f.message.body === 'Thanks for coming', 'resumed history');
      const ids = resumed.messages().map((m) => m.id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.ok(
        ids.every((id) => BigInt(id) > BigInt(hello.message.id)),
        'nothing before the resume point',
      );
      const expected = creatorChat
        .messages()
        .filter((m) => BigInt(m.id) > BigInt(hello.message.id))
        .map((m) => m.id);
      assert.deepEqual(
        ids.filter((id) => expected.includes(id)),
        expected,
        'no gaps',
      );
      for (const client of [fanChat, creatorChat, resumed]) client.close();

      // The encoder stops; after the grace the stream ends and its recording is processed into a video.
      assert.equal(await encoder.exited, 0);
      const done = await eventually(
        'the recording to be ready',
        async () => {
          const stream = json(await api('GET', `/live/streams/${scheduled.id}`)).data;
          return stream.status === 'ready' ? stream : undefined;
        },
        90_000,
      );
      const video = json(await api('GET', `/videos/${done.videoId}`)).data;
      assert.equal(video.status, 'ready');
      assert.ok(video.duration >= 8, `the recording lasts ${video.duration} s`);
      const byVideo = json(await api('GET', `/live/by-video/${done.videoId}`)).data;
      assert.equal(byVideo.id, scheduled.id);
      const replay = json(await api('GET', `/live/streams/${scheduled.id}/chat/replay?fromMs=0`)).data as Array<{
        body: string;
        offsetMs: number;
      }>;
      assert.deepEqual(
        replay.slice(0, 2).map((m) => m.body),
        ['Great stream!', 'Thanks for coming'],
      );
      assert.ok(!replay.some((m) => m.body.includes('idiot')), 'held messages are not replayed');
      assert.ok(
        replay.every((m, i) => i === 0 || m.offsetMs >= replay[i - 1]!.offsetMs),
        'replay is in stream order',
      );
    });
  });
}
