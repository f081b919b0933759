import { activityBetween, activityOffset, DAY_MS, HOUR_MS } from './activity.ts';
import type { UserPlan } from './follower-graph.ts';
import type { Random } from './random.ts';
import type { VideoPlan } from './video-generator.ts';
import { TOPIC_NAMES, TOPICS, topicComment, type Words } from './vocabulary.ts';

/** Rows of one video's engagement, in the shapes the tables take (times in epoch ms, days since 1970). */
export interface WatchRow {
  user: number;
  positionSeconds: number;
  watchedSeconds: number;
  completed: boolean;
  at: number;
}
export interface LikeRow {
  user: number;
  at: number;
}
export interface CommentRow {
  /** Index among this video's comments; the id comes from the run-wide comment counter. */
  index: number;
  user: number;
  parentIndex: number | null;
  replyToUser: number | null;
  text: string;
  replyCount: number;
  at: number;
}
export interface DailyRow {
  day: number;
  views: number;
  watchSeconds: number;
}

export interface VideoEngagement {
  watches: WatchRow[];
  likes: LikeRow[];
  comments: CommentRow[];
  daily: DailyRow[];
}

/**
 * An event by `user` at upload + offset: never before the user's account existed, never after the
 * anchor. Millisecond precision, as the app stores its own timestamps.
 */
function eventTime(uploadedAt: number, offset: number, userCreatedAt: number, anchorMs: number): number {
  const at = Math.max(uploadedAt + offset, userCreatedAt + HOUR_MS);
  return Math.round(Math.min(anchorMs, at));
}

const DAILY_AFTER_UPLOAD = 7;
const DAILY_BEFORE_ANCHOR = 7;
const MIDDLE_BUCKET_DAYS = 91;

/**
 * Daily statistics: the video's views spread over UTC days along the activity curve. Daily rows for
 * the first week after the upload and the last week before the anchor (what trending and recent
 * analytics read); in between one row per 91 days carrying those days' views, on the last of them (a
 * year of daily rows for every video would multiply the table for little). Rows with no views are
 * left out; the views of the rows add up to the video's view_count exactly.
 */
function dailyStats(
  uploadedAt: number,
  anchorMs: number,
  views: number,
  watchSecondsPerView: number,
  random: Random,
): DailyRow[] {
  if (views <= 0) return [];
  const firstDay = Math.floor(uploadedAt / DAY_MS);
  const lastDay = Math.floor(anchorMs / DAY_MS);
  const buckets: { day: number; weight: number }[] = [];
  const addBucket = (fromDay: number, toDay: number) => {
    const from = Math.max(uploadedAt, fromDay * DAY_MS) - uploadedAt;
    const to = Math.min(anchorMs, (toDay + 1) * DAY_MS) - uploadedAt;
    if (to > from) buckets.push({ day: toDay, weight: activityBetween(from, to) });
  };
  for (let day = firstDay; day <= lastDay;) {
    const daily = day - firstDay < DAILY_AFTER_UPLOAD || lastDay - day < DAILY_BEFORE_ANCHOR;
    const end = daily ? day : Math.min(day + MIDDLE_BUCKET_DAYS - 1, lastDay - DAILY_BEFORE_ANCHOR);
    addBucket(day, end);
    day = end + 1;
  }
  const totalWeight = buckets.reduce((sum, bucket) => sum + bucket.weight, 0);
  const rows: DailyRow[] = [];
  let assigned = 0;
  let largest = -1;
  for (const bucket of buckets) {
    const expected = (views * bucket.weight) / totalWeight;
    const count = Math.floor(expected + random.next());
    if (count <= 0) continue;
    rows.push({ day: bucket.day, views: count, watchSeconds: 0 });
    assigned += count;
    if (largest < 0 || count > rows[largest]!.views) largest = rows.length - 1;
  }
  // Make the sum exact: the difference goes to (or comes from) the busiest days.
  if (rows.length === 0) {
    rows.push({ day: lastDay, views: 0, watchSeconds: 0 });
    largest = 0;
  }
  let difference = views - assigned;
  rows[largest]!.views += difference;
  if (rows[largest]!.views < 0) {
    difference = rows[largest]!.views;
    rows[largest]!.views = 0;
    for (const row of rows) {
      const take = Math.min(row.views, -difference);
      row.views -= take;
      difference += take;
      if (difference === 0) break;
    }
  }
  const kept = rows.filter((row) => row.views > 0);
  for (const row of kept) row.watchSeconds = Math.round(row.views * watchSecondsPerView);
  return kept;
}

