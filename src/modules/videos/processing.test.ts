import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFixture, type FixtureKind } from '../../../test/support/media-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { crawlHls, decodeWithFfmpeg, mediaDuration } from './hls-test-client.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  getVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from './video-test-support.ts';
import { subscribeToProcessing, type ProcessingEvent } from './processing-events.ts';
import { videoKeys } from './storage-keys.ts';

const PLAYABLE: FixtureKind[] = ['landscape', 'portrait', 'noAudio', 'audioOnly', 'oneFrame'];

for (const kind of testDatabaseKinds()) {
  describe(`video processing on ${kind}`, () => {
    let t: VideoTestApp;
    let origin: string;
    before(async () => {
      t = await startVideoTestApp(kind);
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => {
      await t.close();
    });

    for (const fixture of PLAYABLE) {
      test(`${fixture}: reaches ready and plays end to end over HTTP`, async () => {
        const source = await makeFixture(fixture, t.fixtures);
        const { id } = await createVideo(t, t.creator.accessToken, { title: `fixture ${fixture}` });
        await attachSource(t, id, source);
        const video = await waitForOutcome(t, t.creator.accessToken, id);
        assert.equal(video.status, 'ready', video.failureReason);
        assert.ok(video.renditions.length >= 1);
        assert.ok(video.thumbnailUrl);

        const streamUrl = (await (await fetch(`${origin}/api/v1/videos/${id}/stream-url`)).json()) as {
          data: { url: string };
        };
        const { variants, segments } = await crawlHls(streamUrl.data.url);
        assert.equal(variants.length, video.renditions.length);
        assert.ok(segments.length >= variants.length);
        for (const segment of segments)
          assert.deepEqual([segment.status, segment.contentType], [200, 'video/mp2t'], segment.url);
        await decodeWithFfmpeg(streamUrl.data.url);

        const expected = await mediaDuration(source);
        assert.ok(Math.abs(video.duration - expected) <= 0.5, `duration ${video.duration} vs source ${expected}`);
      });
    }

    test('a truncated upload ends ready or failed, never stuck, and a failure leaves no outputs', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      await attachSource(t, id, await makeFixture('truncated', t.fixtures));
      const video = await waitForOutcome(t, t.creator.accessToken, id);
      if (video.status === 'failed') {
        assert.ok(video.failureReason);
        assert.deepEqual(await t.platform.storage.listObjects(videoKeys(id).hls), []);
      } else {
        await decodeWithFfmpeg(
          ((await (await fetch(`${origin}/api/v1/videos/${id}/stream-url`)).json()) as { data: { url: string } }).data
            .url,
        );
      }
    });

    test('a text file renamed .mp4 fails at once with a reason for the uploader, leaving no outputs', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      await attachSource(t, id, await makeFixture('textAsMp4', t.fixtures));
      const video = await waitForOutcome(t, t.creator.accessToken, id);
      assert.equal(video.status, 'failed');
      assert.match(video.failureReason, /not .*(audio|video)|media/i);
      assert.deepEqual(await t.platform.storage.listObjects(videoKeys(id).folder), [videoKeys(id).source]);
      const stream = await t.app.inject({
        method: 'GET',
        url: `/api/v1/videos/${id}/stream-url`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(stream.statusCode, 409);
    });

    test('the processing stream sends the current state, increasing progress, then ready, and closes', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      // Connect while the video still awaits its upload, so the whole run is observed.
      const response = await fetch(
        `${origin}/api/v1/videos/${id}/processing/events?access_token=${t.creator.accessToken}`,
      );
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/event-stream/);
      const body = response.text();
      await attachSource(t, id, await makeFixture('landscape', t.fixtures));
      const events = parseSse(await body);
      assert.deepEqual(events[0], { event: 'progress', data: { status: 'uploading', percent: 0 } });
      assert.deepEqual(events.at(-1), { event: 'ready', data: { status: 'ready', percent: 100 } });
      const percents = events
        .filter((event) => event.event === 'progress' && event.data.status === 'processing')
        .map((event) => event.data.percent as number);
      assert.ok(percents.length >= 2, `progress events: ${JSON.stringify(percents)}`);
      assert.deepEqual(
        percents,
        [...percents].sort((a, b) => a - b),
      );
      assert.ok(
        percents.some((percent) => percent > 0 && percent < 100),
        'some intermediate progress',
      );

      // Connecting to a finished video gives the terminal event at once.
      const late = parseSse(
        await (
          await fetch(`${origin}/api/v1/videos/${id}/processing/events`, { headers: bearer(t.creator.accessToken) })
        ).text(),
      );
      assert.deepEqual(
        late.map((event) => event.event),
        ['ready'],
      );
      const stranger = await fetch(
        `${origin}/api/v1/videos/${id}/processing/events?access_token=${(await registerUser(t.app, { role: 'creator' })).accessToken}`,
      );
      assert.equal(stranger.status, 403);
      assert.equal(
        (await fetch(`${origin}/api/v1/videos/${id}/processing/events?access_token=not-a-token`)).status,
        401,
      );
    });

    test('delete removes every stored object and is idempotent; deleting mid-processing leaves nothing behind', async () => {
      const ready = await createVideo(t, t.creator.accessToken);
      await attachSource(t, ready.id, await makeFixture('noAudio', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, ready.id)).status, 'ready');
      assert.ok((await t.platform.storage.listObjects(videoKeys(ready.id).folder)).length > 3);
      const del = () =>
        t.app.inject({ method: 'DELETE', url: `/api/v1/videos/${ready.id}`, headers: bearer(t.creator.accessToken) });
      assert.equal((await del()).statusCode, 204);
      assert.equal((await del()).statusCode, 204);
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: `/api/v1/videos/${ready.id}`,
            headers: bearer(t.creator.accessToken),
          })
        ).statusCode,
        404,
      );
      await waitFor('objects removed', async () =>
        (await t.platform.storage.listObjects(videoKeys(ready.id).folder)).length === 0 ? true : undefined,
      );

      const busy = await createVideo(t, t.creator.accessToken);
      await attachSource(t, busy.id, await makeFixture('portrait', t.fixtures));
      await waitFor(
        'processing to start',
        async () => ((await getVideo(t, t.creator.accessToken, busy.id)).processingProgress > 0 ? true : undefined),
        30_000,
        20,
      );
      let finished: (event: ProcessingEvent) => void = () => undefined;
      const outcome = new Promise<ProcessingEvent>((resolve) => {
        finished = resolve;
      });
      const unsubscribe = await subscribeToProcessing(t.platform.pubsub, busy.id, (event) => {
        if (event.type !== 'progress') finished(event);
      });
      assert.equal(
        (
          await t.app.inject({
            method: 'DELETE',
            url: `/api/v1/videos/${busy.id}`,
            headers: bearer(t.creator.accessToken),
          })
        ).statusCode,
        204,
      );
      // The run notices the delete when it finishes (or had just become ready): either way it is over.
      assert.ok(['failed', 'ready'].includes((await outcome).type));
      await unsubscribe();
      await waitFor('objects removed', async () =>
        (await t.platform.storage.listObjects(videoKeys(busy.id).folder)).length === 0 ? true : undefined,
      );
      assert.deepEqual(await t.platform.storage.listObjects(videoKeys(busy.id).folder), []);
    });

    test('a dead-lettered processing job is listed for admins and succeeds when retried', async () => {
      const { id } = await createVideo(t, t.creator.accessToken);
      // A source key the storage refuses: every attempt fails the way a storage outage would.
      await t.services.videos.markSourceUploaded(id, {
        sourceKey: `${videoKeys(id).folder}/../elsewhere`,
        sizeBytes: 1,
      });
      const admin = await adminToken(t);
      const failed = await waitFor('the dead letter', async () => {
        const list = json(
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/admin/jobs/failed?queue=transcode',
            headers: bearer(admin),
          }),
        ).data as { id: string; payload: { videoId: string } }[];
        return list.find((job) => job.payload.videoId === id);
      });
      const jobId = failed.id;
      assert.equal(
        (
          await t.app.inject({
            method: 'GET',
            url: '/api/v1/admin/jobs/failed',
            headers: bearer(t.creator.accessToken),
          })
        ).statusCode,
        403,
      );
      assert.equal((await getVideo(t, t.creator.accessToken, id)).status, 'failed');

      await t.platform.storage.putFile(videoKeys(id).source, await makeFixture('oneFrame', t.fixtures));
      await t.platform.database.db
        .updateTable('videos')
        .set({ source_key: videoKeys(id).source })
        .where('id', '=', id)
        .execute();
      const retried = await t.app.inject({
        method: 'POST',
        url: `/api/v1/admin/jobs/${jobId}/retry`,
        headers: bearer(admin),
      });
      assert.equal(retried.statusCode, 200);
      // The video stays "failed" until a worker picks the retried job up: wait for it to become ready.
      await waitFor('the retried job to make the video ready', async () =>
        (await getVideo(t, t.creator.accessToken, id)).status === 'ready' ? true : undefined,
      );
      assert.equal(
        (await t.app.inject({ method: 'POST', url: `/api/v1/admin/jobs/${jobId}/retry`, headers: bearer(admin) }))
          .statusCode,
        404,
      );
    });
  });
}

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

function parseSse(text: string): SseEvent[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine = '', dataLine = ''] = block.split('\n');
      return {
        event: eventLine.slice('event: '.length),
        data: JSON.parse(dataLine.slice('data: '.length)) as Record<string, unknown>,
      };
    });
}
