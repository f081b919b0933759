import { Random } from './random.ts';

const DAY_MS = 86_400_000;

/**
 * Who the seeded users are: users [0, channelCount) are channels (role creator), the rest viewers.
 * Accounts date from one to three years before the anchor (a few signed up during the last year), so
 * channels exist before their first upload.
 */
export interface UserPlan {
  count: number;
  channelCount: number;
  /** Epoch ms per user. */
  createdAt: Float64Array;
  /** Index into TOPIC_NAMES per channel: what it mostly uploads. */
  channelTopic: Uint8Array;
}

export function planUsers(
  seed: number,
  count: number,
  channelShare: number,
  anchorMs: number,
  topicCount: number,
): UserPlan {
  const random = new Random(seed, 'users');
  const channelCount = Math.max(1, Math.min(count, Math.round(count * channelShare)));
  const createdAt = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const recent = i >= channelCount && random.chance(0.03);
    const daysAgo = recent ? 1 + random.next() * 360 : 400 + random.next() * 700;
    createdAt[i] = Math.round(anchorMs - daysAgo * DAY_MS);
  }
  const channelTopic = new Uint8Array(channelCount);
  for (let c = 0; c < channelCount; c += 1) channelTopic[c] = random.int(0, topicCount - 1);
  return { count, channelCount, createdAt, channelTopic };
}

/**
 * A power-law follower graph. Channels are ranked at random; the channel of rank r gets about
 * top · r^-alpha followers, where top is 80 % of all users (with 50,000 users the biggest channel has
 * 40,000) and alpha puts the median channel near 0.2 % of the users (100 with 50,000 users): most
 * channels then have tens to a thousand followers and a handful have tens of thousands. Followers of a
 * channel are distinct users other than the channel itself.
 */
export function followerTargets(users: UserPlan, random: Random): Int32Array {
  const { count, channelCount } = users;
  const top = Math.max(1, Math.round(0.8 * (count - 1)));
  const median = Math.min(top, Math.max(5, Math.round(count * 0.002)));
  const medianRank = Math.max(2, channelCount / 2);
  const alpha = Math.log(top / median) / Math.log(medianRank);
  const ranks = random.shuffle(Array.from({ length: channelCount }, (_, c) => c));
  const targets = new Int32Array(channelCount);
  ranks.forEach((channel, position) => {
    const rank = position + 1;
    const jitter = rank <= 3 ? 1 : random.logNormal(0, 0.3);
    targets[channel] = Math.max(1, Math.min(count - 1, Math.round(top * rank ** -alpha * jitter)));
  });
  return targets;
}

export interface FollowerGraph {
  /** One entry per subscription, sorted by createdAt (the order they are inserted, hence their seq). */
  subscriber: Int32Array;
  channel: Int32Array;
  createdAt: Float64Array;
  /** Per user: subscribers (channels only) and subscriptions, i.e. what channel_stats holds. */
  followers: Int32Array;
  following: Int32Array;
}

/**
 * Subscription times fall between the later of the two accounts' creation and the anchor, weighted
 * towards the recent past (a growing platform): the density rises linearly to the anchor, so there
 * are subscriptions in the last hour and day for the feeds to work with.
 */
/** Seconds since 1970 (< 2^32) times this stays below 2^53, so (seconds, index) packs exactly into a double. */
const INDEX_SPAN = 2 ** 21;

export function buildFollowerGraph(seed: number, users: UserPlan, anchorMs: number): FollowerGraph {
  const random = new Random(seed, 'follower-graph');
  const targets = followerTargets(users, random);
  let total = 0;
  for (const target of targets) total += target;
  const subscriber = new Int32Array(total);
  const channel = new Int32Array(total);
  const createdAt = new Float64Array(total);
  const followers = new Int32Array(users.count);
  const following = new Int32Array(users.count);
  let n = 0;
  for (let c = 0; c < users.channelCount; c += 1) {
    for (const user of random.sampleDistinct(users.count, targets[c]!, c)) {
      const from = Math.max(users.createdAt[user]!, users.createdAt[c]!);
      subscriber[n] = user;
      channel[n] = c;
      // Whole seconds: the time and the entry's index then pack into one sortable double below.
      createdAt[n] = Math.floor((from + (anchorMs - from) * Math.sqrt(random.next())) / 1000) * 1000;
      following[user]! += 1;
      n += 1;
    }
    followers[c] = targets[c]!;
  }
  // Insert in time order, so the identity `seq` (the lists' "newest first" key) agrees with created_at.
  let order: Uint32Array;
  if (total < INDEX_SPAN) {
    // A native numeric sort of seconds · 2^21 + index: seconds faster than a comparator sort.
    const keys = new Float64Array(total);
    for (let i = 0; i < total; i += 1) keys[i] = (createdAt[i]! / 1000) * INDEX_SPAN + i;
    keys.sort();
    order = new Uint32Array(total);
    for (let i = 0; i < total; i += 1) order[i] = keys[i]! % INDEX_SPAN;
  } else {
    order = new Uint32Array(total);
    for (let i = 0; i < total; i += 1) order[i] = i;
    order.sort((a, b) => createdAt[a]! - createdAt[b]! || a - b);
  }
  // Plain loops: TypedArray.from with a mapping function is several times slower.
  const sorted = {
    subscriber: new Int32Array(total),
    channel: new Int32Array(total),
    createdAt: new Float64Array(total),
  };
  for (let i = 0; i < total; i += 1) {
    const from = order[i]!;
    sorted.subscriber[i] = subscriber[from]!;
    sorted.channel[i] = channel[from]!;
    sorted.createdAt[i] = createdAt[from]!;
  }
  return { ...sorted, followers, following };
}
