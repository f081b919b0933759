import { sql, type Selectable } from 'kysely';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import type { WatchHistoryTable } from './tables.ts';
import { videoVisibleTo } from './visible-videos.ts';

export type WatchHistoryRow = Selectable<WatchHistoryTable>;
export type HistoryEntryRow = VideoRow & { progress: WatchHistoryRow };

export interface ProgressReport {
  userId: string;
  videoId: string;
  positionSeconds: number;
  watchedSeconds: number;
  completed?: boolean;
}

export const historyRepo = {
  /** Latest position wins, watched time accumulates, `completed` changes only when reported. */
  record(db: Executor, report: ProgressReport): Promise<WatchHistoryRow> {
    // Millisecond timestamps from here, so keyset cursors (ISO strings) match them exactly.
    const now = new Date();
    return db
      .insertInto('watch_history')
      .values({
        user_id: report.userId,
        video_id: report.videoId,
        position_seconds: report.positionSeconds,
        watched_seconds: report.watchedSeconds,
        completed: report.completed ?? false,
        last_watched_at: now,
      })
      .onConflict((conflict) =>
        conflict.columns(['user_id', 'video_id']).doUpdateSet({
          position_seconds: report.positionSeconds,
          watched_seconds: sql<number>`watch_history.watched_seconds + excluded.watched_seconds`,
          completed: report.completed ?? sql<boolean>`watch_history.completed`,
          last_watched_at: now,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  find(db: Executor, userId: string, videoId: string): Promise<WatchHistoryRow | undefined> {
    return db
      .selectFrom('watch_history')
      .selectAll()
      .where('user_id', '=', userId)
      .where('video_id', '=', videoId)
      .executeTakeFirst();
  },

  /** Most recently watched first, only videos the actor may still see; `limit + 1` rows tell whether more follow. */
  async list(db: Executor, actor: AuthenticatedUser, limit: number, after?: TimePosition): Promise<HistoryEntryRow[]> {
    let query = db
      .selectFrom('watch_history')
      .innerJoin('videos', 'videos.id', 'watch_history.video_id')
      .selectAll('videos')
      .select([
        'watch_history.user_id as h_user_id',
        'watch_history.position_seconds as h_position_seconds',
        'watch_history.watched_seconds as h_watched_seconds',
        'watch_history.completed as h_completed',
        'watch_history.last_watched_at as h_last_watched_at',
      ])
      .where('watch_history.user_id', '=', actor.id)
      .where(videoVisibleTo(actor));
    if (after) {
      query = query.where(
        sql<boolean>`(watch_history.last_watched_at, watch_history.video_id) < (${after.at}, ${after.id}::uuid)`,
      );
    }
    const rows = await query
      .orderBy('watch_history.last_watched_at', 'desc')
      .orderBy('watch_history.video_id', 'desc')
      .limit(limit + 1)
      .execute();
    return rows.map(
      ({ h_user_id, h_position_seconds, h_watched_seconds, h_completed, h_last_watched_at, ...video }) => ({
        ...video,
        progress: {
          user_id: h_user_id,
          video_id: video.id,
          position_seconds: h_position_seconds,
          watched_seconds: h_watched_seconds,
          completed: h_completed,
          last_watched_at: h_last_watched_at,
        },
      }),
    );
  },

  async remove(db: Executor, userId: string, videoId: string): Promise<void> {
    await db.deleteFrom('watch_history').where('user_id', '=', userId).where('video_id', '=', videoId).execute();
  },

  async clear(db: Executor, userId: string): Promise<void> {
    await db.deleteFrom('watch_history').where('user_id', '=', userId).execute();
  },

  async isPaused(db: Executor, userId: string): Promise<boolean> {
    const row = await db
      .selectFrom('watch_history_settings')
      .select('paused')
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.paused ?? false;
  },

  async setPaused(db: Executor, userId: string, paused: boolean): Promise<void> {
    await db
      .insertInto('watch_history_settings')
      .values({ user_id: userId, paused, updated_at: new Date() })
      .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ paused, updated_at: new Date() }))
      .execute();
  },
};