/**
 * One video's engagement rows, exactly as many as the plan says: `watchers` distinct signed-in viewers
 * (the creator excluded) with their history rows, the first `likes` of them liking it; `comments`
 * comments, a quarter of them replies to an earlier top-level comment of the video; and the views as
 * daily statistics.
 */
export function videoEngagement(
  plan: VideoPlan,
  video: number,
  users: UserPlan,
  anchorMs: number,
  words: Words,
  random: Random,
): VideoEngagement {
  const uploadedAt = plan.uploadedAt[video]!;
  const ageMs = anchorMs - uploadedAt;
  const duration = plan.durationSeconds[video]!;
  const creator = plan.creator[video]!;
  // Short videos are watched further through than long ones.
  const watchShare = Math.min(
    0.95,
    (duration < 240 ? 0.65 : duration <= 1200 ? 0.45 : 0.25) * random.logNormal(0, 0.25),
  );

  const watches: WatchRow[] = [];
  const likes: LikeRow[] = [];
  const viewers = random.sampleDistinct(users.count, plan.watchers[video]!, creator);
  for (let n = 0; n < viewers.length; n += 1) {
    const user = viewers[n]!;
    const at = eventTime(uploadedAt, activityOffset(ageMs, random), users.createdAt[user]!, anchorMs);
    const completed = random.chance(watchShare * 0.6);
    const watched = completed ? duration : Math.round(duration * Math.min(1, random.next() * watchShare * 2) * 10) / 10;
    watches.push({
      user,
      positionSeconds: completed ? duration : watched,
      watchedSeconds: completed ? duration * (random.chance(0.1) ? 2 : 1) : watched,
      completed,
      at,
    });
    if (n < plan.likes[video]!)
      likes.push({ user, at: Math.max(uploadedAt, at - Math.round(random.next() * watched * 1000)) });
  }

  const comments: CommentRow[] = [];
  const commentCount = plan.comments[video]!;
  if (commentCount > 0) {
    const topic = TOPICS[TOPIC_NAMES[plan.topic[video]!]!];
    const times: number[] = [];
    for (let n = 0; n < commentCount; n += 1) times.push(uploadedAt + activityOffset(ageMs, random));
    times.sort((a, b) => a - b);
    const topLevel: number[] = [];
    const lastReplier = new Map<number, number>();
    for (let n = 0; n < commentCount; n += 1) {
      // Commenters are mostly the video's viewers, sometimes anyone (the creator answering included).
      const user =
        viewers.length && random.chance(0.7)
          ? random.pick(viewers)
          : random.chance(0.1)
            ? creator
            : random.int(0, users.count - 1);
      const isReply = topLevel.length > 0 && random.chance(0.25);
      // Replies go to one of the thread's recent top-level comments.
      const parentIndex = isReply ? topLevel[Math.max(0, topLevel.length - 1 - random.int(0, 9))]! : null;
      const parent = parentIndex === null ? undefined : comments[parentIndex]!;
      const at = Math.max(
        eventTime(uploadedAt, times[n]! - uploadedAt, users.createdAt[user]!, anchorMs),
        (parent?.at ?? 0) + 1000,
      );
      comments.push({
        index: n,
        user,
        parentIndex,
        // Answering another reply of the thread mentions its author.
        replyToUser:
          parentIndex !== null && lastReplier.has(parentIndex) && random.chance(0.3)
            ? lastReplier.get(parentIndex)!
            : null,
        text: topicComment(topic, words, random),
        replyCount: 0,
        at: Math.min(at, anchorMs),
      });
      if (parent) {
        parent.replyCount += 1;
        lastReplier.set(parentIndex!, user);
      } else topLevel.push(n);
    }
  }

  const daily = dailyStats(uploadedAt, anchorMs, plan.views[video]!, duration * watchShare, random);
  return { watches, likes, comments, daily };
}
