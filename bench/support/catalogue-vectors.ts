import { sql, type Kysely } from 'kysely';
import { SENTENCE_ENCODER_MODEL } from '../../src/platform/ai/local/sentence-embedder.ts';
import type { DB } from '../../src/platform/db/schema.ts';
import { dataset, topicCentres } from './vector-data.ts';

const BATCH = 1000;

/**
 * Writes a synthetic 512-dimension vector for every video that has none, under the sentence encoder's
 * model and version, so semantic and hybrid searches run against a vector index of the whole seeded
 * catalogue. Clustered like real topics (500 centres); the query side stays the real encoder.
 */
export async function giveEveryVideoAVector(db: Kysely<DB>): Promise<{ vectors: number; seconds: number }> {
  const started = performance.now();
  const ids = (
    await db
      .selectFrom('videos')
      .leftJoin('video_embeddings', 'video_embeddings.video_id', 'videos.id')
      .select('videos.id')
      .where('video_embeddings.video_id', 'is', null)
      .orderBy('videos.id')
      .execute()
  ).map((row) => row.id);
  const centres = topicCentres(500);
  for (let start = 0; start < ids.length; start += BATCH) {
    const slice = ids.slice(start, start + BATCH);
    const vectors = dataset(slice.length, start + 1, centres);
    await sql`insert into video_embeddings (video_id, model, model_version, content_hash, embedding)
      select id, ${SENTENCE_ENCODER_MODEL.name}, ${SENTENCE_ENCODER_MODEL.version}, 'bench', text::real[]
      from unnest(${slice}::uuid[], ${vectors.map((vector) => `{${Array.from(vector, (value) => value.toFixed(6)).join(',')}}`)}::text[]) as t(id, text)`.execute(
      db,
    );
  }
  // As autovacuum would before long: without statistics the planner takes the new table for empty.
  if (ids.length > 0) await sql`analyze video_embeddings`.execute(db);
  return { vectors: ids.length, seconds: (performance.now() - started) / 1000 };
}
