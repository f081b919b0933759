import { sql } from 'kysely';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import type { BoardTotal } from './leaderboard-store.ts';

export const ALL_TIME_BOARD = 'all';
export const courseBoard = (courseId: string) => `course:${courseId}`;
/** Weekly leagues run Monday to Sunday (UTC); each week is its own board, so past weeks stay readable. */
export const weekBoard = (mondayIso: string) => `week:${mondayIso}`;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function mondayOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return isoDay(day);
}

export interface Award {
  xp: number;
  /** Totals to mirror into the leaderboard store once the transaction has committed. */
  totals: Array<{ board: string; total: BoardTotal }>;
}

/**
 * Grants XP once per (learner, source): a repeated completion, a retried request or a second passed
 * attempt finds the event already there and grants nothing. Updates the three boards' totals and the
 * daily streak in the caller's transaction.
 */
export async function awardXp(
  trx: Executor,
  award: { userId: string; courseId: string; sourceKey: string; xp: number; at: Date },
): Promise<Award> {
  const inserted = await trx
    .insertInto('course_xp_events')
    .values({
      user_id: award.userId,
      course_id: award.courseId,
      source_key: award.sourceKey,
      xp: award.xp,
      created_at: award.at,
    })
    .onConflict((conflict) => conflict.columns(['user_id', 'source_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return { xp: 0, totals: [] };
  await recordStreakDay(trx, award.userId, award.at);
  if (award.xp === 0) return { xp: 0, totals: [] };
  const totals: Award['totals'] = [];
  for (const board of [ALL_TIME_BOARD, courseBoard(award.courseId), weekBoard(mondayOf(award.at))]) {
    const row = await trx
      .insertInto('course_xp_totals')
      .values({ board, user_id: award.userId, xp: award.xp, reached_at: award.at })
      .onConflict((conflict) =>
        conflict.columns(['board', 'user_id']).doUpdateSet({
          xp: sql`course_xp_totals.xp + excluded.xp`,
          reached_at: sql`excluded.reached_at`,
        }),
      )
      .returning(['xp', 'reached_at'])
      .executeTakeFirstOrThrow();
    totals.push({ board, total: { userId: award.userId, xp: row.xp, reachedAt: row.reached_at } });
  }
  return { xp: award.xp, totals };
}

/** A learning day continues the streak when it follows the last one, restarts it after a gap. */
async function recordStreakDay(trx: Executor, userId: string, at: Date): Promise<void> {
  const today = isoDay(at);
  const yesterday = isoDay(new Date(at.getTime() - 86_400_000));
  const current = await trx
    .selectFrom('course_streaks')
    .select(['current_days', 'longest_days', sql<string | null>`to_char(last_day, 'YYYY-MM-DD')`.as('last_day')])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (current?.last_day === today) return;
  const days = current?.last_day === yesterday ? current.current_days + 1 : 1;
  await trx
    .insertInto('course_streaks')
    .values({ user_id: userId, current_days: days, longest_days: days, last_day: today })
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        current_days: days,
        longest_days: Math.max(days, current?.longest_days ?? 0),
        last_day: today,
      }),
    )
    .execute();
}

/**
 * Rebuilds the running totals of every board from the XP events, in one transaction (readers see the
 * old totals until it commits). `reached_at` is when the last XP counted on that board arrived.
 */
export async function recomputeXpTotals(db: Executor): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('course_xp_totals').execute();
    await sql`insert into course_xp_totals (board, user_id, xp, reached_at)
      select ${ALL_TIME_BOARD}, user_id, sum(xp), max(created_at) from course_xp_events where xp > 0 group by user_id
      union all
      select 'course:' || course_id, user_id, sum(xp), max(created_at) from course_xp_events where xp > 0
        group by course_id, user_id
      union all
      select 'week:' || to_char(date_trunc('week', created_at at time zone 'utc'), 'YYYY-MM-DD'), user_id, sum(xp), max(created_at)
        from course_xp_events where xp > 0
        group by date_trunc('week', created_at at time zone 'utc'), user_id`.execute(trx);
  });
}
