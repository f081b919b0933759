import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Executor } from '../../platform/db/transaction.ts';

/** One learner's place on a board. */
export interface Standing {
  rank: number;
  userId: string;
  xp: number;
}

export interface BoardTotal {
  userId: string;
  xp: number;
  reachedAt: Date;
}

/**
 * Where leaderboards are read from. course_xp_totals (PostgreSQL) is always written and is the source of
 * truth; in scale mode Redis sorted sets mirror it for fast rank lookups and can be rebuilt from it.
 * Order: more XP first; on equal XP whoever reached it first; then by user id (descending, which is how
 * Redis orders equal scores).
 */
export interface LeaderboardStore {
  /** Mirrors new totals (already committed to the table). */
  record(entries: Array<{ board: string; total: BoardTotal }>): Promise<void>;
  top(board: string, limit: number): Promise<Standing[]>;
  /** The learner and `around` learners either side, or null when they have no XP on the board. */
  around(board: string, userId: string, around: number): Promise<{ me: Standing; neighbours: Standing[] } | null>;
}

export class SqlLeaderboardStore implements LeaderboardStore {
  constructor(private readonly db: Kysely<DB>) {}

  async record(): Promise<void> {
    // The table is the board: nothing to mirror.
  }

  async top(board: string, limit: number): Promise<Standing[]> {
    return this.page(board, 0, limit);
  }

  async around(board: string, userId: string, around: number) {
    const mine = await this.db
      .selectFrom('course_xp_totals')
      .select(['xp', 'reached_at'])
      .where('board', '=', board)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!mine) return null;
    // Rows ahead of mine, as two range scans of the (board, xp desc, reached_at, user_id) index: an OR
    // across both would make the planner walk the whole board.
    const ahead = await sql<{ count: string }>`select
      (select count(*) from course_xp_totals where board = ${board} and xp > ${mine.xp})
      + (select count(*) from course_xp_totals where board = ${board} and xp = ${mine.xp}
          and (reached_at < ${mine.reached_at} or (reached_at = ${mine.reached_at} and user_id > ${userId}))) as count`.execute(
      this.db,
    );
    const rank = Number(ahead.rows[0]?.count ?? 0) + 1;
    const start = Math.max(0, rank - 1 - around);
    const rows = await this.page(board, start, rank - 1 - start + around + 1);
    return {
      me: { rank, userId, xp: mine.xp },
      neighbours: rows.filter((row) => row.userId !== userId),
    };
  }

  private async page(board: string, offset: number, limit: number): Promise<Standing[]> {
    const rows = await this.db
      .selectFrom('course_xp_totals')
      .select(['user_id', 'xp'])
      .where('board', '=', board)
      .orderBy('xp', 'desc')
      .orderBy('reached_at', 'asc')
      .orderBy('user_id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
    return rows.map((row, index) => ({ rank: offset + index + 1, userId: row.user_id, xp: row.xp }));
  }
}

/** Seconds since 2020-01-01: small enough to share a double with the XP (see `score`). */
const EPOCH_SECONDS = Date.UTC(2020, 0, 1) / 1000;
const TIME_SLOTS = 1e10;

/**
 * XP and "reached first" in one sorted-set score: XP × 10¹⁰ minus the seconds it took to get there,
 * so more XP always wins and, at equal XP, the earlier arrival scores higher. Exact in a double up to
 * 900,000 XP; arrivals in the same second fall back to member order.
 */
export const leaderboardScore = (xp: number, reachedAt: Date) =>
  xp * TIME_SLOTS - Math.floor(reachedAt.getTime() / 1000 - EPOCH_SECONDS);
const xpOfScore = (score: number) => Math.ceil(score / TIME_SLOTS);

/**
 * A learner's rank and the members around them, read atomically in one call: nil when the learner is
 * not on the board, else { 0-based rank, ZREVRANGE rank-around … rank+around WITHSCORES }.
 */
const AROUND_SCRIPT = `
local rank = redis.call('ZREVRANK', KEYS[1], ARGV[1])
if not rank then return false end
local around = tonumber(ARGV[2])
local start = math.max(0, rank - around)
return { rank, redis.call('ZREVRANGE', KEYS[1], start, rank + around, 'WITHSCORES') }`;
const AROUND_SCRIPT_SHA = createHash('sha1').update(AROUND_SCRIPT).digest('hex');

export class RedisLeaderboardStore implements LeaderboardStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private key(board: string): string {
    return `${this.prefix}courses:board:${board}`;
  }

  /** One ZADD per board, all in one pipeline (one round trip for a whole batch of awards). */
  async record(entries: Array<{ board: string; total: BoardTotal }>): Promise<void> {
    if (entries.length === 0) return;
    const members = new Map<string, Array<number | string>>();
    for (const { board, total } of entries) {
      const list = members.get(board) ?? [];
      list.push(leaderboardScore(total.xp, total.reachedAt), total.userId);
      members.set(board, list);
    }
    const pipeline = this.redis.pipeline();
    // GT: a late write of an older (smaller) total never lowers a newer one; XP only grows.
    for (const [board, list] of members) pipeline.zadd(this.key(board), 'GT', ...list);
    for (const [error] of (await pipeline.exec()) ?? []) if (error) throw error;
  }

  async top(board: string, limit: number): Promise<Standing[]> {
    return this.range(board, 0, limit - 1);
  }

  /** My rank and my neighbours in one round trip: one script runs ZREVRANK then ZREVRANGE on the server. */
  async around(board: string, userId: string, around: number) {
    const answer = (await this.aroundScript(this.key(board), userId, around)) as [number, string[]] | null;
    if (!answer) return null;
    const [rank, flat] = answer;
    const rows = this.standings(flat, Math.max(0, rank - around));
    const me = rows.find((row) => row.userId === userId)!;
    return { me, neighbours: rows.filter((row) => row !== me) };
  }

  /** EVALSHA, loading the script on first use (and again after a Redis restart forgets it). */
  private async aroundScript(key: string, userId: string, around: number): Promise<unknown> {
    try {
      return await this.redis.evalsha(AROUND_SCRIPT_SHA, 1, key, userId, around);
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(AROUND_SCRIPT, 1, key, userId, around);
    }
  }

  /** Replaces a board with the table's totals (the rebuild command), atomically for readers. */
  async rebuild(db: Executor, board: string): Promise<number> {
    const rows = await db
      .selectFrom('course_xp_totals')
      .select(['user_id', 'xp', 'reached_at'])
      .where('board', '=', board)
      .execute();
    const key = this.key(board);
    const staging = `${key}:rebuild`;
    const transaction = this.redis.multi().del(staging);
    for (let index = 0; index < rows.length; index += 1000)
      transaction.zadd(
        staging,
        ...rows.slice(index, index + 1000).flatMap((row) => [leaderboardScore(row.xp, row.reached_at), row.user_id]),
      );
    if (rows.length > 0) transaction.rename(staging, key);
    else transaction.del(key);
    await transaction.exec();
    return rows.length;
  }

  private async range(board: string, start: number, stop: number): Promise<Standing[]> {
    return this.standings(await this.redis.zrevrange(this.key(board), start, stop, 'WITHSCORES'), start);
  }

  /** A ZREVRANGE … WITHSCORES answer (member, score, member, score…) starting at 0-based `start`. */
  private standings(flat: string[], start: number): Standing[] {
    const standings: Standing[] = [];
    for (let index = 0; index < flat.length; index += 2)
      standings.push({
        rank: start + index / 2 + 1,
        userId: flat[index] as string,
        xp: xpOfScore(Number(flat[index + 1])),
      });
    return standings;
  }
}
