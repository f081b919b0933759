import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startTestApp, type TestApp } from '../../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../../test/support/databases.ts';
import { LocalEmbedder, SENTENCE_ENCODER_MODEL } from './sentence-embedder.ts';
import { classifyImages } from './image-moderation.ts';
import { CLASSIFIER_SIZE } from '../../media/frame-sampling.ts';

const cosine = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * b[index]!, 0);

describe('the model thread', () => {
  const embedder = new LocalEmbedder();
  const signal = new AbortController().signal;

  test('the sentence encoder answers from the model thread, paraphrases nearer than unrelated texts', async () => {
    const {
      value: [bread, dough, rings],
    } = await embedder.embed(
      ['How to knead bread dough by hand', 'Working yeast pastry with your fingers', "Saturn's rings in a telescope"],
      signal,
    );
    assert.equal(embedder.model.name, SENTENCE_ENCODER_MODEL.name, JSON.stringify(embedder.status));
    assert.equal(bread!.length, 512);
    assert.ok(cosine(bread!, dough!) > cosine(bread!, rings!) + 0.1);
  });

  test('nsfwjs runs on the same TensorFlow.js in that thread', async () => {
    const grey = new Uint8Array(CLASSIFIER_SIZE * CLASSIFIER_SIZE * 3).fill(128);
    const [scores] = (await classifyImages([grey]))!;
    const total = Object.values(scores!).reduce((sum, value) => sum + value, 0);
    assert.ok(Math.abs(total - 1) < 0.01, JSON.stringify(scores));
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`requests while a large batch embeds on ${kind}`, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(async () => {
      await t.close();
    });

    test('requests are answered promptly while 256 long sentences embed', async () => {
      const embedder = new LocalEmbedder();
      await embedder.embed(['warm-up'], new AbortController().signal);
      // Long texts: every pass of 32 pads to the longest, so a pass on the event loop would block it for long.
      const sentences = Array.from(
        { length: 256 },
        (_, n) =>
          `Lecture ${n}: how to knead dough, patch a bicycle tyre, tune a guitar, solve a quadratic equation, ` +
          `plan a week of meals, and find Saturn's rings and the moons of Jupiter in the night sky.`,
      );
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      let finished = false;
      const started = performance.now();
      const batch = embedder.embed(sentences, new AbortController().signal).then((result) => {
        finished = true;
        return result;
      });
      const latencies: number[] = [];
      while (!finished) {
        const begin = performance.now();
        const response = await t.app.inject({ method: 'GET', url: '/health' });
        assert.equal(response.statusCode, 200);
        if (!finished) latencies.push(performance.now() - begin);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const vectors = (await batch).value;
      const batchMs = performance.now() - started;
      delay.disable();
      assert.equal(vectors.length, 256);
      assert.ok(latencies.length >= 5, `${latencies.length} requests answered during a ${batchMs.toFixed(0)} ms batch`);
      const sorted = [...latencies].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      const summary = `${latencies.length} requests during a ${batchMs.toFixed(0)} ms batch: median ${median.toFixed(0)} ms, slowest ${sorted.at(-1)!.toFixed(0)} ms, event-loop delay max ${(delay.max / 1e6).toFixed(0)} ms`;
      // On the event loop a request waits for the pass in progress: one pass of 32 such sentences takes
      // several hundred ms on a quiet machine and seconds on a busy one.
      assert.ok(median < 100, summary);
      assert.ok(sorted.at(-1)! < 1000, summary);
    });
  });
}
