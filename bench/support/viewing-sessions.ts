import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import { Random, WeightedPicker } from '../../src/modules/seed/random.ts';
import { TOPIC_NAMES } from '../../src/modules/seed/vocabulary.ts';

/**
 * An evaluation world for the recommender, laid over a seeded catalogue (its users, channels, videos and
 * their popularity): viewers with topic interests, who follow channels of those topics and watch in
 * sessions. The seeded catalogue draws each video's watchers uniformly at random, so its history carries
 * no taste; this replaces it (watch history, likes and subscriptions) with one that does, and splits it
 * in time: everything watched in the last `holdoutDays` is held out and never written, so co-watch
 * pairs, trending and the viewer's history only know the past.
 *
 * Generative model (fixed before the recommender was tuned on it):
 * - a viewer has one main topic (70 % of what they choose) and, one time in two, a second (30 %);
 *   one choice in ten ignores interests;
 * - they follow 2-8 channels, four in five of their topics, picked by channel popularity;
 * - 2-10 sessions over the last `days`; a session starts with a followed channel's upload (30 %) or a
 *   video of a chosen topic, then goes on (geometric, mean ~2.9 watches) with the same channel (35 %),
 *   the same topic (50 %) or a fresh choice (15 %); videos are picked by popularity (views in the
 *   seed's last week plus a share of their lifetime views), never one already watched;
 * - a watch is finished with probability 0.55; a finished watch is liked with probability 0.2.
 */
export interface ViewingOptions {
  seed: number;
  /** The history spans this many days before `now`. */
  days: number;
  /** Watches in the last this-many days are held out. */
  holdoutDays: number;
  now: Date;
}

export interface ViewingWorld {
  /** Videos each viewer watched in the held-out period (and not before), by user id. */
  heldOut: Map<string, Set<string>>;
  trainingWatches: number;
  heldOutWatches: number;
  viewers: number;
}

