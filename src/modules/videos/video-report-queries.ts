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

  /** Uploaded source bytes per creator (deleted videos excluded), largest first, and the total. */
  async storageByCreator(
    db: Kysely<DB>,
    limit: number,
  ): Promise<{
    perCreator: { creatorId: string; videos: number; bytes: number }[];
    totalBytes: number;
    totalVideos: number;
  }> {
    const [rows, total] = await Promise.all([
      db
        .selectFrom('videos')
        .select([
          'creator_id',
          sql<number>`count(*)::int`.as('videos'),
          sql<number>`coalesce(sum(source_size_bytes), 0)::bigint`.as('bytes'),
        ])
        .where('status', '<>', 'deleted')
        .groupBy('creator_id')
        .orderBy('bytes', 'desc')
        .orderBy('creator_id')
        .limit(limit)
        .execute(),
      db
        .selectFrom('videos')
        .select([
          sql<number>`count(*)::int`.as('videos'),
          sql<number>`coalesce(sum(source_size_bytes), 0)::bigint`.as('bytes'),
        ])
        .where('status', '<>', 'deleted')
        .executeTakeFirstOrThrow(),
    ]);
    return {
      perCreator: rows.map((row) => ({
        creatorId: row.creator_id,
        videos: Number(row.videos),
        bytes: Number(row.bytes),
      })),
      totalBytes: Number(total.bytes),
      totalVideos: Number(total.videos),
    };
  },
};
