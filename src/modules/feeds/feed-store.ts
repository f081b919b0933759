import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import type { TimePosition } from '../../platform/pagination/cursor.ts';
import { FANOUT_BATCH_SIZE, forEachSubscriberBatch } from './subscribers.ts';

/** One video in a subscriber's feed. `publishedAt` orders the feed (newest first, video id breaks ties). */
export interface FeedEntry {
  videoId: string;
  creatorId: string;
  publishedAt: Date;
}

/**
 * Materialised subscriptions feeds (the fan-out-on-write half; big channels are pulled at read time).
 * Every operation is idempotent, so a retried job or a redelivered event can repeat it safely.
 */
export interface FeedStore {
  push(userIds: readonly string[], entry: FeedEntry): Promise<void>;
  /**
   * Pushes the entry to every subscriber of its creator, a batch of FANOUT_BATCH_SIZE at a time;
   * `beforeBatch` runs ahead of each and stops the walk by returning false. Resolves with the count pushed.
   */
  pushToSubscribers(entry: FeedEntry, beforeBatch: (pushedSoFar: number) => Promise<boolean>): Promise<number>;
  /** Removes a video from these users' feeds (the table store removes it from every feed at once). */
  removeVideo(userIds: readonly string[], entry: Pick<FeedEntry, 'videoId' | 'creatorId'>): Promise<void>;
  /** Whether removeVideo needs the subscribers' ids (it does when feeds are keyed per user). */
  readonly removesPerUser: boolean;
  removeChannel(userId: string, creatorId: string): Promise<void>;
  /** Empties every feed (before a rebuild). */
  clear(): Promise<void>;
  /** Up to `limit` entries older than `before` (from the newest when absent), newest first. */
  read(userId: string, limit: number, before?: TimePosition): Promise<FeedEntry[]>;
}

interface BatchOutcome {
  n: number;
  last_seq: string | null;
}

class TableFeedStore implements FeedStore {
  readonly removesPerUser = false;

  constructor(private readonly db: Kysely<DB>) {}

  async push(userIds: readonly string[], entry: FeedEntry): Promise<void> {
    if (userIds.length === 0) return;
    await this.db
      .insertInto('feed_items')
      .values(
        userIds.map((userId) => ({
          user_id: userId,
          video_id: entry.videoId,
          creator_id: entry.creatorId,
          published_at: entry.publishedAt,
        })),
      )
      .onConflict((conflict) => conflict.columns(['user_id', 'video_id']).doNothing())
      .execute();
  }

  /** Each batch is one statement: the subscriber ids never leave the database. */
  async pushToSubscribers(entry: FeedEntry, beforeBatch: (pushedSoFar: number) => Promise<boolean>): Promise<number> {
    let pushed = 0;
    let beforeSeq: number | null = null;
    while (await beforeBatch(pushed)) {
      const { rows }: { rows: BatchOutcome[] } = await sql<BatchOutcome>`
        with batch as (
          select subscriber_id, seq from subscriptions
          where channel_id = ${entry.creatorId} and (${beforeSeq}::bigint is null or seq < ${beforeSeq}::bigint)
          order by seq desc limit ${FANOUT_BATCH_SIZE}
        ), pushed as (
          insert into feed_items (user_id, video_id, creator_id, published_at)
          select subscriber_id, ${entry.videoId}, ${entry.creatorId}, ${entry.publishedAt} from batch
          on conflict (user_id, video_id) do nothing
        )
        select count(*)::int as n, min(seq)::text as last_seq from batch`.execute(this.db);
      const batch: BatchOutcome | undefined = rows[0];
      pushed += batch?.n ?? 0;
      if (!batch?.last_seq || batch.n < FANOUT_BATCH_SIZE) break;
      beforeSeq = Number(batch.last_seq);
    }
    return pushed;
  }

  async removeVideo(_userIds: readonly string[], entry: Pick<FeedEntry, 'videoId'>): Promise<void> {
    await this.db.deleteFrom('feed_items').where('video_id', '=', entry.videoId).execute();
  }

  async removeChannel(userId: string, creatorId: string): Promise<void> {
    await this.db.deleteFrom('feed_items').where('user_id', '=', userId).where('creator_id', '=', creatorId).execute();
  }

