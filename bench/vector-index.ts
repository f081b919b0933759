/**
 * In-process ANN index (usearch HNSW, used on PostgreSQL without pgvector): recall@10 against an exact
 * scan, query p50/p95, build time and snapshot save/load, on BENCH_VECTORS synthetic 512-dimension
 * unit vectors (default 200,000) drawn around BENCH_CLUSTERS topics the way sentence embeddings
 * cluster; plus the sentence encoder's throughput per core. Machine load is printed beside every figure.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createObjectStorage } from '../src/platform/storage/create-storage.ts';
import { AnnIndex } from '../src/modules/intelligence/ann-index.ts';
import { LocalEmbedder, SENTENCE_ENCODER_MODEL } from '../src/platform/ai/local/sentence-embedder.ts';
import { envNumber, markdownTable } from './support/options.ts';
import { DIMENSIONS, dataset, exactTop, percentile, topicCentres } from './support/vector-data.ts';

const VECTORS = envNumber('BENCH_VECTORS', 200_000);
const CLUSTERS = envNumber('BENCH_CLUSTERS', 500);
const QUERIES = envNumber('BENCH_QUERIES', 200);
const load = () => loadavg()[0]!.toFixed(1);

async function embeddingThroughput(): Promise<string[][]> {
  const embedder = new LocalEmbedder();
  const sentences = Array.from(
    { length: 512 },
    (_, n) => `Sentence ${n}: how to knead dough, patch a tyre, or find Saturn's rings in the night sky.`,
  );
  const signal = new AbortController().signal;
  await embedder.embed(sentences.slice(0, 32), signal); // warm-up: kernels compiled, weights loaded
  const started = performance.now();
  await embedder.embed(sentences, signal);
  const seconds = (performance.now() - started) / 1000;
  const perSecond = sentences.length / seconds;
  // The encoder runs in the model thread (TensorFlow.js' WebAssembly backend, one thread): the rate is one core's.
  return [
    [
      `${SENTENCE_ENCODER_MODEL.name}@${SENTENCE_ENCODER_MODEL.version}`,
      perSecond.toFixed(0),
      (10_000 / perSecond).toFixed(0),
      load(),
    ],
  ];
}

async function main(): Promise<void> {
  process.stdout.write(
    `vector index bench: ${VECTORS} vectors × ${DIMENSIONS} dims, ${CLUSTERS} clusters, ${QUERIES} queries (load ${load()})\n`,
  );
  const centres = topicCentres(CLUSTERS);
  const vectors = dataset(VECTORS, 2, centres);
  const queries = dataset(QUERIES, 3, centres);

  const rssBefore = process.memoryUsage().rss;
  const index = new AnnIndex(DIMENSIONS);
  let started = performance.now();
  for (let start = 0; start < VECTORS; start += 1000)
    index.upsertMany(vectors.slice(start, start + 1000).map((vector, n) => ({ id: String(start + n), vector })));
  const buildSeconds = (performance.now() - started) / 1000;
  const buildLoad = load();
  const rssAddedMb = (process.memoryUsage().rss - rssBefore) / 2 ** 20;

  const latencies: number[] = [];
  let found = 0;
  for (const query of queries) {
    const begin = performance.now();
    const hits = index.search(query, 10);
    latencies.push(performance.now() - begin);
    const exact = new Set(exactTop(vectors, query, 10).map(String));
    found += hits.filter((hit) => exact.has(hit.id)).length;
  }
  const exactStarted = performance.now();
  for (const query of queries.slice(0, 20)) exactTop(vectors, query, 10);
  const exactMs = (performance.now() - exactStarted) / 20;
  // A filtered search that few videos pass scores them all from the index's own copy (vector-store.ts).
  const among = Array.from({ length: 10_000 }, (_, n) => String((n * 7919) % VECTORS));
  const amongStarted = performance.now();
  for (const query of queries.slice(0, 20)) index.nearestAmong(query, among, 100);
  const amongMs = (performance.now() - amongStarted) / 20;

  const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-ann-'));
  const storage = await createObjectStorage({ dataDir: dir });
  started = performance.now();
  await index.saveSnapshot(storage, 'bench/index', new Date());
  const saveSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const loaded = await AnnIndex.loadSnapshot(storage, 'bench/index', DIMENSIONS);
  const loadSeconds = (performance.now() - started) / 1000;
  if (loaded?.index.size !== VECTORS) throw new Error('the snapshot did not load');
  await rm(dir, { recursive: true, force: true });

  process.stdout.write(
    `\n## ANN index (usearch HNSW over f16 vectors, M=16, ef_add=128, ef_search=96; hits rescored from f32)\n\n`,
  );
  process.stdout.write(
    `${markdownTable(
      [
        'vectors',
        'recall@10',
        'query p50 ms',
        'query p95 ms',
        'exact scan ms/query',
        'score 10,000 given ids ms',
        'build s',
        'RSS added MB',
        'snapshot save s',
        'snapshot load s',
        'load avg',
      ],
      [
        [
          String(VECTORS),
          (found / (QUERIES * 10)).toFixed(3),
          percentile(latencies, 50).toFixed(2),
          percentile(latencies, 95).toFixed(2),
          exactMs.toFixed(0),
          amongMs.toFixed(1),
          buildSeconds.toFixed(0),
          rssAddedMb.toFixed(0),
          saveSeconds.toFixed(1),
          loadSeconds.toFixed(1),
          `${buildLoad} / ${load()}`,
        ],
      ],
    )}\n`,
  );
  process.stdout.write(`\n## Sentence encoder throughput (one core)\n\n`);
  process.stdout.write(
    `${markdownTable(['model', 'sentences/s', 'est. s for 10k video documents', 'load avg'], await embeddingThroughput())}\n`,
  );
}

await main();
