import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { unprocessable } from '../../platform/http/errors.ts';
import { cursorCodec } from '../../platform/pagination/cursor.ts';
import type { TrendingService } from '../trending/service.ts';
import type { VideoRow } from '../videos/repo.ts';
import type { VideoService } from '../videos/service.ts';
import { videoQueries } from '../videos/video-queries.ts';
import type { VideoVectors } from '../intelligence/video-vectors.ts';
import { CandidateSources, type CandidatePool } from './candidates.ts';
import { rerankWithModel } from './model-rerank.ts';
import { rankCandidates } from './ranker.ts';
import { recommendationRepo, type RankedEntry, type RecommendationSource } from './repo.ts';

/** How long a viewer's list is: pages are cut from it (a hundred is more than a home page scrolls). */
export const LIST_LENGTH = 100;

/** The position in a ranked list; the list itself is the cached one, so pages follow one order. */
const listCursor = cursorCodec('recommendations', z.object({ offset: z.number().int().min(0).max(LIST_LENGTH) }));

export interface Recommendation {
  video: VideoRow;
  reason: string;
  source: RecommendationSource;
}

export interface RecommendationPage {
  items: Recommendation[];
  nextCursor: string | null;
}

export interface RecommendationSettings {
  cacheSeconds: number;
  modelRerank: boolean;
}

/**
 * "For you": a viewer's ranked list, computed from the candidate sources by the ranker (and, with a
 * generator configured, re-ranked by the model), kept in recommendation_cache for `cacheSeconds` and
 * dropped when the viewer watches or likes something (consumers.ts) or hides a video. Guests get
 * trending and fresh uploads, computed per request (both sources are cached on their own).
 */
export class RecommendationService {
  private readonly db: Kysely<DB>;
  private readonly sources: CandidateSources;
  private readonly videos: VideoService;
  private readonly ai: Ai;
  private readonly logger: Logger;
  private readonly settings: RecommendationSettings;

  constructor(deps: {
    db: Kysely<DB>;
    trending: TrendingService;
    videoVectors: VideoVectors;
    videos: VideoService;
    ai: Ai;
    logger: Logger;
    settings: RecommendationSettings;
  }) {
    this.db = deps.db;
    this.sources = new CandidateSources({ db: deps.db, trending: deps.trending, vectors: deps.videoVectors });
    this.videos = deps.videos;
    this.ai = deps.ai;
    this.logger = deps.logger;
    this.settings = deps.settings;
  }

  async page(userId: string | undefined, limit: number, cursor?: string): Promise<RecommendationPage> {
    const offset = listCursor.decodeOptional(cursor)?.offset ?? 0;
    const entries = userId ? await this.viewerList(userId) : await this.guestList();
    const slice = entries.slice(offset, offset + limit);
    // Rows are read fresh: a video deleted, made private or held since the list was cached drops out.
    const rows = new Map(
      (
        await videoQueries.findPublicByIds(
          this.db,
          slice.map((entry) => entry.v),
        )
      ).map((v) => [v.id, v]),
    );
    const items = slice.flatMap((entry) => {
      const video = rows.get(entry.v);
      return video ? [{ video, reason: entry.r, source: entry.s }] : [];
    });
    const next = offset + limit;
    return { items, nextCursor: next < entries.length ? listCursor.encode({ offset: next }) : null };
  }

  /** Hides the video from the viewer's recommendations and lowers its channel; repeating it is harmless. */
  async markNotInterested(actor: AuthenticatedUser, videoId: string): Promise<void> {
    const video = await this.videos.getVisible(actor, videoId);
    if (video.creator_id === actor.id) throw unprocessable('Your own videos are never recommended to you');
    if (await recommendationRepo.markNotInterested(this.db, actor.id, video.id, video.creator_id))
      await this.invalidate(actor.id);
  }

  /** Undoes "Not interested"; undoing what was never marked is harmless too. */
  async undoNotInterested(actor: AuthenticatedUser, videoId: string): Promise<void> {
    if (await recommendationRepo.unmarkNotInterested(this.db, actor.id, videoId)) await this.invalidate(actor.id);
  }

  invalidate(userId: string): Promise<void> {
    return recommendationRepo.dropCache(this.db, userId);
  }

  /** The ranked list for a viewer without any cache (the benchmark compares it with trending alone). */
  async computeForViewer(userId: string): Promise<RankedEntry[]> {
    const pool = await this.sources.forViewer(userId);
    const ranked = this.rank(pool);
    if (!this.settings.modelRerank || !this.ai.generation.available || ranked.length < 2) return ranked;
    return rerankWithModel(
      this.ai,
      { userId, entries: ranked, videos: pool.videos, recentTitles: pool.recentTitles },
      this.logger,
    );
  }

  private async viewerList(userId: string): Promise<RankedEntry[]> {
    const now = new Date();
    const cached = await recommendationRepo.readCache(this.db, userId, now);
    if (cached) return cached;
    const entries = await this.computeForViewer(userId);
    if (this.settings.cacheSeconds > 0)
      await recommendationRepo.writeCache(
        this.db,
        userId,
        entries,
        new Date(now.getTime() + this.settings.cacheSeconds * 1000),
      );
    return entries;
  }

  private async guestList(): Promise<RankedEntry[]> {
    return this.rank(await this.sources.forGuest());
  }

  private rank(pool: CandidatePool): RankedEntry[] {
    return rankCandidates({ ...pool, now: new Date(), limit: LIST_LENGTH });
  }
}
