import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { pino } from 'pino';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { SENTENCE_ENCODER_MODEL } from '../../platform/ai/local/sentence-embedder.ts';
import { insertAnalysedVideos } from './analysed-catalogue-test-support.ts';
import { reembedAll } from './reembed.ts';
import { VectorIndexes } from './vector-indexes.ts';
import { dot, seededUnitVector, vectorOwner } from './vector-test-support.ts';

const DIMENSIONS = 32;
const MODEL = { name: 'test-vectors', version: '1' };

const unitVector = (seed: number) => seededUnitVector(seed, DIMENSIONS);

for (const kind of testDatabaseKinds()) {
  describe(`vector maintenance (${kind})`, { timeout: 180_000 }, () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp(kind);
    });
    after(() => t?.close());

    test('the in-process ANN index follows the table and restarts from its snapshot', async () => {
      const db = t.platform.database.db;
      const owner = { creator_id: await vectorOwner(t, 'Owner of the vectors') };
      const videos = await db
        .insertInto('videos')
        .values(
          Array.from({ length: 300 }, (_, n) => ({
            creator_id: owner.creator_id,
            title: `vector ${n}`,
            // Not ready: the index reads the table as it is, and the reprocess test leaves them alone.
            status: 'processing' as const,
            visibility: 'public' as const,
            updated_at: new Date(),
          })),
        )
        .returning('id')
        .execute();
      const vectors = new Map(videos.map((video, n) => [video.id, unitVector(n + 1)]));
      for (const [id, vector] of vectors)
        await sql`insert into video_embeddings (video_id, model, model_version, content_hash, embedding)
          values (${id}, ${MODEL.name}, ${MODEL.version}, 'x', ${vector}::real[])`.execute(db);
      const logger = pino({ level: 'silent' });
      const indexes = new VectorIndexes({ db, storage: t.platform.storage, logger, catchUpMs: 0, snapshotEvery: 100 });

      let found = 0;
      for (let q = 0; q < 20; q += 1) {
        const query = unitVector(10_000 + q);
        const exact = [...vectors]
          .sort((a, b) => dot(query, b[1]) - dot(query, a[1]))
          .slice(0, 10)
          .map(([id]) => id);
        const approximate = new Set((await indexes.search('videos', MODEL, query, 10)).map((hit) => hit.id));
        found += exact.filter((id) => approximate.has(id)).length;
      }
      assert.ok(found / 200 >= 0.9, `recall@10 ${found / 200}`);

      // A vector stored after the build is searchable at the next query.
      const moved = videos[7]!.id;
      const target = unitVector(99_999);
      await sql`update video_embeddings set embedding = ${target}::real[], updated_at = now() where video_id = ${moved}`.execute(
        db,
      );
      assert.equal((await indexes.search('videos', MODEL, target, 1))[0]?.id, moved);

      // The build was snapshotted to object storage; a new process loads it instead of reading the table.
      await indexes.flush();
      assert.ok((await t.platform.storage.listObjects('ai/vector-index/videos')).length >= 2);
      await db.deleteFrom('video_embeddings').where('model', '=', MODEL.name).execute();
      const restarted = new VectorIndexes({ db, storage: t.platform.storage, logger, catchUpMs: 0 });
      assert.equal(await restarted.size('videos', MODEL, DIMENSIONS), 300);
      assert.equal((await restarted.search('videos', MODEL, target, 1))[0]?.id, moved);
    });

    test('reprocess --embeddings re-embeds what another model made, and resumes after an interruption', async () => {
      const db = t.platform.database.db;
      const ids = await insertAnalysedVideos(
        t,
        ['bread', 'bikes', 'stars'].map((title) => ({
          title,
          segments: [{ startSeconds: 0, endSeconds: 2, text: `Something about ${title}.` }],
        })),
      );
      for (const table of ['video_embeddings', 'segment_embeddings'] as const)
        await db.updateTable(table).set({ model: 'hashed-ngrams-512', model_version: '1' }).execute();
      const onModel = async () =>
        (
          await db
            .selectFrom('video_embeddings')
            .select('video_id')
            .where('model', '=', SENTENCE_ENCODER_MODEL.name)
            .where('model_version', '=', SENTENCE_ENCODER_MODEL.version)
            .execute()
        ).length;

      const totals: number[] = [];
      const interrupted = reembedAll(
        db,
        t.services.ai,
        {
          start: (total) => totals.push(total),
          advance: () => {
            throw new Error('interrupted');
          },
        },
        1,
      );
      await assert.rejects(interrupted, /interrupted/);
      assert.equal(await onModel(), 1);

      const result = await reembedAll(db, t.services.ai, { start: (total) => totals.push(total), advance: () => {} });
      // The owner video of the first test has no vectors of this model either; the interrupted one is done.
      assert.deepEqual(totals, [ids.length + 1, ids.length]);
      assert.equal(result.videos, ids.length);
      assert.equal(await onModel(), ids.length + 1);
      const stale = await db
        .selectFrom('segment_embeddings')
        .select('video_id')
        .where('model', '<>', SENTENCE_ENCODER_MODEL.name)
        .execute();
      assert.deepEqual(stale, []);
    });

    test('vectors written together are read once, not again at every catch-up', async () => {
      const db = t.platform.database.db;
      const burstModel = { name: 'burst-vectors', version: '1' };
      const creator_id = await vectorOwner(t, 'Owner of the burst');
      const videos = await db
        .insertInto('videos')
        .values(
          Array.from({ length: 50 }, (_, n) => ({ creator_id, title: `burst ${n}`, status: 'processing' as const })),
        )
        .returning('id')
        .execute();
      // One statement: every row carries the same updated_at, as a video's segments or a re-embedding batch do.
      await sql`insert into video_embeddings (video_id, model, model_version, content_hash, embedding)
        select id, ${burstModel.name}, ${burstModel.version}, 'x', ${unitVector(7)}::real[]
        from unnest(${videos.map((video) => video.id)}::uuid[]) as t(id)`.execute(db);
      const reads: number[] = [];
      const logger = pino(
        { level: 'debug' },
        {
          write: (line: string) => {
            const entry = JSON.parse(line) as { msg: string; read?: number };
            if (entry.msg === 'vector index caught up') reads.push(entry.read!);
          },
        },
      );
      const margin = 300;
      const indexes = new VectorIndexes({
        db,
        storage: t.platform.storage,
        logger,
        catchUpMs: 0,
        commitMarginMs: margin,
      });
      const search = () => indexes.search('videos', burstModel, unitVector(7), 5);
      assert.equal((await search()).length, 5);
      assert.deepEqual(reads, [50], 'the build reads every row once');
      // Inside the commit margin the rows may be read again; once it has passed, never.
      await new Promise((resolve) => setTimeout(resolve, margin * 2));
      await search();
      reads.length = 0;
      for (let n = 0; n < 3; n += 1) await search();
      assert.deepEqual(reads, [], 'nothing re-read once the margin has passed');
      // A row written later is still picked up at the next search.
      await sql`update video_embeddings set embedding = ${unitVector(8)}::real[], updated_at = now()
        where video_id = ${videos[3]!.id} and model = ${burstModel.name}`.execute(db);
      assert.equal((await indexes.search('videos', burstModel, unitVector(8), 1))[0]?.id, videos[3]!.id);
      assert.deepEqual(reads, [1]);
    });
  });
}
