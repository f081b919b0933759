import { toIso } from '../../platform/http/envelope.ts';
import type { WatchHistoryRow } from './history-repo.ts';
import type { ProgressResponse } from './schemas.ts';

export function toProgress(row: WatchHistoryRow): ProgressResponse {
  return {
    videoId: row.video_id,
    positionSeconds: row.position_seconds,
    watchedSeconds: row.watched_seconds,
    completed: row.completed,
    lastWatchedAt: toIso(row.last_watched_at),
  };
}
