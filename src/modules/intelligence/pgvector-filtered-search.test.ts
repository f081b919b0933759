// pgvector's HNSW index under a search's own conditions (embedded database only: the PostgreSQL here has
// no pgvector). The 300 vectors nearest the query belong to videos that are not searchable; the index's
// first ef_search candidates are all among them, so without iterative scans the search would come back
// empty. It must fill its page with the nearest searchable videos, in exact distance order.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { nearest, vectorSearchMode } from './vector-store.ts';
import { dot, seededUnitVector, unitLength, vectorOwner } from './vector-test-support.ts';

const DIMENSIONS = 512;
const MODEL = { name: 'filter-test-vectors', version: '1' };

describe('pgvector search with filters (pglite)', { timeout: 180_000 }, () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('pglite');
  });
  after(() => t?.close());

  test('a filtered search keeps searching past hidden neighbours and returns the exact nearest visible ones', async () => {
    const db = t.platform.database.db;
    assert.equal(await vectorSearchMode(db), 'pgvector');
    const creator_id = await vectorOwner(t, 'Owner of the vectors');
    const query = seededUnitVector(1, DIMENSIONS);
    const vectors = new Map<string, { vector: number[]; hidden: boolean }>();
    for (let n = 0; n < 600; n += 1) {
      // The first 300 lie close around the query and are hidden; the rest are spread everywhere.
      const hidden = n < 300;
      const noise = seededUnitVector(1000 + n, DIMENSIONS);
      const vector = hidden ? unitLength(query.map((value, index) => value + 0.5 * noise[index]!)) : noise;
      const { id } = await db
        .insertInto('videos')
        .values({
          creator_id,
          title: `vector ${n}`,
          status: hidden ? ('processing' as const) : ('ready' as const),
          visibility: 'public' as const,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await sql`insert into video_embeddings (video_id, model, model_version, content_hash, embedding)
        values (${id}, ${MODEL.name}, ${MODEL.version}, 'x', ${vector}::real[])`.execute(db);
      vectors.set(id, { vector, hidden });
    }
    await sql`analyze videos`.execute(db);
    await sql`analyze video_embeddings`.execute(db);
    const candidates = sql`select e.video_id::text as id, e.embedding from video_embeddings e
      join videos v on v.id = e.video_id and v.status = 'ready'
      where e.model = ${MODEL.name} and e.model_version = ${MODEL.version}`;

    // A table this small would be scanned whole; the index is what is under test.
    await sql`set enable_seqscan = off`.execute(db);
    try {
      const plan = await sql<{ 'QUERY PLAN': string }>`explain select c.id from (${candidates}) c
        where array_length(c.embedding, 1) = 512
        order by c.embedding::vector(512) <=> ${`[${query.join(',')}]`}::vector(512) limit 20`.execute(db);
      const steps = plan.rows.map((row) => row['QUERY PLAN'].replace(/'\[[^\]]*\]'/g, '<query>')).join('\n');
      assert.ok(steps.includes('video_embeddings_hnsw_512'), `the HNSW index is used:\n${steps}`);
      const found = await nearest(db, candidates, query, 20);
      const expected = [...vectors]
        .filter(([, entry]) => !entry.hidden)
        .map(([id, entry]) => ({ id, score: dot(query, entry.vector) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, 20);
      assert.equal(found.length, 20, 'the page is filled despite the 300 hidden nearer neighbours');
      const recall = found.filter((hit) => expected.some((want) => want.id === hit.id)).length / 20;
      assert.ok(recall >= 0.9, `recall@20 ${recall}`);
      for (let index = 1; index < found.length; index += 1) {
        assert.ok(found[index - 1]!.score >= found[index]!.score, 'in distance order');
      }
    } finally {
      await sql`reset enable_seqscan`.execute(db);
    }
  });
});
