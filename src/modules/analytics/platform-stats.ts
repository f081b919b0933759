import { sql, type Kysely } from 'kysely';
import { aiSpendBetween } from '../../platform/ai/usage-report.ts';
import type { DB } from '../../platform/db/schema.ts';
import { userReports } from '../users/user-report-queries.ts';
import { videoReports, type StorageFigures } from '../videos/video-report-queries.ts';
import type { Range } from './query-service.ts';

export interface StorageRow extends StorageFigures {
  userId: string;
  username: string;
}

/** The CSV export's columns, in order: who, then the split, then the sum. */
export const STORAGE_CSV_COLUMNS: (keyof StorageRow)[] = [
  'userId',
  'username',
  'videos',
  'sourceBytes',
  'processedBytes',
  'bytes',
];

/**
 * Platform analytics for admins: the views and watch time from this module's rollups, everything else
 * from the owning modules' report queries. Storage is what the videos occupy in the object store: the
 * uploaded sources plus their measured derived objects (renditions, images, captions...).
 */
export async function platformStats(db: Kysely<DB>, range: Range, storageLimit = 100) {
  const { from, to } = range;
  const [signups, uploads, views, transcodedSeconds, ai, storage] = await Promise.all([
    userReports.createdBetween(db, from, to),
    videoReports.createdBetween(db, from, to),
    sql<{
      views: number;
      watch_seconds: number;
    }>`select coalesce(sum(views), 0)::bigint as views, coalesce(sum(watch_seconds), 0)::float8 as watch_seconds
      from analytics_video_daily where day >= (${from.toISOString()}::timestamptz at time zone 'UTC')::date
        and day <= (${to.toISOString()}::timestamptz at time zone 'UTC')::date`.execute(db),
    videoReports.processedSecondsBetween(db, from, to),
    aiSpendBetween(db, from, to),
    videoReports.storageByCreator(db, storageLimit),
  ]);
  const names = await userReports.usernames(
    db,
    storage.perCreator.map((row) => row.creatorId),
  );
  return {
    signups,
    uploads,
    views: Number(views.rows[0]?.views ?? 0),
    watchHours: Number(((views.rows[0]?.watch_seconds ?? 0) / 3600).toFixed(2)),
    transcodingMinutes: Number((transcodedSeconds / 60).toFixed(2)),
    aiSpendUsd: Number(ai.costUsd.toFixed(4)),
    aiCalls: ai.calls,
    storage: {
      totalBytes: storage.total.bytes,
      totalSourceBytes: storage.total.sourceBytes,
      totalProcessedBytes: storage.total.processedBytes,
      totalVideos: storage.total.videos,
      unmeasuredVideos: storage.total.unmeasuredVideos,
      perUser: storage.perCreator.map(({ creatorId, ...figures }): StorageRow => ({
        userId: creatorId,
        username: names.get(creatorId) ?? '(deleted)',
        ...figures,
      })),
    },
  };
}
