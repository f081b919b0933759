import type { Kysely } from 'kysely';
import type { HotCounters } from '../../platform/counters/hot-counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { validationError, type ErrorDetail } from '../../platform/http/errors.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { historyRepo, type HistoryEntryRow, type WatchHistoryRow } from './history-repo.ts';
import { cursorCodec, timePosition, toPage, type Page } from '../../platform/pagination/cursor.ts';
import { getWatchableVideo } from './ready-video.ts';
import { publishWatchRecorded } from './events.ts';

const historyCursor = cursorCodec('history', timePosition);
import type { ProgressInput } from './schemas.ts';
import { WATCH_SECONDS_COUNTER } from './view-counters.ts';

/** Players round and report a little late; one second past the end is still the end. */
const END_TOLERANCE_SECONDS = 1;

export interface RecordedProgress {
  recorded: boolean;
  progress: WatchHistoryRow | null;
}

function checkAgainstDuration(video: VideoRow, input: ProgressInput): void {
  if (video.duration_seconds === null) return;
  const limit = video.duration_seconds + END_TOLERANCE_SECONDS;
  const details: ErrorDetail[] = [];
  if (input.positionSeconds > limit)
    details.push({ field: 'positionSeconds', message: `must be at most ${limit} (the video's length)` });
  if (input.watchedSeconds > limit)
    details.push({ field: 'watchedSeconds', message: `must be at most ${limit} per report (the video's length)` });
  if (details.length > 0) throw validationError('The progress does not fit this video', details);
}

/** Resume positions and the viewer's watch history, which the viewer can prune, clear or pause. */
export class HistoryService {
  private readonly db: Kysely<DB>;
  private readonly counters: HotCounters;
  private readonly videos: VideoService;

  constructor(deps: { db: Kysely<DB>; counters: HotCounters; videos: VideoService }) {
    this.db = deps.db;
    this.counters = deps.counters;
    this.videos = deps.videos;
  }

  /**
   * Stores the report unless the viewer paused their history; then nothing is written for them and
   * the earlier progress (if any) is returned. The video's anonymous watch-time total counts either way,
   * like its view count.
   */
  async recordProgress(actor: AuthenticatedUser, videoId: string, input: ProgressInput): Promise<RecordedProgress> {
    const video = await getWatchableVideo(this.videos, actor, videoId);
    checkAgainstDuration(video, input);
    const seconds = Math.round(input.watchedSeconds);
    if (seconds > 0) await this.counters.increment(WATCH_SECONDS_COUNTER, videoId, seconds);
    if (await historyRepo.isPaused(this.db, actor.id)) {
      return { recorded: false, progress: (await historyRepo.find(this.db, actor.id, videoId)) ?? null };
    }
    const progress = await inTransaction(this.db, async (trx) => {
      const before = await historyRepo.find(trx, actor.id, videoId);
      const after = await historyRepo.record(trx, { userId: actor.id, videoId, ...input });
      // Only the start and the finish of a watch are news to other features (recommendations).
      if (!before || (!before.completed && after.completed))
        await publishWatchRecorded(trx, { userId: actor.id, videoId, first: !before, completed: after.completed });
      return after;
    });
    return { recorded: true, progress };
  }

  async getProgress(actor: AuthenticatedUser, videoId: string): Promise<WatchHistoryRow | null> {
    await this.videos.getVisible(actor, videoId);
    return (await historyRepo.find(this.db, actor.id, videoId)) ?? null;
  }

  async list(actor: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<HistoryEntryRow>> {
    const rows = await historyRepo.list(this.db, actor, limit, historyCursor.decodeOptional(cursor));
    return toPage(rows, limit, historyCursor, (row) => ({ at: row.progress.last_watched_at, id: row.id }));
  }

  remove(actor: AuthenticatedUser, videoId: string): Promise<void> {
    return historyRepo.remove(this.db, actor.id, videoId);
  }

  clear(actor: AuthenticatedUser): Promise<void> {
    return historyRepo.clear(this.db, actor.id);
  }

  isPaused(actor: AuthenticatedUser): Promise<boolean> {
    return historyRepo.isPaused(this.db, actor.id);
  }

  async setPaused(actor: AuthenticatedUser, paused: boolean): Promise<boolean> {
    await historyRepo.setPaused(this.db, actor.id, paused);
    return paused;
  }
}
