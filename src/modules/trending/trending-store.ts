import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { TrendingWeights } from '../../config.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Platform } from '../../platform/platform.ts';
import { VIDEO_CATEGORIES } from '../videos/schemas.ts';
import { rankedTrendingRows, type RankedRow } from './ranking-sql.ts';
import { ALL_CATEGORIES, type TrendingWindow } from './windows.ts';

/** Where the latest rankings live: a table on the embedded default, sorted sets with Redis. */
export interface TrendingStore {
  /** Recomputes one window's rankings; false when another process is refreshing it right now. */
  refresh(window: TrendingWindow): Promise<boolean>;
  /** Video ids of a ranking (category '' = all), best first. */
  read(window: TrendingWindow, category: string, offset: number, limit: number): Promise<string[]>;
}

/** Refreshes in one transaction: readers see the previous ranking until the new one is complete. */
class TableTrendingStore implements TrendingStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly weights: TrendingWeights,
  ) {}

  refresh(window: TrendingWindow): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const lock = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(hashtext(${`streamhub:trending:${window}`})) as locked`.execute(trx);
      if (!lock.rows[0]?.locked) return false;
      await trx.deleteFrom('trending_scores').where('time_window', '=', window).execute();
      await sql`insert into trending_scores (time_window, category, video_id, score)
        select ${window}, r.category, r.video_id, r.score from (${rankedTrendingRows(window, this.weights)}) as r`.execute(
        trx,
      );
      return true;
    });
  }

  async read(window: TrendingWindow, category: string, offset: number, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('trending_scores')
      .select('video_id')
      .where('time_window', '=', window)
      .where('category', '=', category)
      .orderBy('score', 'desc')
      .orderBy('video_id')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((row) => row.video_id);
  }
}

/**
 * `trending:{window}` (all categories) and `trending:{window}:{category}` sorted sets. Each refresh
 * builds temporary keys and RENAMEs them over the live ones in one MULTI, so a reader never sees a
 * half-written ranking; a lock key keeps two workers from computing the same window at once.
 */
class RedisTrendingStore implements TrendingStore {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly weights: TrendingWeights,
    private readonly lockMs: number,
  ) {}

  private key(window: TrendingWindow, category: string): string {
    return category === ALL_CATEGORIES
      ? `${this.prefix}trending:${window}`
      : `${this.prefix}trending:${window}:${category}`;
  }

  async refresh(window: TrendingWindow): Promise<boolean> {
    const lockKey = `${this.prefix}trending:${window}:lock`;
    if ((await this.redis.set(lockKey, '1', 'PX', this.lockMs, 'NX')) !== 'OK') return false;
    try {
      const rows = (await rankedTrendingRows(window, this.weights).execute(this.db)).rows;
      const byCategory = new Map<string, RankedRow[]>();
      for (const row of rows) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);
      const transaction = this.redis.multi();
      for (const category of [ALL_CATEGORIES, ...VIDEO_CATEGORIES]) {
        const key = this.key(window, category);
        const ranked = byCategory.get(category) ?? [];
        if (ranked.length === 0) {
          transaction.del(key);
          continue;
        }
        const staging = `${key}:staging`;
        transaction.del(staging);
        transaction.zadd(staging, ...ranked.flatMap((row) => [row.score, row.video_id]));
        transaction.rename(staging, key);
      }
      await transaction.exec();
      return true;
    } finally {
      await this.redis.del(lockKey);
    }
  }

  read(window: TrendingWindow, category: string, offset: number, limit: number): Promise<string[]> {
    return this.redis.zrevrange(this.key(window, category), offset, offset + limit - 1);
  }
}

/** The process's one trending store (the read path and the refresh share it): a table, or sorted sets with Redis. */
export function createTrendingStore(platform: Pick<Platform, 'config' | 'database' | 'redis'>): TrendingStore {
  const {
    config,
    database: { db },
    redis,
  } = platform;
  if (!redis) return new TableTrendingStore(db, config.trending.weights);
  return new RedisTrendingStore(
    db,
    redis,
    config.redisKeyPrefix,
    config.trending.weights,
    config.trending.refreshSeconds * 1000,
  );
}
