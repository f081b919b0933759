/**
 * pgvector HNSW inside PGlite (the embedded default): recall@10 against an exact scan and query p50/p95
 * on BENCH_VECTORS synthetic clustered 512-dimension vectors (default 200,000), stored and indexed the way
 * migration 0060 does it (real[] cast to vector(512), cosine HNSW, m 16, ef_construction 64). Machine load
 * is printed beside every figure. The PostgreSQL of this machine (Debian bookworm) has no pgvector package.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';
import { envNumber, markdownTable } from './support/options.ts';
import { dataset, exactTop, percentile, topicCentres } from './support/vector-data.ts';

const VECTORS = envNumber('BENCH_VECTORS', 200_000);
const CLUSTERS = envNumber('BENCH_CLUSTERS', 500);
const QUERIES = envNumber('BENCH_QUERIES', 200);
const EF_SEARCH = (process.env.BENCH_EF_SEARCH ?? '40,100').split(',').map(Number);
const BATCH = 1000;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
const literal = (values: Float32Array) => `[${Array.from(values, (value) => value.toFixed(6)).join(',')}]`;
const log = (line: string) => process.stdout.write(`${line} (load ${load()})\n`);

async function main(): Promise<void> {
  log(`pgvector on PGlite: ${VECTORS} vectors × 512 dims, ${CLUSTERS} clusters, ${QUERIES} queries`);
  const centres = topicCentres(CLUSTERS);
  const vectors = dataset(VECTORS, 2, centres);
  const queries = dataset(QUERIES, 3, centres);
  const dir = await mkdtemp(join(tmpdir(), 'streamhub-bench-pgvector-'));
  const db = await PGlite.create(dir, { extensions: { vector } });
  try {
    await db.exec(`create extension vector;
      create table items (id integer primary key, embedding real[] not null)`);
    let started = performance.now();
    for (let start = 0; start < VECTORS; start += BATCH) {
      const slice = vectors.slice(start, start + BATCH);
      await db.query(
        `insert into items (id, embedding)
         select id, text::vector(512)::real[] from unnest($1::int[], $2::text[]) as t(id, text)`,
        [slice.map((_, n) => start + n), slice.map(literal)],
      );
      if ((start / BATCH) % 50 === 0) log(`inserted ${start + slice.length}`);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    log(`inserted ${VECTORS} in ${insertSeconds.toFixed(0)} s`);
    await db.exec(`set maintenance_work_mem = '700MB'`);
    started = performance.now();
    await db.exec(`create index items_hnsw on items using hnsw ((embedding::vector(512)) vector_cosine_ops)`);
    const buildSeconds = (performance.now() - started) / 1000;
    const buildLoad = load();
    log(`HNSW built in ${buildSeconds.toFixed(0)} s`);
    await db.exec('analyze items');

    const exact = queries.map((query) => new Set(exactTop(vectors, query, 10)));
    const rows: string[][] = [];
    for (const ef of EF_SEARCH) {
      await db.exec(`set hnsw.ef_search = ${ef}`);
      const latencies: number[] = [];
      let found = 0;
      for (const [n, query] of queries.entries()) {
        const begin = performance.now();
        const result = await db.query<{ id: number }>(
          `select id from items order by embedding::vector(512) <=> $1::vector limit 10`,
          [literal(query)],
        );
        latencies.push(performance.now() - begin);
        found += result.rows.filter((row) => exact[n]!.has(row.id)).length;
      }
      rows.push([
        String(VECTORS),
        String(ef),
        (found / (QUERIES * 10)).toFixed(3),
        percentile(latencies, 50).toFixed(1),
        percentile(latencies, 95).toFixed(1),
        buildSeconds.toFixed(0),
        insertSeconds.toFixed(0),
        `${buildLoad} → ${load()}`,
      ]);
    }
    const plan = await db.query<{ 'QUERY PLAN': string }>(
      `explain select id from items order by embedding::vector(512) <=> $1::vector limit 10`,
      [literal(queries[0]!)],
    );
    const scan = plan.rows.map((row) => row['QUERY PLAN'].trim()).find((line) => line.includes('Scan'));
    process.stdout.write(`\nplan: ${scan?.replace(/\s+\(cost.*$/, '')}\n`);
    const exactStarted = performance.now();
    await db.exec('set enable_indexscan = off');
    for (const query of queries.slice(0, 5)) {
      await db.query(`select id from items order by embedding::vector(512) <=> $1::vector limit 10`, [literal(query)]);
    }
    const exactMs = (performance.now() - exactStarted) / 5;
    process.stdout.write(`\n## pgvector HNSW on PGlite (m 16, ef_construction 64)\n\n`);
    process.stdout.write(
      `${markdownTable(
        [
          'vectors',
          'ef_search',
          'recall@10',
          'query p50 ms',
          'query p95 ms',
          'build s',
          'insert s',
          'load avg 1/5/15 (build → end)',
        ],
        rows,
      )}\n\nexact scan in SQL (index off): ${exactMs.toFixed(0)} ms/query (load ${load()})\n`,
    );
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
