import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { makeMusicVideo, makeSpeechAfterMusic } from '../../../test/support/sound-fixtures.ts';
import {
  attachSource,
  createVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';

/**
 * Voice activity before recognition, through the API: a music-only clip gets "no speech detected"
 * (no transcript, not an empty one), and speech after a stretch of music is recognised with its
 * lines placed where they are said, although the recogniser only heard the speech.
 */
for (const kind of testDatabaseKinds()) {
  describe(`voice activity before recognition (${kind})`, { timeout: 300_000 }, () => {
    let t: VideoTestApp;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: bearer(t.creator.accessToken) });
    const analysed = (videoId: string) =>
      waitFor(
        'the analysis',
        async () => {
          const status = json(await get(`/api/v1/videos/${videoId}/analysis`)).data;
          return status.state === 'done' || status.state === 'failed' ? status : undefined;
        },
        240_000,
        250,
      );

    before(async () => {
      t = await startVideoTestApp(kind);
    });
    after(() => t?.close());

    test('a music-only clip gets "no speech detected", in the analysis status and from the transcript', async () => {
      const { id } = await createVideo(t, t.creator.accessToken, { title: 'Piano loop' });
      await attachSource(t, id, await makeMusicVideo(t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, id, 120_000)).status, 'ready');
      const status = await analysed(id);
      assert.equal(status.state, 'done', status.failureReason);
      assert.equal(status.transcript, null);
      assert.equal(status.speech.detected, false);
      assert.equal(status.speech.model, 'silero-vad');
      assert.ok(status.speech.audioSeconds > 5);
      const transcript = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${id}/transcript` });
      assert.equal(transcript.statusCode, 404);
      assert.equal(json(transcript).error.code, 'NO_SPEECH_DETECTED');
      // /ready names the model and says it loaded.
      const ready = json(await t.app.inject({ method: 'GET', url: '/ready' })) as unknown as {
        ai: { localModels: Record<string, { state: string }> };
      };
      assert.equal(ready.ai.localModels['silero-vad']?.state, 'loaded');
    });

    test('speech after music is transcribed from the speech alone, its lines at the times they are said', async () => {
      const { id } = await createVideo(t, t.creator.accessToken, { title: 'Intro then talk' });
      const clip = await makeSpeechAfterMusic(
        t.fixtures,
        'Good morning. Today we look at the weather and the wind over the hills.',
        { musicSeconds: 10, silenceSeconds: 2, video: true },
      );
      await attachSource(t, id, clip);
      assert.equal((await waitForOutcome(t, t.creator.accessToken, id, 120_000)).status, 'ready');
      const status = await analysed(id);
      assert.equal(status.state, 'done', status.failureReason);
      assert.equal(status.speech.detected, true);
      assert.ok(status.speech.speechSeconds < status.speech.audioSeconds / 2, JSON.stringify(status.speech));
      const segments = json(await get(`/api/v1/videos/${id}/transcript`)).data.segments as {
        startSeconds: number;
        text: string;
      }[];
      assert.ok(segments.length > 0);
      assert.ok(segments[0]!.startSeconds >= 11, `first line at ${segments[0]!.startSeconds} s, inside the music`);
      assert.match(segments.map((segment) => segment.text).join(' '), /weather|wind|morning/i);
    });
  });
}
