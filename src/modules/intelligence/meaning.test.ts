import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { concatenateWavs, speak } from '../../../test/support/lecture-fixture.ts';
import { LECTURE_TOPICS } from '../../../test/support/spoken-lecture.ts';
import { SENTENCE_ENCODER_MODEL } from '../../platform/ai/local/sentence-embedder.ts';
import { insertAnalysedVideos } from './analysed-catalogue-test-support.ts';
import { insightsRepo } from './insights-repo.ts';
import { vectorSearchMode } from './vector-store.ts';

const run = promisify(execFile);

/** Three seconds per sentence, as a presenter would say them. */
const timed = (sentences: string[], offset = 0) =>
  sentences.map((text, index) => ({
    startSeconds: offset + index * 3,
    endSeconds: offset + index * 3 + 3,
    text,
  }));

const topic = (name: string) => LECTURE_TOPICS.find((entry) => entry.name === name)!.sentences;

/**
 * Search and chapters by meaning with the sentence encoder: on PGlite (pgvector) and on PostgreSQL
 * without pgvector (the in-process ANN index answers the vector side there).
 */
for (const kind of testDatabaseKinds()) {
  describe(`search and chapters by meaning (${kind})`, { timeout: 240_000 }, () => {
    let t: TestApp;
    let ids: string[];
    before(async () => {
      t = await startTestApp(kind);
      ids = await insertAnalysedVideos(t, [
        { title: 'Home baking', description: 'A loaf from scratch.', segments: timed(topic('bread')) },
        { title: 'Workshop Saturday', description: 'Repairs.', segments: timed(topic('bicycle')) },
        { title: 'Night sky', description: 'Astronomy for everyone.', segments: timed(topic('planets')) },
        { title: 'Backyard growing', description: 'Vegetables.', segments: timed(topic('garden')) },
      ]);
    });
    after(() => t?.close());

    test('the sentence encoder serves embeddings, and /ready says so', async () => {
      const ready = json<{ ai: { localEmbedder: { status: string; model: string }; vectorSearch: string } }>(
        await t.app.inject({ method: 'GET', url: '/ready' }),
      );
      assert.equal(ready.ai.localEmbedder.status, 'ready');
      assert.equal(ready.ai.localEmbedder.model, `${SENTENCE_ENCODER_MODEL.name}@${SENTENCE_ENCODER_MODEL.version}`);
      assert.equal(ready.ai.vectorSearch, kind === 'pglite' ? 'pgvector' : 'in-process');
      assert.equal(await vectorSearchMode(t.platform.database.db), ready.ai.vectorSearch);
    });

    test('a paraphrased query sharing no word with the video finds it in semantic mode', async () => {
      // "Workshop Saturday" speaks of a flat tire, the bike, the inner tube, a patch: none of these words.
      const query = 'mending a punctured cycle';
      const semantic = json(await t.app.inject({ url: `/api/v1/search?mode=semantic&q=${encodeURIComponent(query)}` }));
      assert.equal(
        semantic.data[0]?.id,
        ids[1],
        JSON.stringify(semantic.data.map((item: { title: string }) => item.title)),
      );
      const astronomy = json(
        await t.app.inject({
          url: `/api/v1/search?mode=semantic&q=${encodeURIComponent('orbiting worlds around our star')}`,
        }),
      );
      assert.equal(astronomy.data[0]?.id, ids[2]);
    });

    test('a repeated search (its next page, the same words again) reuses the query vector', async () => {
      const embeddings = t.services.ai.embeddings;
      const original = embeddings.embedNow.bind(embeddings);
      const encoded: string[] = [];
      embeddings.embedNow = (text, context) => {
        encoded.push(text);
        return original(text, context);
      };
      try {
        const url = (page: number) =>
          `/api/v1/search?mode=hybrid&limit=1&page=${page}&q=${encodeURIComponent('inner tube repair')}`;
        const first = json(await t.app.inject({ url: url(1) }));
        const second = json(await t.app.inject({ url: url(2) }));
        const again = json(await t.app.inject({ url: url(1) }));
        assert.deepEqual(encoded, ['inner tube repair']);
        assert.deepEqual(again.data, first.data);
        assert.notEqual(second.data[0]?.id, first.data[0]?.id);
      } finally {
        embeddings.embedNow = original;
      }
    });

    test('keyword search finds a word only spoken, with the line and its second', async () => {
      const keyword = json(await t.app.inject({ url: '/api/v1/search?q=bubbles' }));
      assert.equal(keyword.data.length, 1);
      assert.equal(keyword.data[0].id, ids[1]);
      assert.deepEqual(keyword.data[0].transcriptMatch, { text: topic('bicycle')[3], startSeconds: 9 });
      // A title match still ranks above a video that only says the word.
      const [spoken] = await insertAnalysedVideos(t, [
        { title: 'Evening chat', segments: timed(['We talked about astronomy for a while.', 'Then we went home.']) },
      ]);
      const both = json(await t.app.inject({ url: '/api/v1/search?q=astronomy' }));
      assert.deepEqual(
        both.data.map((item: { id: string }) => item.id),
        [ids[2], spoken],
      );
      assert.equal(both.data[0].transcriptMatch, null);
    });

    test('a two-topic transcript gets two chapters, split where the topic changes', async () => {
      const insights = await insightsRepo.find(t.platform.database.db, ids[0]!);
      assert.equal(insights?.model_name, 'textrank-meaning-tiling');
      const [twoTopics] = await insertAnalysedVideos(t, [
        { title: 'Two things', segments: [...timed(topic('bread')), ...timed(topic('planets'), 15)] },
      ]);
      const chapters = (await insightsRepo.find(t.platform.database.db, twoTopics!))!.chapters as {
        startSeconds: number;
      }[];
      assert.equal(chapters.length, 2, JSON.stringify(chapters));
      assert.ok(Math.abs(chapters[1]!.startSeconds - 15) <= 2, JSON.stringify(chapters));
    });
    test('a two-topic clip spoken by espeak-ng gets two chapters, the second within 2 s of the change', async (context) => {
      if (kind !== 'pglite') return context.skip('speech recognition does not depend on the database');
      if (!t.services.ai.transcription.available) return context.skip('pocketsphinx is not installed');
      const dir = await mkdtemp(join(tmpdir(), 'streamhub-two-topics-'));
      try {
        const parts = ['bicycle', 'garden'].map((name) => join(dir, `${name}.wav`));
        await speak('espeak-ng', topic('bicycle').join(' '), parts[0]!);
        await speak('espeak-ng', topic('garden').join(' '), parts[1]!);
        const { stdout } = await run('ffprobe', [
          '-v',
          'error',
          '-show_entries',
          'format=duration',
          '-of',
          'csv=p=0',
          parts[0]!,
        ]);
        const change = Number(stdout.trim());
        const wav = join(dir, 'speech.wav');
        await concatenateWavs(dir, parts, wav, 16000);
        const transcript = await t.services.ai.transcribe(wav, {});
        const [id] = await insertAnalysedVideos(t, [{ title: 'Saturday jobs', segments: transcript.value.segments }]);
        const chapters = (await insightsRepo.find(t.platform.database.db, id!))!.chapters as { startSeconds: number }[];
        assert.equal(chapters.length, 2, JSON.stringify({ chapters, segments: transcript.value.segments }));
        assert.ok(Math.abs(chapters[1]!.startSeconds - change) <= 2, JSON.stringify({ chapters, change }));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
}
