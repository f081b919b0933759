// The embedding batcher: background texts of one owner go out together (by size or after the wait), and
// a person's query goes out at once instead of waiting for the batch timer (it used to wait 200 ms).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { EmbeddingBatcher } from './embedding-batcher.ts';
import type { Routed } from './router.ts';

const MODEL = { provider: 'local' as const, name: 'test-embedder', version: '1' };

/** An embedder that records each call's texts and answers with each text's length as its vector. */
function recordingEmbedder() {
  const calls: string[][] = [];
  const embedMany = async (texts: string[]): Promise<Routed<number[][]>> => {
    calls.push(texts);
    return { value: texts.map((text) => [text.length]), model: MODEL, usage: {}, costUsd: 0, skipped: [] };
  };
  return { calls, embedMany };
}

describe('embedding batcher', () => {
  test('background texts of one owner are sent together, other owners apart', async () => {
    const { calls, embedMany } = recordingEmbedder();
    const batcher = new EmbeddingBatcher(embedMany, 3, 20);
    const video = { userId: 'u1', videoId: 'v1' };
    const results = await Promise.all([
      batcher.embed('a', video),
      batcher.embed('bb', video),
      batcher.embed('ccc', { userId: 'u2', videoId: 'v2' }),
      batcher.embed('dddd', video),
    ]);
    assert.deepEqual(
      results.map((result) => result.vector[0]),
      [1, 2, 3, 4],
    );
    assert.deepEqual(results[0], { vector: [1], model: 'test-embedder', version: '1' });
    // The first owner's three texts filled a batch at once; the other owner's went after the wait.
    assert.deepEqual(calls, [['a', 'bb', 'dddd'], ['ccc']]);
  });

  test('a query goes out at once, taking along what its owner had waiting', async () => {
    const { calls, embedMany } = recordingEmbedder();
    const batcher = new EmbeddingBatcher(embedMany, 32, 60_000);
    const waiting = batcher.embed('waiting', {});
    const started = performance.now();
    const query = await batcher.embedNow('what is a black hole', {});
    assert.ok(performance.now() - started < 1000, 'not held for the minute-long batch wait');
    assert.equal(query.vector[0], 'what is a black hole'.length);
    assert.equal((await waiting).vector[0], 'waiting'.length);
    assert.deepEqual(calls, [['waiting', 'what is a black hole']]);
  });
});
