import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { nearest } from './vector-store.ts';

/**
 * The intelligence module's public "nearest videos to these vectors", for features that rank by
 * meaning (recommendations). Callers hold the vectors as opaque values: which model made them, how
 * they are stored and how the neighbours are searched (an exact scan today, an index later) stay here.
 */
export interface VideoVector {
  videoId: string;
  model: string;
  embedding: number[];
}

export interface VideoNeighbour {
  videoId: string;
  score: number;
  /** Index of the query vector this video is nearest to. */
  nearestTo: number;
}

/** The stored meaning vectors of these videos (videos not analysed yet have none). */
export async function videoVectors(db: Kysely<DB>, videoIds: readonly string[]): Promise<VideoVector[]> {
  if (videoIds.length === 0) return [];
  const rows = await db
    .selectFrom('video_embeddings')
    .select(['video_id', 'model', 'embedding'])
    .where('video_id', 'in', videoIds)
    .execute();
  return rows.map((row) => ({ videoId: row.video_id, model: row.model, embedding: row.embedding.map(Number) }));
}

/**
 * For each query vector, the `perVector` public ready videos closest in meaning (same model, none of
 * `excludeIds`); a video near several query vectors is reported once, for the one it is nearest to.
 */
export async function nearestVideos(
  db: Kysely<DB>,
  vectors: readonly VideoVector[],
  perVector: number,
  excludeIds: readonly string[],
): Promise<VideoNeighbour[]> {
  const excluded = new Set(excludeIds);
  const best = new Map<string, VideoNeighbour>();
  for (const [index, vector] of vectors.entries()) {
    const hits = await nearest(
      db,
      sql`select e.video_id as id, e.embedding from video_embeddings e join videos v on v.id = e.video_id
        where e.model = ${vector.model} and v.status = 'ready' and v.visibility = 'public'`,
      vector.embedding,
      perVector + excluded.size,
    );
    for (const hit of hits.filter((candidate) => !excluded.has(candidate.id)).slice(0, perVector)) {
      const known = best.get(hit.id);
      if (!known || hit.score > known.score) best.set(hit.id, { videoId: hit.id, score: hit.score, nearestTo: index });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
