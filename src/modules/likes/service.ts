import type { Kysely } from 'kysely';
import type { HotCounters } from '../../platform/counters/hot-counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { cursorCodec, timePosition, toPage, type Page } from '../../platform/pagination/cursor.ts';
import { getWatchableVideo } from '../views/ready-video.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { LIKE_CREATED, LIKE_DELETED, publishLikeEvent } from './events.ts';
import { LIKES_COUNTER } from './like-counts.ts';
import { likeRepo, type LikedVideoRow } from './repo.ts';

const likedCursor = cursorCodec('liked', timePosition);

export interface LikeState {
  liked: boolean;
  likes: number;
}

/**
 * Likes are rows (the truth); videos.like_count is their projection. The counter moves only when a
 * row was really inserted or deleted, so concurrent and repeated toggles never make it drift.
 */
export class LikeService {
  private readonly db: Kysely<DB>;
  private readonly counters: HotCounters;
  private readonly videos: VideoService;

  constructor(deps: { db: Kysely<DB>; counters: HotCounters; videos: VideoService }) {
    this.db = deps.db;
    this.counters = deps.counters;
    this.videos = deps.videos;
  }

  async like(actor: AuthenticatedUser, videoId: string): Promise<LikeState> {
    const video = await getWatchableVideo(this.videos, actor, videoId);
    const inserted = await inTransaction(this.db, async (trx) => {
      const changed = await likeRepo.insert(trx, actor.id, videoId);
      if (changed)
        await publishLikeEvent(trx, LIKE_CREATED, { videoId, userId: actor.id, creatorId: video.creator_id });
      return changed;
    });
    const pending = inserted
      ? await this.counters.increment(LIKES_COUNTER, videoId, 1)
      : await this.counters.pending(LIKES_COUNTER, videoId);
    return { liked: true, likes: shown(video.like_count, pending) };
  }

  async unlike(actor: AuthenticatedUser, videoId: string): Promise<LikeState> {
    const video = await this.videos.getVisible(actor, videoId);
    const deleted = await inTransaction(this.db, async (trx) => {
      const changed = await likeRepo.delete(trx, actor.id, videoId);
      if (changed)
        await publishLikeEvent(trx, LIKE_DELETED, { videoId, userId: actor.id, creatorId: video.creator_id });
      return changed;
    });
    const pending = deleted
      ? await this.counters.increment(LIKES_COUNTER, videoId, -1)
      : await this.counters.pending(LIKES_COUNTER, videoId);
    return { liked: false, likes: shown(video.like_count, pending) };
  }

  /** Which of these videos the user has liked (for `hasLiked` in video responses). */
  hasLiked(userId: string, videoIds: readonly string[]): Promise<Set<string>> {
    return likeRepo.likedAmong(this.db, userId, videoIds);
  }

  /** The like count to show: the stored column plus the deltas not flushed yet. */
  async displayCount(videoId: string, stored: number): Promise<number> {
    return shown(stored, await this.counters.pending(LIKES_COUNTER, videoId));
  }

  /** displayCount for a page of videos in one round trip. */
  async displayCounts(videos: readonly Pick<VideoRow, 'id' | 'like_count'>[]): Promise<Map<string, number>> {
    const pending = await this.counters.pendingMany(
      LIKES_COUNTER,
      videos.map((video) => video.id),
    );
    return new Map(videos.map((video) => [video.id, shown(video.like_count, pending.get(video.id) ?? 0)]));
  }

  async listLiked(actor: AuthenticatedUser, limit: number, cursor?: string): Promise<Page<LikedVideoRow>> {
    const rows = await likeRepo.listLiked(this.db, actor, limit, likedCursor.decodeOptional(cursor));
    return toPage(rows, limit, likedCursor, (row) => ({ at: row.liked_at, id: row.id }));
  }
}

/** An unlike can be buffered before the like it undoes was flushed; never show a negative count. */
function shown(stored: number, pending: number): number {
  return Math.max(0, stored + pending);
}
