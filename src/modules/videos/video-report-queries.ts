import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Read-only facts about videos for reports (analytics dashboards, platform analytics), so other
 * modules never query the videos table themselves.
 */
export const videoReports = {
  async titles(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('videos')
      .select(['id', 'title'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((row) => [row.id, row.title]));
  },

  async creatorOf(db: Kysely<DB>, videoId: string): Promise<string | undefined> {
    const row = await db.selectFrom('videos').select('creator_id').where('id', '=', videoId).executeTakeFirst();
    return row?.creator_id;
  },

  async createdBetween(db: Kysely<DB>, from: Date, to: Date): Promise<number> {
    const row = await db
      .selectFrom('videos')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Seconds of video that finished processing in the period: what the transcoder worked through. */
  async processedSecondsBetween(db: Kysely<DB>, from: Date, to: Date): Promise<number> {
    const row = await db
      .selectFrom('videos')
      .select(sql<number>`coalesce(sum(duration_seconds), 0)::float8`.as('seconds'))
      .where('processed_at', '>=', from)
      .where('processed_at', '<', to)
      .executeTakeFirstOrThrow();
    return Number(row.seconds);
  },

  /**
   * Storage per creator (deleted videos excluded), largest first, and the total: the uploaded sources
   * plus the measured derived objects (`processed_bytes`; a video not measured yet counts 0 and is
   * counted in `unmeasuredVideos` when it is ready, for `streamhub rebuild storage-usage`).
   */
  async storageByCreator(
    db: Kysely<DB>,
    limit: number,
  ): Promise<{
    perCreator: ({ creatorId: string } & StorageFigures)[];
    total: StorageFigures & { unmeasuredVideos: number };
  }> {
    const figures = [
      sql<number>`count(*)::int`.as('videos'),
      sql<number>`coalesce(sum(source_size_bytes), 0)::bigint`.as('source_bytes'),
      sql<number>`coalesce(sum(processed_bytes), 0)::bigint`.as('processed_bytes'),
    ] as const;
    const stored = db.selectFrom('videos').where('status', '<>', 'deleted');
    const [rows, total] = await Promise.all([
      stored
        .select(['creator_id', ...figures])
        .groupBy('creator_id')
        .orderBy(sql`coalesce(sum(source_size_bytes), 0) + coalesce(sum(processed_bytes), 0)`, 'desc')
        .orderBy('creator_id')
        .limit(limit)
        .execute(),
      stored
        .select([
          ...figures,
          sql<number>`(count(*) filter (where status = 'ready' and processed_bytes is null))::int`.as('unmeasured'),
        ])
        .executeTakeFirstOrThrow(),
    ]);
    return {
      perCreator: rows.map((row) => ({ creatorId: row.creator_id, ...storageFigures(row) })),
      total: { ...storageFigures(total), unmeasuredVideos: Number(total.unmeasured) },
    };
  },
};

export interface StorageFigures {
  videos: number;
  sourceBytes: number;
  processedBytes: number;
  /** sourceBytes + processedBytes */
  bytes: number;
}

function storageFigures(row: { videos: number; source_bytes: number; processed_bytes: number }): StorageFigures {
  const sourceBytes = Number(row.source_bytes);
  const processedBytes = Number(row.processed_bytes);
  return { videos: Number(row.videos), sourceBytes, processedBytes, bytes: sourceBytes + processedBytes };
}
