import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { EmbeddedText } from '../../platform/ai/embedding-batcher.ts';
import type { Executor } from '../../platform/db/transaction.ts';

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex');

const realArray = (vector: number[]) => sql<number[]>`${sql.val(vector)}::real[]`;

/** The model that made a stored vector. */
export interface StoredModel {
  model: string;
  version: string;
  hash: string;
}

export const embeddingRepo = {
  async videoHash(db: Executor, videoId: string): Promise<StoredModel | undefined> {
    const row = await db
      .selectFrom('video_embeddings')
      .select(['model', 'model_version', 'content_hash'])
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row && { model: row.model, version: row.model_version, hash: row.content_hash };
  },

  async saveVideo(db: Executor, videoId: string, embedded: EmbeddedText, hash: string): Promise<void> {
    const values = {
      model: embedded.model,
      model_version: embedded.version,
      content_hash: hash,
      embedding: realArray(embedded.vector),
      updated_at: new Date(),
    };
    await db
      .insertInto('video_embeddings')
      .values({ video_id: videoId, ...values })
      .onConflict((conflict) => conflict.column('video_id').doUpdateSet(values))
      .execute();
  },

  /** Segment positions already embedded, with the text hash and model of each. */
  async segmentHashes(db: Executor, videoId: string): Promise<Map<number, StoredModel>> {
    const rows = await db
      .selectFrom('segment_embeddings')
      .select(['position', 'model', 'model_version', 'content_hash'])
      .where('video_id', '=', videoId)
      .execute();
    return new Map(
      rows.map((row) => [row.position, { model: row.model, version: row.model_version, hash: row.content_hash }]),
    );
  },

  /** Stores the given segment vectors and drops those of positions the transcript no longer has. */
  async saveSegments(
    db: Executor,
    videoId: string,
    rows: { position: number; hash: string; embedded: EmbeddedText }[],
    segmentCount: number,
  ): Promise<void> {
    await db
      .deleteFrom('segment_embeddings')
      .where('video_id', '=', videoId)
      .where('position', '>=', segmentCount)
      .execute();
    for (const row of rows) {
      const values = {
        model: row.embedded.model,
        model_version: row.embedded.version,
        content_hash: row.hash,
        embedding: realArray(row.embedded.vector),
        updated_at: new Date(),
      };
      await db
        .insertInto('segment_embeddings')
        .values({ video_id: videoId, position: row.position, ...values })
        .onConflict((conflict) => conflict.columns(['video_id', 'position']).doUpdateSet(values))
        .execute();
    }
  },

  /** The stored vectors of one video (its own and its transcript segments'), made by the given model. */
  async segmentVectors(db: Executor, videoId: string, model: { name: string; version: string }): Promise<number[][]> {
    const rows = await db
      .selectFrom('segment_embeddings')
      .select(['position', 'embedding'])
      .where('video_id', '=', videoId)
      .where('model', '=', model.name)
      .where('model_version', '=', model.version)
      .orderBy('position')
      .execute();
    return rows.map((row) => row.embedding.map(Number));
  },
};
