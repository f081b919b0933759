import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex');

const realArray = (vector: number[]) => sql<number[]>`${sql.val(vector)}::real[]`;

export const embeddingRepo = {
  async videoHash(db: Executor, videoId: string): Promise<{ model: string; hash: string } | undefined> {
    const row = await db
      .selectFrom('video_embeddings')
      .select(['model', 'content_hash'])
      .where('video_id', '=', videoId)
      .executeTakeFirst();
    return row && { model: row.model, hash: row.content_hash };
  },

  async saveVideo(db: Executor, videoId: string, model: string, hash: string, vector: number[]): Promise<void> {
    const values = { model, content_hash: hash, embedding: realArray(vector), updated_at: new Date() };
    await db
      .insertInto('video_embeddings')
      .values({ video_id: videoId, ...values })
      .onConflict((conflict) => conflict.column('video_id').doUpdateSet(values))
      .execute();
  },

  /** Segment positions already embedded from exactly this text with this model. */
  async segmentHashes(db: Executor, videoId: string): Promise<Map<number, { model: string; hash: string }>> {
    const rows = await db
      .selectFrom('segment_embeddings')
      .select(['position', 'model', 'content_hash'])
      .where('video_id', '=', videoId)
      .execute();
    return new Map(rows.map((row) => [row.position, { model: row.model, hash: row.content_hash }]));
  },

  /** Stores the given segment vectors and drops those of positions the transcript no longer has. */
  async saveSegments(
    db: Executor,
    videoId: string,
    rows: { position: number; model: string; hash: string; vector: number[] }[],
    segmentCount: number,
  ): Promise<void> {
    await db
      .deleteFrom('segment_embeddings')
      .where('video_id', '=', videoId)
      .where('position', '>=', segmentCount)
      .execute();
    for (const row of rows) {
      const values = { model: row.model, content_hash: row.hash, embedding: realArray(row.vector) };
      await db
        .insertInto('segment_embeddings')
        .values({ video_id: videoId, position: row.position, ...values })
        .onConflict((conflict) => conflict.columns(['video_id', 'position']).doUpdateSet(values))
        .execute();
    }
  },
};
