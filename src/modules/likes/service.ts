import type { Kysely } from 'kysely';
import type { HotCounters } from '../../platform/counters/hot-counters.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import type { VideoRow } from '../videos/repo.ts';
import { cursorCodec, timePosition, toPage, type Page } from '../../platform/pagination/cursor.ts';
import { assertPlayable } from '../views/ready-video.ts';
import { announceOutboxWrite } from '../../platform/events/event-bus.ts';
import { notFound } from '../../platform/http/errors.ts';
import { canView } from '../videos/service.ts';
import { toggleLike } from './like-toggle.ts';
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

  constructor(deps: { db: Kysely<DB>; counters: HotCounters }) {
    this.db = deps.db;
    this.counters = deps.counters;
  }

  async like(actor: AuthenticatedUser, videoId: string): Promise<LikeState> {
    return { liked: true, likes: await this.toggle(actor, videoId, 'like') };
  }

  async unlike(actor: AuthenticatedUser, videoId: string): Promise<LikeState> {
    return { liked: false, likes: await this.toggle(actor, videoId, 'unlike') };
  }

  /**
   * One database round trip (row, event and video state in one statement, see toggleLike) and one
   * counter round trip; resolves with the count to show.
   */
  private async toggle(actor: AuthenticatedUser, videoId: string, action: 'like' | 'unlike'): Promise<number> {
    const { video, changed } = await toggleLike(this.db, actor, videoId, action);
    if (!video || !canView(actor, video)) throw notFound('Video');
    if (action === 'like') assertPlayable(video);
    if (changed) announceOutboxWrite();
    const pending = changed
      ? await this.counters.increment(LIKES_COUNTER, videoId, action === 'like' ? 1 : -1)
      : await this.counters.pending(LIKES_COUNTER, videoId);
    return shown(video.like_count, pending);
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
