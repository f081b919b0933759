import type { VideoRow } from '../videos/repo.ts';
import type { RankedEntry, RecommendationSource } from './repo.ts';

/** A video one source proposes, with how strongly and why. */
export interface Candidate {
  videoId: string;
  source: Exclude<RecommendationSource, 'model'>;
  /** 0..1: about 0.5-1 down a ranked source's list; a similarity is its cosine, so a weak match weighs little. */
  strength: number;
  reason: string;
}

export interface RankingInput {
  candidates: Candidate[];
  /** The candidates' rows: a candidate without one (deleted, private, held) is dropped. */
  videos: ReadonlyMap<string, VideoRow>;
  /** Watched, hidden ("Not interested") or otherwise unwanted videos. */
  exclude: ReadonlySet<string>;
  /** Channels the viewer marked "Not interested" in one of their videos. */
  loweredChannels: ReadonlySet<string>;
  now: Date;
  limit: number;
}

/** What each source is worth before its own strength: the personal ones first. */
const SOURCE_WEIGHT: Record<Candidate['source'], number> = {
  cowatch: 1,
  similar: 0.9,
  subscriptions: 0.85,
  trending: 0.7,
  fresh: 0.45,
};
/** Each further source agreeing on a video adds this much. */
const AGREEMENT_BONUS = 0.1;
/** A video published today gets up to this much more, halving every FRESHNESS_HALF_LIFE_DAYS. */
const FRESHNESS_BOOST = 0.25;
const FRESHNESS_HALF_LIFE_DAYS = 7;
/** A channel the viewer said they are not interested in keeps this share of its score. */
const LOWERED_CHANNEL_FACTOR = 0.3;

/** Diversity: no channel more than MAX_PER_CHANNEL times in any DIVERSITY_WINDOW consecutive items. */
export const DIVERSITY_WINDOW = 10;
export const MAX_PER_CHANNEL = 2;

interface Scored {
  video: VideoRow;
  score: number;
  best: Candidate;
}

/** A rank within a ranked source as a strength: the first gets 1, the last about 0.5 (being listed is evidence). */
export function strengthOfRank(index: number, count: number): number {
  return count <= 1 ? 1 : 1 - index / (2 * count);
}

/**
 * Mixes the sources: each video scores its best source's weight × strength, plus a bonus per other
 * source proposing it, times a freshness boost; lowered channels are scaled down; excluded videos never
 * appear. The order then passes the diversity rule, and each item keeps the reason of its best source.
 */
export function rankCandidates(input: RankingInput): RankedEntry[] {
  const scored = new Map<string, Scored & { sources: Set<string> }>();
  for (const candidate of input.candidates) {
    const video = input.videos.get(candidate.videoId);
    if (!video || input.exclude.has(candidate.videoId)) continue;
    const score = SOURCE_WEIGHT[candidate.source] * candidate.strength;
    const known = scored.get(candidate.videoId);
    if (!known) scored.set(candidate.videoId, { video, score, best: candidate, sources: new Set([candidate.source]) });
    else {
      known.sources.add(candidate.source);
      if (score > known.score) Object.assign(known, { score, best: candidate });
    }
  }
  const ranked = [...scored.values()]
    .map((entry) => ({ ...entry, score: finalScore(entry, entry.sources.size, input) }))
    .sort((a, b) => b.score - a.score || a.video.id.localeCompare(b.video.id));
  return diversify(ranked, (entry) => entry.video.creator_id, input.limit).map((entry) => ({
    v: entry.video.id,
    s: entry.best.source,
    r: entry.best.reason,
  }));
}

function finalScore(entry: Scored, sources: number, input: RankingInput): number {
  const published = entry.video.processed_at ?? entry.video.created_at;
  const ageDays = Math.max(0, (input.now.getTime() - published.getTime()) / 86_400_000);
  const freshness = 1 + FRESHNESS_BOOST * 0.5 ** (ageDays / FRESHNESS_HALF_LIFE_DAYS);
  const lowered = input.loweredChannels.has(entry.video.creator_id) ? LOWERED_CHANNEL_FACTOR : 1;
  return (entry.score + AGREEMENT_BONUS * (sources - 1)) * freshness * lowered;
}

/**
 * Keeps the order but defers an item whose channel already has MAX_PER_CHANNEL items among the
 * previous DIVERSITY_WINDOW - 1; the deferred item takes the first place where it fits. Items that fit
 * nowhere (too few other channels) are left out rather than break the rule.
 */
export function diversify<T>(ordered: readonly T[], channelOf: (item: T) => string, limit: number): T[] {
  const pending = [...ordered];
  const result: T[] = [];
  while (result.length < limit && pending.length > 0) {
    const recent = result.slice(-(DIVERSITY_WINDOW - 1)).map(channelOf);
    const index = pending.findIndex(
      (item) => recent.filter((channel) => channel === channelOf(item)).length < MAX_PER_CHANNEL,
    );
    if (index < 0) break;
    result.push(pending.splice(index, 1)[0]!);
  }
  return result;
}