  async clear(): Promise<void> {
    await this.db.deleteFrom('feed_items').execute();
  }

  async read(userId: string, limit: number, before?: TimePosition): Promise<FeedEntry[]> {
    let query = this.db
      .selectFrom('feed_items')
      .select(['video_id', 'creator_id', 'published_at'])
      .where('user_id', '=', userId);
    if (before) query = query.where(sql<boolean>`(published_at, video_id) < (${before.at}, ${before.id}::uuid)`);
    const rows = await query.orderBy('published_at', 'desc').orderBy('video_id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ videoId: row.video_id, creatorId: row.creator_id, publishedAt: row.published_at }));
  }
}

/** Members sharing one score come back in this many extra entries when a page starts among them. */
const TIE_SLACK = 50;

/**
 * `feed:{userId}` sorted sets: score = publish time in ms, member = `videoId:creatorId` (the creator
 * lets an unsubscribe find its entries without a lookup). Each push trims the set to the newest `maxItems`.
 */
class RedisFeedStore implements FeedStore {
  readonly removesPerUser = true;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxItems: number,
  ) {}

  private key(userId: string): string {
    return `${this.prefix}feed:${userId}`;
  }

  async push(userIds: readonly string[], entry: FeedEntry): Promise<void> {
    if (userIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    const member = `${entry.videoId}:${entry.creatorId}`;
    for (const userId of userIds) {
      pipeline.zadd(this.key(userId), entry.publishedAt.getTime(), member);
      pipeline.zremrangebyrank(this.key(userId), 0, -this.maxItems - 1);
    }
    await pipeline.exec();
  }

  async pushToSubscribers(entry: FeedEntry, beforeBatch: (pushedSoFar: number) => Promise<boolean>): Promise<number> {
    let pushed = 0;
    let stopped = false;
    await forEachSubscriberBatch(this.db, entry.creatorId, async (userIds) => {
      if (stopped || !(await beforeBatch(pushed))) {
        stopped = true;
        return;
      }
      await this.push(userIds, entry);
      pushed += userIds.length;
    });
    return pushed;
  }

  async removeVideo(userIds: readonly string[], entry: Pick<FeedEntry, 'videoId' | 'creatorId'>): Promise<void> {
    if (userIds.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const userId of userIds) pipeline.zrem(this.key(userId), `${entry.videoId}:${entry.creatorId}`);
    await pipeline.exec();
  }

  async removeChannel(userId: string, creatorId: string): Promise<void> {
    const members = await this.redis.zrange(this.key(userId), 0, -1);
    const ofChannel = members.filter((member) => member.endsWith(`:${creatorId}`));
    if (ofChannel.length > 0) await this.redis.zrem(this.key(userId), ...ofChannel);
  }

  async clear(): Promise<void> {
    const stream = this.redis.scanStream({ match: `${this.prefix}feed:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await this.redis.unlink(...keys);
    }
  }

  async read(userId: string, limit: number, before?: TimePosition): Promise<FeedEntry[]> {
    const max = before ? String(before.at.getTime()) : '+inf';
    const flat = await this.redis.zrevrangebyscore(
      this.key(userId),
      max,
      '-inf',
      'WITHSCORES',
      'LIMIT',
      0,
      limit + TIE_SLACK,
    );
    const entries: FeedEntry[] = [];
    for (let index = 0; index < flat.length; index += 2) {
      const [videoId = '', creatorId = ''] = flat[index]!.split(':');
      const publishedAt = new Date(Number(flat[index + 1]));
      // Same score as the cursor: only members after it in (score desc, video id desc) order.
      if (before && publishedAt.getTime() === before.at.getTime() && videoId >= before.id) continue;
      entries.push({ videoId, creatorId, publishedAt });
    }
    return entries.slice(0, limit);
  }
}

/** The process's feed store: a table on the embedded default, sorted sets with Redis. */
export function createFeedStore({
  config,
  database: { db },
  redis,
}: Pick<Platform, 'config' | 'database' | 'redis'>): FeedStore {
  return redis ? new RedisFeedStore(db, redis, config.redisKeyPrefix, config.feeds.maxItems) : new TableFeedStore(db);
}
