import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { EmbeddingModel, VectorIndexes } from './vector-indexes.ts';
import { nearest, type Neighbour } from './vector-store.ts';

export interface VideoVector {
  vector: number[];
  model: EmbeddingModel;
}

/**
 * The public queries on video embeddings (title, description, tags and summary, by meaning), for other
 * modules such as recommendations and "similar videos": a video's vector, and the public ready videos
 * nearest to a vector. Served by pgvector's HNSW index or the in-process ANN index, whichever this
 * database has; only vectors of the same model are ever compared.
 */
export class VideoVectors {
  private readonly db: Kysely<DB>;
  private readonly indexes: VectorIndexes;

  constructor(deps: { db: Kysely<DB>; indexes: VectorIndexes }) {
    this.db = deps.db;
    this.indexes = deps.indexes;
  }

  /** The video's embedding and the model that made it; undefined until the video is analysed. */
  async vectorOf(videoId: string): Promise<VideoVector | undefined> {
    const row = await this.db
      .selectFrom('video_embeddings')
      .select(['model', 'model_version', 'embedding'])
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row && { vector: row.embedding.map(Number), model: { name: row.model, version: row.model_version } };
  }

  /** Public ready videos nearest to `vector` (cosine similarity, most similar first), without `exclude`. */
  nearestTo(query: VideoVector, options: { limit: number; exclude?: string[] }): Promise<Neighbour[]> {
    const exclude = options.exclude ?? [];
    const candidates = sql`select e.video_id::text as id, e.video_id, e.embedding from video_embeddings e join videos v on v.id = e.video_id
      where e.model = ${query.model.name} and e.model_version = ${query.model.version}
        and v.status = 'ready' and v.visibility = 'public'
        ${exclude.length > 0 ? sql`and e.video_id::text <> all(${exclude}::text[])` : sql``}`;
    return nearest(this.db, candidates, query.vector, options.limit, {
      indexes: this.indexes,
      kind: 'videos',
      model: query.model,
    });
  }

  /** The videos most similar in meaning to this one; empty until it is analysed. */
  async similarTo(videoId: string, limit: number): Promise<Neighbour[]> {
    const own = await this.vectorOf(videoId);
    return own ? this.nearestTo(own, { limit, exclude: [videoId] }) : [];
  }
}