interface VideoRef {
  id: string;
  channel: string;
  topic: number;
  weight: number;
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/** The seeded video's topic: its topic tag (the generator always adds it), else its category's. */
function topicOf(tags: string[]): number {
  const index = tags.findIndex((tag) => (TOPIC_NAMES as readonly string[]).includes(tag));
  return index < 0 ? -1 : TOPIC_NAMES.indexOf(tags[index] as (typeof TOPIC_NAMES)[number]);
}

async function loadVideos(db: Kysely<DB>, now: Date): Promise<VideoRef[]> {
  const { rows } = await sql<{ id: string; creator_id: string; tags: string[]; lifetime: number; week: number }>`
    select v.id, v.creator_id, v.tags, v.view_count::float8 as lifetime,
      coalesce((select sum(d.views) from video_daily_stats d
                where d.video_id = v.id and d.day >= (${now}::timestamptz - interval '7 days')::date), 0)::float8 as week
    from videos v
    where v.visibility = 'public' and v.status = 'ready' and v.deleted_at is null
    order by v.id`.execute(db);
  return rows
    .map((row) => ({
      id: row.id,
      channel: row.creator_id,
      topic: topicOf(row.tags),
      weight: Math.pow(1 + row.week + 0.05 * row.lifetime, 0.8),
    }))
    .filter((video) => video.topic >= 0);
}

/** Weighted choice within a group of videos; groups are built once. */
class Pool {
  private readonly picker: WeightedPicker;
  constructor(readonly videos: VideoRef[]) {
    this.picker = new WeightedPicker(videos.map((video) => video.weight));
  }
  pick(random: Random, skip: ReadonlySet<string>): VideoRef | undefined {
    for (let attempt = 0; attempt < 8 && this.videos.length > 0; attempt += 1) {
      const video = this.videos[this.picker.pick(random)]!;
      if (!skip.has(video.id)) return video;
    }
    return undefined;
  }
}

function groupBy(videos: VideoRef[], key: (video: VideoRef) => string | number): Map<string | number, Pool> {
  const groups = new Map<string | number, VideoRef[]>();
  for (const video of videos) groups.set(key(video), [...(groups.get(key(video)) ?? []), video]);
  return new Map([...groups].map(([name, members]) => [name, new Pool(members)]));
}

export async function seedViewingSessions(db: Kysely<DB>, options: ViewingOptions): Promise<ViewingWorld> {
  const random = new Random(options.seed, 'viewing-sessions');
  const videos = await loadVideos(db, options.now);
  const byTopic = groupBy(videos, (video) => video.topic);
  const byChannel = groupBy(videos, (video) => video.channel);
  const everything = new Pool(videos);
  const channels = [...byChannel.keys()] as string[];
  const channelWeight = channels.map((channel) => byChannel.get(channel)!.videos.reduce((s, v) => s + v.weight, 0));
  const channelTopic = new Map(channels.map((channel) => [channel, byChannel.get(channel)!.videos[0]!.topic]));
  const users = await db.selectFrom('users').select(['id', 'created_at']).orderBy('id').execute();

  const watches: { user: string; video: string; at: number; completed: boolean }[] = [];
  const likes: { user: string; video: string; at: number }[] = [];
  const follows: { user: string; channel: string }[] = [];
  const heldOut = new Map<string, Set<string>>();
  const cutoff = options.now.getTime() - options.holdoutDays * DAY;
  const start = options.now.getTime() - options.days * DAY;

  for (const user of users) {
    const main = random.int(0, TOPIC_NAMES.length - 1);
    const second = random.chance(0.5) ? random.int(0, TOPIC_NAMES.length - 1) : main;
    const chooseTopic = () =>
      random.chance(0.1) ? random.int(0, TOPIC_NAMES.length - 1) : random.chance(0.7) ? main : second;
    const followed = new Set<string>();
    const wantedFollows = random.int(2, 8);
    const interestChannels = channels.filter((c) => [main, second].includes(channelTopic.get(c)!) && c !== user.id);
    const interestPicker = new WeightedPicker(interestChannels.map((c) => channelWeight[channels.indexOf(c)]!));
    const anyPicker = new WeightedPicker(channelWeight);
    for (let n = 0; n < wantedFollows * 3 && followed.size < wantedFollows; n += 1) {
      const channel =
        random.chance(0.8) && interestChannels.length > 0
          ? interestChannels[interestPicker.pick(random)]!
          : channels[anyPicker.pick(random)]!;
      if (channel !== user.id) followed.add(channel);
    }
    for (const channel of followed) follows.push({ user: user.id, channel });
    const followedPool = new Pool([...followed].flatMap((channel) => byChannel.get(channel)?.videos ?? []));

    const seen = new Set<string>();
    const from = Math.max(start, user.created_at.getTime() + DAY);
    const sessionStarts = Array.from(
      { length: random.int(2, 10) },
      () => from + random.next() * (options.now.getTime() - from),
    )
      .filter((at) => at < options.now.getTime())
      .sort((a, b) => a - b);
    for (const sessionStart of sessionStarts) {
      let at = sessionStart;
      let previous: VideoRef | undefined;
      do {
        const roll = random.next();
        const pool =
          previous === undefined
            ? random.chance(0.3) && followedPool.videos.length > 0
              ? followedPool
              : byTopic.get(chooseTopic())
            : roll < 0.35
              ? byChannel.get(previous.channel)
              : roll < 0.85
                ? byTopic.get(previous.topic)
                : byTopic.get(chooseTopic());
        const video = (pool ?? everything).pick(random, seen) ?? everything.pick(random, seen);
        if (!video || video.channel === user.id) break;
        seen.add(video.id);
        const completed = random.chance(0.55);
        if (at >= cutoff) {
          const held = heldOut.get(user.id) ?? new Set<string>();
          heldOut.set(user.id, held.add(video.id));
        } else {
          watches.push({ user: user.id, video: video.id, at, completed });
          if (completed && random.chance(0.2)) likes.push({ user: user.id, video: video.id, at: at + 5 * MINUTE });
        }
        previous = video;
        at += random.int(4, 25) * MINUTE;
      } while (random.chance(0.65) && at < options.now.getTime());
    }
  }

  await writeWorld(db, watches, likes, follows);
  return {
    heldOut,
    trainingWatches: watches.length,
    heldOutWatches: [...heldOut.values()].reduce((sum, set) => sum + set.size, 0),
    viewers: users.length,
  };
}

async function writeWorld(
  db: Kysely<DB>,
  watches: { user: string; video: string; at: number; completed: boolean }[],
  likes: { user: string; video: string; at: number }[],
  follows: { user: string; channel: string }[],
): Promise<void> {
  await sql`delete from watch_history`.execute(db);
  await sql`delete from likes`.execute(db);
  await sql`delete from subscriptions`.execute(db);
  const chunks = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / 2000) }, (_, n) => rows.slice(n * 2000, n * 2000 + 2000));
  for (const chunk of chunks(watches))
    await db
      .insertInto('watch_history')
      .values(
        chunk.map((row) => ({
          user_id: row.user,
          video_id: row.video,
          position_seconds: 0,
          watched_seconds: row.completed ? 300 : 60,
          completed: row.completed,
          last_watched_at: new Date(row.at),
        })),
      )
      .execute();
  for (const chunk of chunks(likes))
    await db
      .insertInto('likes')
      .values(chunk.map((row) => ({ user_id: row.user, video_id: row.video, created_at: new Date(row.at) })))
      .execute();
  for (const chunk of chunks(follows))
    await db
      .insertInto('subscriptions')
      .values(chunk.map((row) => ({ subscriber_id: row.user, channel_id: row.channel })))
      .execute();
}
