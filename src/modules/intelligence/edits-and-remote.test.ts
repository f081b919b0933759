import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bearer, json, registerUser } from '../../../test/support/app.ts';
import { fakeAnswer, startFakeOpenAiServer, type FakeOpenAiServer } from '../../../test/support/fake-openai-server.ts';
import { makeFixture } from '../../../test/support/media-fixtures.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import {
  attachSource,
  createVideo,
  startVideoTestApp,
  waitFor,
  waitForOutcome,
  type VideoTestApp,
} from '../videos/video-test-support.ts';
import { enqueueVideoAnalysis } from './job-queues.ts';

const SEGMENTS = [
  { startSeconds: 0, endSeconds: 0.9, text: 'Knead the dough until it is smooth and let the bread rise.' },
  { startSeconds: 0.9, endSeconds: 1.8, text: 'Bake the bread in a hot oven for forty minutes.' },
  { startSeconds: 1.8, endSeconds: 2.9, text: 'Saturn has rings of ice and rock around the planet.' },
];

for (const kind of testDatabaseKinds()) {
  describe(`creator edits and a remote generator (${kind})`, { timeout: 300_000 }, () => {
    let t: VideoTestApp;
    let fake: FakeOpenAiServer;
    let videoId: string;

    const put = (url: string, payload: object, token = t.creator.accessToken) =>
      t.app.inject({ method: 'PUT', url, headers: bearer(token), payload });
    const ask = (question: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/ask`,
        headers: bearer(t.creator.accessToken),
        payload: { question },
      });

    before(async () => {
      fake = await startFakeOpenAiServer();
      // Chat calls cost 1000·$100/M + 500·$100/M = $0.15 each: three fit in the $0.40 quota, the fourth does not.
      t = await startVideoTestApp(kind, {
        AI_BASE_URL: fake.baseUrl,
        AI_GENERATION_MODEL: 'fake-chat',
        AI_TIMEOUT_MS: '3000',
        AI_PRICE_INPUT_PER_MTOK: '100',
        AI_PRICE_OUTPUT_PER_MTOK: '100',
        AI_USER_DAILY_QUOTA_USD: '0.4',
      });
      videoId = (await createVideo(t, t.creator.accessToken, { title: 'Kitchen and sky' })).id;
      await attachSource(t, videoId, await makeFixture('landscape', t.fixtures));
      assert.equal((await waitForOutcome(t, t.creator.accessToken, videoId, 120_000)).status, 'ready');
    });
    after(async () => {
      await t?.close();
      await fake?.close();
    });

    test('/ready reports how vectors are searched and which providers serve each task', async () => {
      const ready = json(await t.app.inject({ method: 'GET', url: '/ready' })) as unknown as {
        ai: { vectorSearch: string; providers: Record<string, string[]> };
      };
      assert.ok(['pgvector', 'in-process'].includes(ready.ai.vectorSearch));
      if (kind === 'pglite') assert.equal(ready.ai.vectorSearch, 'pgvector');
      assert.deepEqual(ready.ai.providers.generation, ['remote:fake-chat']);
      assert.deepEqual(ready.ai.providers.embedding, ['local:universal-sentence-encoder-lite']);
    });

    test('the creator replaces the transcript: captions, chapters and search follow, and re-analysis keeps the edit', async () => {
      const invalid = await put(`/api/v1/videos/${videoId}/transcript`, { segments: [SEGMENTS[1], SEGMENTS[0]] });
      assert.equal(invalid.statusCode, 400);
      assert.equal(json(invalid).error.details[0].field, 'segments.1.startSeconds');
      const stranger = await registerUser(t.app, { role: 'creator' });
      assert.equal(
        (await put(`/api/v1/videos/${videoId}/transcript`, { segments: SEGMENTS }, stranger.accessToken)).statusCode,
        403,
      );

      const saved = await put(`/api/v1/videos/${videoId}/transcript`, { language: 'en', segments: SEGMENTS });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.ok(json(saved).data.editedAt);
      const master = (await t.app.inject({ method: 'GET', url: `/media/videos/${videoId}/hls/master.m3u8` })).body;
      assert.equal(master.match(/TYPE=SUBTITLES/g)?.length, 1);
      const vtt = (await t.app.inject({ method: 'GET', url: `/media/videos/${videoId}/hls/subs/en.vtt` })).body;
      assert.match(vtt, /00:00:00\.900 --> 00:00:01\.800\nBake the bread in a hot oven for forty minutes\./);

      const video = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}` })).data;
      assert.ok(video.insights?.summary.includes('bread'));

      const found = json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=saturn%20rings&mode=hybrid' }));
      assert.equal(found.data[0]?.id, videoId);

      // A forced re-analysis must not replace the creator's transcript (this video has no speech at all).
      await enqueueVideoAnalysis(t.platform.jobs, videoId, true);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const after = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/transcript` })).data;
      assert.deepEqual(
        after.segments.map((segment: { text: string }) => segment.text),
        SEGMENTS.map((segment) => segment.text),
      );
    });

    test('creator-edited chapters are validated and survive re-analysis', async () => {
      const bad = await put(`/api/v1/videos/${videoId}/insights`, {
        summary: 'x',
        keyPoints: [],
        chapters: [
          { title: 'B', startSeconds: 2 },
          { title: 'A', startSeconds: 1 },
        ],
      });
      assert.equal(bad.statusCode, 400);
      const edited = {
        summary: 'Bread first, then Saturn.',
        keyPoints: ['Bake for forty minutes.'],
        chapters: [
          { title: 'Bread', startSeconds: 0 },
          { title: 'Saturn', startSeconds: 1.8 },
        ],
      };
      assert.equal((await put(`/api/v1/videos/${videoId}/insights`, edited)).statusCode, 200);
      await enqueueVideoAnalysis(t.platform.jobs, videoId, true);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const insights = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}` })).data.insights;
      assert.equal(insights.summary, edited.summary);
      assert.deepEqual(insights.chapters, edited.chapters);
      assert.ok(insights.editedAt);
    });

    test('with a generator configured the answer is generated from cited passages, streamed, and metered', async () => {
      fake.behaviour = 'ok';
      const response = await ask('How long does the bread bake?');
      assert.equal(response.statusCode, 200, response.body);
      const answer = json(response).data;
      assert.equal(answer.mode, 'generated');
      assert.equal(answer.model, 'fake-chat');
      assert.equal(answer.notice, null);
      // The first passage holds the answer: the hit segment (by meaning and words, fused) and the next one.
      assert.match(answer.passages[0].text, /Bake the bread in a hot oven/);
      const prompt = JSON.stringify(fake.requests.at(-1)?.body.messages);
      assert.match(prompt, /\[1\] \(0 s\) [^[]*Bake the bread in a hot oven/);
      assert.equal(
        answer.answer,
        fakeAnswer((fake.requests.at(-1)?.body.messages ?? []) as { role: string; content: string }[]),
      );

      const stream = await t.app.inject({
        method: 'POST',
        url: `/api/v1/videos/${videoId}/ask/stream`,
        headers: bearer(t.creator.accessToken),
        payload: { question: 'What are the rings made of?' },
      });
      const events = stream.body
        .split('\n\n')
        .filter(Boolean)
        .map((block) => ({ event: block.match(/^event: (\w+)/)?.[1], data: JSON.parse(block.split('\ndata: ')[1]!) }));
      assert.equal(events[0]?.event, 'passages');
      assert.ok(events.filter((event) => event.event === 'token').length > 3, 'the answer arrives in pieces');
      const done = events.at(-1)!;
      assert.equal(done.event, 'done');
      assert.equal(done.data.mode, 'generated');
      assert.equal(
        events
          .filter((event) => event.event === 'token')
          .map((event) => event.data.text)
          .join(''),
        done.data.answer,
      );

      const usage = await t.platform.database.db
        .selectFrom('ai_usage')
        .selectAll()
        .where('task', '=', 'generation')
        .where('outcome', '=', 'ok')
        .execute();
      assert.ok(
        usage.every(
          (row) => row.video_id === videoId && row.user_id === t.creator.user.id && row.provider === 'remote',
        ),
      );
      assert.equal(usage.length, 2);
    });

    test('a failing or silent generator degrades to the passages, saying why', async () => {
      fake.behaviour = 'error';
      const failed = json(await ask('Is the dough kneaded?')).data;
      assert.equal(failed.mode, 'extractive');
      assert.match(failed.notice, /Text generation failed.*answered 500/);
      fake.behaviour = 'hang';
      const slow = json(await ask('Does Saturn have rings?')).data;
      assert.equal(slow.mode, 'extractive');
      assert.match(slow.notice, /no answer within 3000 ms/);
      fake.behaviour = 'ok';
    });

    test("once the user's daily quota is spent, answers say so instead of spending more", async () => {
      fake.behaviour = 'ok';
      // Two calls ($0.30) were made; one more fits under $0.40, the next is refused.
      assert.equal(json(await ask('What is baked in the oven?')).data.mode, 'generated');
      const refused = json(await ask('What is around the planet?')).data;
      assert.equal(refused.mode, 'extractive');
      assert.match(refused.notice, /daily AI quota/);
      const spent = await waitFor(
        'a refusal row',
        async () =>
          (await t.platform.database.db
            .selectFrom('ai_usage')
            .select('id')
            .where('outcome', '=', 'refused')
            .executeTakeFirst()) ?? undefined,
      );
      assert.ok(spent);
    });

    test('similar videos rank by meaning among public ready videos', async () => {
      const other = (
        await createVideo(t, t.creator.accessToken, {
          title: 'Baking sourdough bread at home',
          description: 'Dough, oven and flour.',
        })
      ).id;
      await attachSource(t, other, await makeFixture('landscape', t.fixtures));
      await waitForOutcome(t, t.creator.accessToken, other, 120_000);
      const similar = await waitFor(
        'an embedding of the second video',
        async () => {
          const list = json(await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/similar` })).data as {
            id: string;
            similarity: number;
          }[];
          return list.length > 0 ? list : undefined;
        },
        60_000,
        500,
      );
      assert.equal(similar[0]?.id, other);
      assert.ok(similar[0]!.similarity > 0);
      assert.equal(
        (await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/similar?limit=500` })).statusCode,
        400,
      );
    });
  });
}
