import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { makeFixture, type FixtureKind } from '../../../test/support/media-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { crawlHls, decodeWithFfmpeg, mediaDuration } from './hls-test-client.ts';
import { attachSource, createVideo, startVideoTestApp, waitForOutcome, type VideoTestApp } from './video-test-support.ts';

const PLAYABLE: FixtureKind[] = ['landscape', 'portrait', 'noAudio', 'audioOnly', 'oneFrame'];

for (const kind of testDatabaseKinds()) {
  describe(`video processing on ${kind}`, () => {
    let t: VideoTestApp;
    let origin: string;
    before(async () => {
      t = await startVideoTestApp(kind);
      origin = await t.app.listen({ port: 0, host: '127.0.0.1' });
    });
    after(async () => { await t.close(); });

    for (const fixture of PLAYABLE) {
      test(`${fixture}: reaches ready and plays end to end over HTTP`, async () => {
        const source = await makeFixture(fixture, t.fixtures);
        const { id } = await createVideo(t, t.creator.accessToken, { title: `fixture ${fixture}` });
        await attachSource(t, id, source);
        const video = await waitForOutcome(t, t.creator.accessToken, id);
        assert.equal(video.status, 'ready', video.failureReason);
        assert.ok(video.renditions.length >= 1);
        assert.ok(video.thumbnailUrl);

        const streamUrl = await (await fetch(`${origin}/api/v1/videos/${id}/stream-url`)).json() as { data: { url: string } };
        const { variants, segments } = await crawlHls(streamUrl.data.url);
        assert.equal(variants.length, video.renditions.length);
        assert.ok(segments.length >= variants.length);
        for (const segment of segments) assert.deepEqual([segment.status, segment.contentType], [200, 'video/mp2t'], segment.url);
        await decodeWithFfmpeg(streamUrl.data.url);

        const expected = await mediaDuration(source);
        if (fixture !== 'oneFrame') assert.ok(Math.abs(video.duration - expected) <= 0.5, `duration ${video.duration} vs source ${expected}`);
      });
    }
  });
}
