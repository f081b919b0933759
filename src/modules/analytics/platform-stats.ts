import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Range } from './query-service.ts';

export interface StorageRow { userId: string; username: string; videos: number; bytes: number }

/**
 * Platform analytics for admins. These are counts over other features' tables in one read-only place:
 * a report, not a feature of its own, so it reads the source rows rather than asking each service.
 * Storage is the uploaded sources' size (the HLS outputs are not measured per video yet).
 */
export async function platformStats(db: Kysely<DB>, range: Range, storageLimit = 100) {
  const from = range.from;
  const to = range.to;
  const [signups, uploads, views, transcoding, ai, storage, storageTotal] = await Promise.all([
    db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow(),
    db.selectFrom('videos').select((eb) => eb.fn.countAll<number>().as('n')).where('created_at', '>=', from).where('created_at', '<', to).executeTakeFirstOrThrow(),
    sql<{ views: number; watch_seconds: number }>`select coalesce(sum(views), 0)::bigint as views, coalesce(sum(watch_seconds), 0)::float8 as watch_seconds
      from analytics_video_daily where day >= (${from.toISOString()}::timestamptz at time zone 'UTC')::date
        and day <= (${to.toISOString()}::timestamptz at time zone 'UTC')::date`.execute(db),
    sql<{ seconds: number }>`select coalesce(sum(duration_seconds), 0)::float8 as seconds from videos
      where processed_at >= ${from} and processed_at < ${to} and duration_seconds is not null`.execute(db),
    sql<{ cost: number; calls: number }>`select coalesce(sum(cost_usd), 0)::float8 as cost, count(*)::int as calls from ai_usage
      where created_at >= ${from} and created_at < ${to}`.execute(db),
    sql<{ user_id: string; username: string; videos: number; bytes: number }>`select u.id as user_id, u.username, count(v.id)::int as videos,
        coalesce(sum(v.source_size_bytes), 0)::bigint as bytes
      from videos v join users u on u.id = v.creator_id
      where v.status <> 'deleted'
      group by u.id, u.username order by bytes desc, u.username limit ${storageLimit}`.execute(db),
    sql<{ bytes: number; videos: number }>`select coalesce(sum(source_size_bytes), 0)::bigint as bytes, count(*)::int as videos from videos where status <> 'deleted'`.execute(db),
  ]);
  return {
    signups: Number(signups.n),
    uploads: Number(uploads.n),
    views: Number(views.rows[0]?.views ?? 0),
    watchHours: Number(((views.rows[0]?.watch_seconds ?? 0) / 3600).toFixed(2)),
    transcodingMinutes: Number(((transcoding.rows[0]?.seconds ?? 0) / 60).toFixed(2)),
    aiSpendUsd: Number((ai.rows[0]?.cost ?? 0).toFixed(4)),
    aiCalls: ai.rows[0]?.calls ?? 0,
    storage: {
      totalBytes: Number(storageTotal.rows[0]?.bytes ?? 0),
      totalVideos: storageTotal.rows[0]?.videos ?? 0,
      perUser: storage.rows.map((row): StorageRow => ({ userId: row.user_id, username: row.username, videos: row.videos, bytes: Number(row.bytes) })),
    },
  };
}
