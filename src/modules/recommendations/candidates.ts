import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { VideoVectors } from '../intelligence/video-vectors.ts';
import { likeQueries } from '../likes/like-queries.ts';
import { subscriberQueries } from '../subscriptions/subscriber-queries.ts';
import type { TrendingService } from '../trending/service.ts';
import { discoveryQueries } from '../videos/discovery-queries.ts';
import type { VideoRow } from '../videos/repo.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { historyQueries } from '../views/history-queries.ts';
import { cowatch } from './cowatch.ts';
import { strengthOfRank, type Candidate } from './ranker.ts';
import { reasons } from './reasons.ts';
import { recommendationRepo } from './repo.ts';

/** How much of a viewer's history is left out of their list, and how much of it describes their taste. */
const EXCLUDED_HISTORY = 1000;
const TASTE_WATCHES = 20;
const TASTE_LIKES = 10;
/** Videos whose meaning vectors are searched around (the most recent watches and likes). */
const SIMILARITY_SEEDS = 6;
const PER_SIMILARITY_SEED = 15;
/** How many each source proposes. */
const PER_SOURCE = 100;
/** "Popular in <category>": the week's trending of the viewer's main categories (at most this many, this deep). */
const TASTE_CATEGORIES = 2;
const PER_CATEGORY = 30;
/** For a signed-in viewer, trending everywhere weighs this share of what it weighs for a guest. */
const GENERAL_TRENDING_FOR_VIEWERS = 0.7;

export interface CandidatePool {
  candidates: Candidate[];
  videos: Map<string, VideoRow>;
  exclude: Set<string>;
  loweredChannels: Set<string>;
  /** Titles of what the viewer watched lately, for a model re-ranking their list. */
  recentTitles: string[];
}

/** Ranked ids of one source as candidates, strongest first. */
function fromList(
  source: Candidate['source'],
  ids: readonly string[],
  reasonOf: (id: string, index: number) => string,
): Candidate[] {
  return ids.map((videoId, index) => ({
    videoId,
    source,
    strength: strengthOfRank(index, ids.length),
    reason: reasonOf(videoId, index),
  }));
}

/**
 * Gathers what the ranker mixes. Guests: trending and fresh uploads. Signed-in viewers also get
 * co-watch (viewers who watched their recent videos also finished these), similar meaning to their
 * recent watches and likes, and their subscriptions; their history and hidden videos are excluded.
 */
export class CandidateSources {
  private readonly db: Kysely<DB>;
  private readonly trending: TrendingService;
  private readonly vectors: VideoVectors;

  constructor(deps: { db: Kysely<DB>; trending: TrendingService; vectors: VideoVectors }) {
    this.db = deps.db;
    this.trending = deps.trending;
    this.vectors = deps.vectors;
  }

  async forGuest(): Promise<CandidatePool> {
    const [trending, fresh] = await Promise.all([this.trendingIds(), this.freshIds()]);
    const videos = await this.load([...trending, ...fresh]);
    return {
      candidates: [...this.popular(trending, videos), ...fromList('fresh', fresh, () => reasons.fresh())],
      videos,
      exclude: new Set(),
      loweredChannels: new Set(),
      recentTitles: [],
    };
  }

