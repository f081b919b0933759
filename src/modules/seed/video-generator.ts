import type { UserPlan, FollowerGraph } from './follower-graph.ts';
import { accruedShare, DAY_MS, HOUR_MS } from './activity.ts';
import type { SeedOptions } from './options.ts';
import { Random, WeightedPicker } from './random.ts';
import { TOPIC_NAMES, TOPICS, titleTags, topicSentences, type Words } from './vocabulary.ts';

export const VISIBILITIES = ['public', 'unlisted', 'private'] as const;
const PUBLIC = 0;
const UNLISTED = 1;
const PRIVATE = 2;

/**
 * Everything about the seeded videos that is a number, decided before any row is written: who uploaded
 * each video, when, how long it is, who may see it, and its engagement totals. The totals are what
 * the video row's counters say, and the engagement generator then writes exactly that many rows, so
 * counters equal rows by construction.
 */
export interface VideoPlan {
  count: number;
  creator: Int32Array;
  topic: Uint8Array;
  visibility: Uint8Array;
  uploadedAt: Float64Array;
  durationSeconds: Float64Array;
  views: Float64Array;
  likes: Int32Array;
  comments: Int32Array;
  /** Watch-history rows (distinct signed-in viewers); every liker is one of them. */
  watchers: Int32Array;
}

/**
 * Scales raw per-video values so their capped, rounded sum hits `mean · count` (bisection on the
 * scale; rounding uses a fixed uniform per video, so it is deterministic and monotone).
 */
function scaleToMean(raw: Float64Array, mean: number, cap: number, rounding: Float64Array): Int32Array {
  const out = new Int32Array(raw.length);
  const target = mean * raw.length;
  const total = (scale: number) => {
    let sum = 0;
    for (let i = 0; i < raw.length; i += 1) sum += Math.min(cap, Math.floor(raw[i]! * scale + rounding[i]!));
    return sum;
  };
  let low = 0;
  let high = 1;
  while (total(high) < target && high < 1e12) high *= 2;
  for (let step = 0; step < 60; step += 1) {
    const mid = (low + high) / 2;
    if (total(mid) < target) low = mid;
    else high = mid;
  }
  for (let i = 0; i < raw.length; i += 1) out[i] = Math.min(cap, Math.floor(raw[i]! * high + rounding[i]!));
  return out;
}

/** 40 % short (< 4 min), 40 % medium (4–20 min), 20 % long (20 min – 3 h). */
function duration(random: Random): number {
  const bucket = random.next();
  if (bucket < 0.4) return random.int(15, 239);
  if (bucket < 0.8) return random.int(240, 1200);
  return Math.min(3 * 3600, Math.round(1201 + random.exponential(1800)));
}

export function planVideos(options: SeedOptions, users: UserPlan, graph: FollowerGraph, anchorMs: number): VideoPlan {
  const random = new Random(options.seed, 'videos');
  const count = options.videos;
  const channelWeights = new Float64Array(users.channelCount);
  for (let c = 0; c < users.channelCount; c += 1)
    channelWeights[c] = (graph.followers[c]! + 5) ** 0.6 * random.logNormal(0, 0.7);
  const channels = new WeightedPicker(channelWeights);

  const plan: VideoPlan = {
    count,
    creator: new Int32Array(count),
    topic: new Uint8Array(count),
    visibility: new Uint8Array(count),
    uploadedAt: new Float64Array(count),
    durationSeconds: new Float64Array(count),
    views: new Float64Array(count),
    likes: new Int32Array(count),
    comments: new Int32Array(count),
    watchers: new Int32Array(count),
  };
  const popularity = new Float64Array(count);
  const rounding = new Float64Array(count);
  const likeRate = new Float64Array(count);
  const commentRate = new Float64Array(count);
  const watchRate = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const creator = channels.pick(random);
    plan.creator[i] = creator;
    plan.topic[i] = random.chance(0.85) ? users.channelTopic[creator]! : random.int(0, TOPIC_NAMES.length - 1);
    const roll = random.next();
    plan.visibility[i] = roll < 0.9 ? PUBLIC : roll < 0.96 ? UNLISTED : PRIVATE;
    // Uploads spread over the last year, plus a burst of fresh ones over the last three days.
    const ageMs = random.chance(0.05) ? random.next() * 3 * DAY_MS : random.next() * 365 * DAY_MS;
    plan.uploadedAt[i] = Math.round(Math.max(anchorMs - ageMs, users.createdAt[creator]! + HOUR_MS));
    plan.durationSeconds[i] = duration(random);
    const reach = plan.visibility[i] === PUBLIC ? 1 : plan.visibility[i] === UNLISTED ? 0.05 : 0;
    popularity[i] =
      (graph.followers[creator]! + 20) ** 0.85 *
      random.logNormal(0, 1.1) *
      reach *
      accruedShare(anchorMs - plan.uploadedAt[i]!);
    rounding[i] = random.next();
    likeRate[i] = random.logNormal(0, 0.5);
    commentRate[i] = random.logNormal(0, 0.7);
    watchRate[i] = random.logNormal(0, 0.3);
  }
  const audience = users.count - 1;
  const views = scaleToMean(popularity, options.viewsPerVideo, 2 ** 31 - 1, rounding);
  const weighted = (rates: Float64Array) => {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i += 1) out[i] = views[i]! * rates[i]!;
    return out;
  };
  const likes = scaleToMean(weighted(likeRate), options.likesPerVideo, Math.floor(audience * 0.5), rounding);
  const watchers = scaleToMean(weighted(watchRate), options.historyPerVideo, Math.floor(audience * 0.7), rounding);
  const comments = scaleToMean(weighted(commentRate), options.commentsPerVideo, 3000, rounding);
  for (let i = 0; i < count; i += 1) {
    plan.likes[i] = likes[i]!;
    plan.watchers[i] = Math.max(watchers[i]!, likes[i]!);
    plan.comments[i] = comments[i]!;
    // Private videos: only their owner watches them, now and then.
    plan.views[i] = plan.visibility[i] === PRIVATE ? random.int(0, 3) : Math.max(views[i]!, plan.watchers[i]!);
  }
  return plan;
}

export interface VideoText {
  title: string;
  description: string;
  tags: string[];
  category: string;
}

/** Title, description, tags and category of one video, in its topic's words. */
export function videoText(topicIndex: number, words: Words, random: Random, channelName: string): VideoText {
  const topic = TOPICS[TOPIC_NAMES[topicIndex]!];
  const title = topic.title(words, random);
  const sentences = topicSentences(topic, words, random, random.int(2, 5));
  if (random.chance(0.5)) sentences.push(`Subscribe to ${channelName} for more ${topic.name} videos.`);
  const tags = new Set<string>([topic.name]);
  const tagCount = random.int(2, 6);
  for (let n = 0; n < tagCount; n += 1) tags.add(random.pick(topic.tags));
  for (const word of titleTags(title)) if (tags.size < 10 && word.length <= 30 && random.chance(0.4)) tags.add(word);
  const category = random.chance(0.85) ? topic.category : random.pick(topic.otherCategories);
  return { title, description: sentences.join(' ').slice(0, 5000), tags: [...tags], category };
}
