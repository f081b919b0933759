// The in-process ANN index (PostgreSQL without pgvector) under a search's own conditions. The index
// proposes the nearest vectors whatever the conditions; vector-store.ts checks them against the
// database and, when too few pass, sizes a second round from the share that did or scores the
// vectors that meet the conditions exactly. Each case compares with the exact answer worked out here.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { VectorIndexes } from './vector-indexes.ts';
import { nearest, vectorSearchMode } from './vector-store.ts';
import { dot, seededUnitVector, unitLength, vectorOwner } from './vector-test-support.ts';

const DIMENSIONS = 64;
const MODEL = { name: 'in-process-filter-vectors', version: '1' };
const LIMIT = 20;

describe(
  'in-process vector search with filters (postgres)',
  { skip: !process.env.DATABASE_URL && 'DATABASE_URL is not set', timeout: 180_000 },
  () => {
    let t: TestApp;
    let indexes: VectorIndexes;
    const query = seededUnitVector(1, DIMENSIONS);
    const vectors = new Map<string, { vector: number[]; group: number }>();

    before(async () => {
      t = await startTestApp('postgres');
      const db = t.platform.database.db;
      const creator_id = await vectorOwner(t, 'Owner of the vectors');
      // 600 vectors in five groups of 120: the group's number is its videos' duration, so a
      // condition on it picks a group. Group 0 lies close around the query; the others are spread.
      const rows = await db
        .insertInto('videos')
        .values(
          Array.from({ length: 600 }, (_, n) => ({
            creator_id,
            title: `vector ${n}`,
            status: 'processing' as const,
            visibility: 'public' as const,
            duration_seconds: n % 5,
          })),
        )
        .returning(['id', 'duration_seconds'])
        .execute();
      for (const [n, row] of rows.entries()) {
        const group = Number(row.duration_seconds);
        const noise = seededUnitVector(1000 + n, DIMENSIONS);
        const vector = group === 0 ? unitLength(query.map((value, index) => value + 0.6 * noise[index]!)) : noise;
        vectors.set(row.id, { vector, group });
        await sql`insert into video_embeddings (video_id, model, model_version, content_hash, embedding)
          values (${row.id}, ${MODEL.name}, ${MODEL.version}, 'x', ${vector}::real[])`.execute(db);
      }
      indexes = new VectorIndexes({ db, storage: t.platform.storage, logger: pino({ level: 'silent' }), catchUpMs: 0 });
    });
    after(() => t?.close());

    const candidates = (groups: number[]) => sql`select e.video_id::text as id, e.video_id, e.embedding
      from video_embeddings e join videos v on v.id = e.video_id and v.duration_seconds = any(${groups}::int[])
      where e.model = ${MODEL.name} and e.model_version = ${MODEL.version}`;
    const exactly = (groups: number[], near = query) =>
      [...vectors]
        .filter(([, entry]) => groups.includes(entry.group))
        .map(([id, entry]) => ({ id, score: dot(near, entry.vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, LIMIT);
    const search = (groups: number[], near = query) =>
      nearest(t.platform.database.db, candidates(groups), near, LIMIT, { indexes, kind: 'videos', model: MODEL });

    test('the database is searched through the in-process index', async () => {
      assert.equal(await vectorSearchMode(t.platform.database.db), 'in-process');
    });

    test('when the nearest vectors all fail the conditions, the ones that pass are scored exactly', async () => {
      // The index's first round (80 hits) is all group 0: nothing passes, so the search scans group 3.
      const found = await search([3]);
      const expected = exactly([3]);
      assert.deepEqual(
        found.map((hit) => hit.id),
        expected.map((hit) => hit.id),
      );
      for (const [index, hit] of found.entries()) assert.ok(Math.abs(hit.score - expected[index]!.score) < 1e-5);
    });

    test('when some pass, a second round sized by their share fills the page', async () => {
      // A query away from group 0: the first round (80 hits) mixes the groups, about a fifth of it is
      // group 1 (too few for the page), and that share sizes the second round.
      const elsewhere = seededUnitVector(2, DIMENSIONS);
      const found = await search([1], elsewhere);
      const expected = exactly([1], elsewhere).map((hit) => hit.id);
      assert.equal(found.length, LIMIT);
      const recall = found.filter((hit) => expected.includes(hit.id)).length / LIMIT;
      assert.ok(recall >= 0.9, `recall@${LIMIT} ${recall}`);
      for (let index = 1; index < found.length; index += 1) assert.ok(found[index - 1]!.score >= found[index]!.score);
    });

    test('with the conditions’ own query, the few videos that pass are scored from memory, also after a restart', async () => {
      const db = t.platform.database.db;
      // Group 3 only: the first round finds none of it, so every video of group 3 is named and scored.
      const passing = (videoIds?: string[]) => sql`select v.id::text as id from videos v where v.duration_seconds = 3
        ${videoIds ? sql`and v.id = any(${videoIds}::uuid[])` : sql``}`;
      const expected = exactly([3]);
      const ranked = (found: { id: string; score: number }[]) => {
        assert.deepEqual(
          found.map((hit) => hit.id),
          expected.map((hit) => hit.id),
        );
        for (const [index, hit] of found.entries()) assert.ok(Math.abs(hit.score - expected[index]!.score) < 1e-5);
      };
      ranked(await nearest(db, candidates([3]), query, LIMIT, { indexes, kind: 'videos', model: MODEL, passing }));
      // The snapshot keeps the full-precision vectors beside the graph: a new process scores the same.
      await indexes.flush();
      const logged: string[] = [];
      const restarted = new VectorIndexes({
        db,
        storage: t.platform.storage,
        logger: pino({ level: 'info' }, { write: (line: string) => void logged.push(line) }),
        // Re-reads only the newest row: every other vector must come from the snapshot.
        commitMarginMs: 0,
      });
      ranked(await restarted.nearestAmong('videos', MODEL, query, expected.map((hit) => hit.id).reverse(), LIMIT));
      assert.ok(logged.some((line) => line.includes('vector index loaded from its snapshot')));
    });

    test('without an index (one video’s segments), the exact scan reads the binary vectors right', async () => {
      const found = await nearest(t.platform.database.db, candidates([0, 4]), query, LIMIT);
      const expected = exactly([0, 4]);
      assert.deepEqual(
        found.map((hit) => hit.id),
        expected.map((hit) => hit.id),
      );
      for (const [index, hit] of found.entries()) assert.ok(Math.abs(hit.score - expected[index]!.score) < 1e-5);
    });
  },
);
