import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import {
  adminToken,
  attachSource,
  createVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';

const SEGMENTS = [
  { startSeconds: 0, endSeconds: 1.5, text: 'Knead the dough until it is smooth and let the bread rise.' },
  { startSeconds: 1.5, endSeconds: 3, text: 'Saturn has rings of ice and rock around the planet.' },
  { startSeconds: 3, endSeconds: 4.5, text: 'Pump the bicycle tyre after patching the inner tube.' },
];

/**
 * What the web app's AI pages read beyond the analysis itself: the transcript line a search hit
 * came from, where a video's analysis stands (and re-running it), and the admin's AI usage report.
 */
for (const kind of testDatabaseKinds()) {
  describe(`AI status, search lines and usage for the web app (${kind})`, { timeout: 300_000 }, () => {
    let t: VideoTestApp;
    let videoId: string;
    let admin: string;
    const get = (url: string, token = t.creator.accessToken) =>
      t.app.inject({ method: 'GET', url, headers: bearer(token) });

    before(async () => {
      t = await startVideoTestApp(kind);
      admin = await adminToken(t);
      videoId = (
        await createVideo(t, t.creator.accessToken, {
          title: 'Kitchen and sky',
          description: 'Plain words about nothing in particular.',
        })
      ).id;
      await attachSource(t, videoId, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, videoId, 120_000)).status, 'ready');
      // The analysis of this clip (a tone, no speech) ends with no transcript: wait for it, then write one.
      await waitFor(
        'the first analysis',
        async () => (json(await get(`/api/v1/videos/${videoId}/analysis`)).data.state === 'done' ? true : undefined),
        120_000,
        250,
      );
      const saved = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/videos/${videoId}/transcript`,
        headers: bearer(t.creator.accessToken),
        payload: { language: 'en', segments: SEGMENTS },
      });
      assert.equal(saved.statusCode, 200, saved.body);
    });
    after(() => t?.close());

    test('hybrid and semantic hits carry the transcript line that matched, with its second', async () => {
      const hybrid = json(await get(`/api/v1/search?q=${encodeURIComponent('saturn rings')}&mode=hybrid`));
      assert.equal(hybrid.data[0]?.id, videoId);
      assert.deepEqual(hybrid.data[0].transcriptMatch, { text: SEGMENTS[1]!.text, startSeconds: 1.5 });
      const semantic = json(
        await get(`/api/v1/search?q=${encodeURIComponent('patching a bicycle inner tube')}&mode=semantic`),
      );
      assert.equal(semantic.data[0]?.id, videoId);
      assert.equal(semantic.data[0].transcriptMatch.startSeconds, 3);
      // Keyword mode sees transcripts too, with the line and its second; a metadata match has no line.
      const spoken = json(await get(`/api/v1/search?q=${encodeURIComponent('saturn rings')}`));
      assert.equal(spoken.data[0]?.id, videoId);
      assert.deepEqual(spoken.data[0].transcriptMatch, { text: SEGMENTS[1]!.text, startSeconds: 1.5 });
      const keyword = json(await get(`/api/v1/search?q=kitchen`));
      assert.equal(keyword.data[0]?.id, videoId);
      assert.equal(keyword.data[0].transcriptMatch, null);
    });

    test('the creator sees where the analysis stands and can re-run it; edits are kept', async () => {
      const status = json(await get(`/api/v1/videos/${videoId}/analysis`)).data;
      assert.equal(status.state, 'done');
      assert.equal(status.transcript.segments, 3);
      assert.ok(status.transcript.editedAt);
      const stranger = await registerUser(t.app, { role: 'creator' });
      assert.equal((await get(`/api/v1/videos/${videoId}/analysis`, stranger.accessToken)).statusCode, 403);
      assert.equal(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/v1/videos/${videoId}/analysis`,
            headers: bearer(stranger.accessToken),
          })
        ).statusCode,
        403,
      );

      const rerun = await t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/analysis`,
        headers: bearer(t.creator.accessToken),
      });
      assert.equal(rerun.statusCode, 202, rerun.body);
      assert.ok(['queued', 'transcribing', 'analysing', 'done'].includes(json(rerun).data.state));
      const done = await waitFor(
        'the re-run',
        async () => {
          const now = json(await get(`/api/v1/videos/${videoId}/analysis`)).data;
          return now.state === 'done' ? now : undefined;
        },
        120_000,
        250,
      );
      assert.equal(done.transcript.segments, 3, 'the edited transcript survives a forced re-run');
    });

    test('admins get AI usage per day, task and user with the provider chains; others are refused', async () => {
      assert.equal((await get('/api/v1/admin/ai/usage')).statusCode, 403);
      assert.equal((await get('/api/v1/admin/ai/usage?days=0', admin)).statusCode, 400);
      const report = json(await get('/api/v1/admin/ai/usage?days=7', admin)).data;
      assert.equal(report.days, 7);
      assert.ok(report.totals.calls > 0, 'embedding calls were metered');
      const today = new Date().toISOString().slice(0, 10);
      assert.equal(report.perDay.at(-1).day, today);
      assert.equal(
        report.perDay.reduce((sum: number, day: { calls: number }) => sum + day.calls, 0),
        report.totals.calls,
      );
      assert.ok(report.perTask.some((row: { task: string }) => row.task === 'embedding'));
      assert.ok(report.topUsers.some((row: { user: { id: string } | null }) => row.user?.id === t.creator.user.id));
      const embedding = report.providers.find((entry: { task: string }) => entry.task === 'embedding');
      assert.ok(embedding.chain[0].provider.startsWith('local:'));
      assert.ok(embedding.chain[0].lastOkAt);
      assert.ok(report.providers.some((entry: { task: string }) => entry.task === 'moderation'));
      assert.equal(typeof report.limits.dailyBudgetUsd, 'number');
    });
  });
}
