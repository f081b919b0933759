/**
 * Search by meaning on the paraphrase evaluation sets: recall@10 and MRR of keyword, semantic and
 * hybrid search with the hashed n-gram embedder and with the sentence encoder, per set and for the
 * held-out queries, and the time to re-embed the catalogue (`reprocess --embeddings`). PGlite, no network.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Ai } from '../src/platform/ai/ai.ts';
import { HashedNgramEmbedder } from '../src/platform/ai/local/hashed-embedder.ts';
import { contentTerms } from '../src/platform/ai/local/text-tokens.ts';
import { createServices, type Services } from '../src/modules/services.ts';
import { searchQuery } from '../src/modules/search/schemas.ts';
import { insertAnalysedVideos } from '../src/modules/intelligence/analysed-catalogue-test-support.ts';
import { reembedAll } from '../src/modules/intelligence/reembed.ts';
import { startTestApp, type TestApp } from '../test/support/app.ts';
import { EVAL_SETS, type EvalQuery, type EvalSet } from './support/paraphrase-sets.ts';
import { markdownTable } from './support/options.ts';

const MODES = ['keyword', 'semantic', 'hybrid'] as const;
const load = () => loadavg()[0]!.toFixed(1);

/** A query that shares a content word with its video is not a paraphrase: the set is wrong, not the search. */
function assertParaphrases(set: EvalSet): void {
  for (const { query, relevant } of set.queries) {
    const video = set.videos.find((candidate) => candidate.key === relevant)!;
    const words = new Set(
      contentTerms([video.title, video.description, video.tags.join(' '), ...video.transcript].join(' ')),
    );
    const shared = contentTerms(query).filter((term) => words.has(term));
    if (shared.length > 0) throw new Error(`"${query}" shares ${shared.join(', ')} with ${relevant}`);
  }
}

/** What GET /search does per mode, called on the services directly (one HTTP app per process). */
async function search(services: Services, q: string, mode: (typeof MODES)[number]): Promise<string[]> {
  const params = searchQuery.parse({ q, mode, limit: '10' });
  const origin = 'http://bench.invalid';
  const { items } =
    mode === 'keyword'
      ? await services.search.search(params, origin)
      : await services.semanticSearch.search(params, origin);
  return items.map((item) => item.id);
}

async function quality(
  services: Services,
  ids: Map<string, string>,
  queries: EvalQuery[],
  mode: (typeof MODES)[number],
) {
  let found = 0;
  let reciprocal = 0;
  for (const { query, relevant } of queries) {
    const results = await search(services, query, mode);
    const rank = results.indexOf(ids.get(relevant)!);
    if (rank >= 0) {
      found += 1;
      reciprocal += 1 / (rank + 1);
    }
  }
  return { recall: found / queries.length, mrr: reciprocal / queries.length };
}

async function measure(services: Services, ids: Map<string, string>, embedder: string): Promise<string[][]> {
  const rows: string[][] = [];
  for (const set of EVAL_SETS) {
    const parts = [
      { name: `${set.name} (tuning)`, queries: set.queries.filter((query) => !query.heldOut) },
      { name: `${set.name} (held out)`, queries: set.queries.filter((query) => query.heldOut) },
    ];
    for (const part of parts)
      for (const mode of MODES) {
        const { recall, mrr } = await quality(services, ids, part.queries, mode);
        rows.push([embedder, part.name, String(part.queries.length), mode, recall.toFixed(2), mrr.toFixed(2), load()]);
      }
  }
  return rows;
}

async function main(): Promise<void> {
  EVAL_SETS.forEach(assertParaphrases);
  const t: TestApp = await startTestApp('pglite');
  try {
    // The baseline: the same services with the hashed embedder as the only one.
    const hashedAi = new Ai(t.platform.config.ai, t.platform.database.db, t.platform.logger, {
      embedder: new HashedNgramEmbedder(),
    });
    const hashedServices = createServices(t.platform, { ai: hashedAi });
    const ids = new Map<string, string>();
    for (const set of EVAL_SETS) {
      const created = await insertAnalysedVideos(
        { ...t, services: { ...t.services, ai: hashedAi } },
        set.videos.map((video) => ({
          ...video,
          segments: video.transcript.map((text, index) => ({
            startSeconds: index * 4,
            endSeconds: index * 4 + 3.5,
            text,
          })),
        })),
      );
      set.videos.forEach((video, index) => ids.set(video.key, created[index]!));
    }
    const rows = await measure(hashedServices, ids, 'hashed-ngrams-512');

    const started = performance.now();
    const reembedded = await reembedAll(t.platform.database.db, t.services.ai, { start: () => {}, advance: () => {} });
    const seconds = (performance.now() - started) / 1000;
    rows.push(...(await measure(t.services, ids, reembedded.model.name)));

    process.stdout.write(`\n## Search by meaning on paraphrased queries (load ${load()})\n\n`);
    process.stdout.write(
      `${markdownTable(['embedder', 'set', 'queries', 'mode', 'recall@10', 'MRR', 'load'], rows)}\n`,
    );
    process.stdout.write(
      `\nreprocess --embeddings: ${reembedded.videos} videos in ${seconds.toFixed(1)} s (load ${load()})\n`,
    );
  } finally {
    await t.close();
  }
}

await main();