  async forViewer(userId: string): Promise<CandidatePool> {
    const db = this.db;
    const [history, likedIds, hidden, following] = await Promise.all([
      historyQueries.watchedVideos(db, userId, EXCLUDED_HISTORY),
      likeQueries.recentlyLikedIds(db, userId, TASTE_LIKES),
      recommendationRepo.notInterested(db, userId),
      subscriberQueries.following(db, userId),
    ]);
    const exclude = new Set([...history.map((row) => row.video_id), ...hidden.videoIds]);
    const watchedSeeds = history.slice(0, TASTE_WATCHES).map((row) => row.video_id);
    const seedRows = new Map(
      (await videoQueries.findPublicByIds(db, [...watchedSeeds, ...likedIds])).map((v) => [v.id, v]),
    );
    const liked = new Set(likedIds);
    const excluded = [...exclude, ...likedIds];

    const tasteCategories = this.categoriesOf(watchedSeeds.flatMap((id) => seedRows.get(id)?.category ?? []));
    const [cowatched, similar, subscribed, trending, fresh, inCategories] = await Promise.all([
      cowatch.candidates(db, watchedSeeds, new Set(excluded), PER_SOURCE),
      this.similarTo(this.similaritySeeds(watchedSeeds, likedIds), excluded),
      discoveryQueries.publicUploadsOf(
        db,
        following.map((row) => row.channel_id),
        PER_SOURCE / 2,
      ),
      this.trendingIds(),
      this.freshIds(),
      Promise.all(
        tasteCategories.map(async ({ category, share }) => ({
          share,
          ids: (await this.trending.list('week', category, 0, PER_CATEGORY)).map((video) => video.id),
        })),
      ),
    ]);
    const videos = await this.load([
      ...inCategories.flatMap((list) => list.ids),
      ...cowatched.map((c) => c.videoId),
      ...similar.map((s) => s.videoId),
      ...subscribed.map((row) => row.id),
      ...trending,
      ...fresh,
    ]);
    const because = (seedId: string) => {
      const seed = seedRows.get(seedId);
      if (!seed) return undefined;
      return liked.has(seedId) && !watchedSeeds.includes(seedId)
        ? reasons.becauseLiked(seed)
        : reasons.becauseWatched(seed);
    };
    const topCowatch = cowatched[0]?.viewers ?? 1;
    const candidates: Candidate[] = [
      ...cowatched.flatMap((c) => {
        const reason = because(c.becauseOf);
        return reason
          ? [{ videoId: c.videoId, source: 'cowatch' as const, strength: 0.5 + (0.5 * c.viewers) / topCowatch, reason }]
          : [];
      }),
      ...similar.flatMap((s) => {
        const reason = because(s.seedId);
        return reason
          ? [{ videoId: s.videoId, source: 'similar' as const, strength: Math.max(0, s.score), reason }]
          : [];
      }),
      ...fromList(
        'subscriptions',
        subscribed.map((row) => row.id),
        () => reasons.subscriptions(),
      ),
      // Popular in the viewer's own categories counts for more than popular everywhere, by the category's share.
      ...inCategories.flatMap(({ share, ids }) =>
        this.popular(ids, videos).map((candidate) => ({
          ...candidate,
          strength: Math.min(1, candidate.strength * (0.7 + share)),
        })),
      ),
      ...this.popular(trending, videos).map((candidate) => ({
        ...candidate,
        strength: candidate.strength * GENERAL_TRENDING_FOR_VIEWERS,
      })),
      ...fromList('fresh', fresh, () => reasons.fresh()),
    ];
    return {
      candidates,
      videos,
      exclude,
      loweredChannels: hidden.channelIds,
      recentTitles: watchedSeeds.flatMap((id) => seedRows.get(id)?.title ?? []).slice(0, 10),
    };
  }

  /** The viewer's main categories among their recent watches (seen at least twice), with their share. */
  private categoriesOf(categories: string[]): { category: string; share: number }[] {
    const counts = new Map<string, number>();
    for (const category of categories) if (category !== 'other') counts.set(category, (counts.get(category) ?? 0) + 1);
    return [...counts]
      .filter(([, count]) => count >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TASTE_CATEGORIES)
      .map(([category, count]) => ({ category, share: count / categories.length }));
  }

  /** The latest watches and likes, alternating, so both shape the "similar" source. */
  private similaritySeeds(watched: string[], liked: string[]): string[] {
    const seeds: string[] = [];
    for (let index = 0; seeds.length < SIMILARITY_SEEDS && index < Math.max(watched.length, liked.length); index += 1) {
      for (const id of [watched[index], liked[index]]) if (id && !seeds.includes(id)) seeds.push(id);
    }
    return seeds.slice(0, SIMILARITY_SEEDS);
  }

  /**
   * The public videos nearest in meaning to each seed (through the intelligence module's vector index);
   * a video near several seeds is proposed once, for the seed it is nearest to.
   */
  private async similarTo(
    seedIds: string[],
    exclude: string[],
  ): Promise<{ videoId: string; score: number; seedId: string }[]> {
    const best = new Map<string, { videoId: string; score: number; seedId: string }>();
    for (const seedId of seedIds) {
      const vector = await this.vectors.vectorOf(seedId);
      if (!vector) continue;
      const hits = await this.vectors.nearestTo(vector, {
        limit: PER_SIMILARITY_SEED,
        exclude: [...exclude, ...seedIds],
      });
      for (const hit of hits) {
        const known = best.get(hit.id);
        if (!known || hit.score > known.score) best.set(hit.id, { videoId: hit.id, score: hit.score, seedId });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  private popular(ids: string[], videos: Map<string, VideoRow>): Candidate[] {
    return fromList('trending', ids, (id) => {
      const video = videos.get(id);
      return video ? reasons.popular(video) : 'Popular right now';
    });
  }

  private async trendingIds(): Promise<string[]> {
    return (await this.trending.list('week', undefined, 0, PER_SOURCE)).map((video) => video.id);
  }

  private async freshIds(): Promise<string[]> {
    return (await discoveryQueries.freshPublic(this.db, PER_SOURCE / 2)).map((video) => video.id);
  }

  private async load(ids: string[]): Promise<Map<string, VideoRow>> {
    const rows = await videoQueries.findPublicByIds(this.db, [...new Set(ids)]);
    return new Map(rows.map((row) => [row.id, row]));
  }
}
