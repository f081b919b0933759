import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { BoardTotal } from './leaderboard-store.ts';

export const ALL_TIME_BOARD = 'all';
export const courseBoard = (courseId: string) => `course:${courseId}`;
/** Weekly leagues run Monday to Sunday (UTC); each week is its own board, so past weeks stay readable. */
export const weekBoard = (mondayIso: string) => `week:${mondayIso}`;

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function mondayOf(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return isoDay(day);
}

export interface AwardRequest {
  userId: string;
  courseId: string;
  /** What earned it (`lesson:<id>`, …): XP is granted once per (learner, source). */
  sourceKey: string;
  xp: number;
  at: Date;
  /** Completes this lesson in the same transaction; no XP (and no streak day) when it was already done. */
  lessonId?: string;
}

export interface BoardEntry {
  board: string;
  total: BoardTotal;
}

const key = (...parts: string[]) => parts.join('\u0000');
const byKey = <T>(rows: T[], keyOf: (row: T) => string) =>
  rows.sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));

/**
 * Applies a batch of awards in the caller's transaction with one statement per table, whatever the
 * batch size: lesson completions, XP events (the unique (user, source) key makes a repeat a no-op),
 * the three boards' totals (summed per board and learner first) and the daily streaks. Rows are
 * written in key order so that concurrent batches lock in the same order. Returns the XP granted per
 * request (0 for a repeat) and the new totals to mirror into the leaderboard store after commit.
 */
export async function applyAwards(
  trx: Transaction<DB>,
  requests: AwardRequest[],
): Promise<{ granted: number[]; totals: BoardEntry[] }> {
  const eligible = await newLessonCompletions(trx, requests);
  const candidates = requests.filter((request, index) => eligible[index]);
  const events = new Set<string>();
  if (candidates.length > 0) {
    const rows = byKey([...new Map(candidates.map((r) => [key(r.userId, r.sourceKey), r])).values()], (r) =>
      key(r.userId, r.sourceKey),
    );
    // Arrays through unnest: five parameters whatever the batch size (VALUES would bind five a row).
    const inserted = (
      await sql<{ user_id: string; source_key: string }>`
        insert into course_xp_events (user_id, course_id, source_key, xp, created_at)
        select * from unnest(${rows.map((r) => r.userId)}::uuid[], ${rows.map((r) => r.courseId)}::uuid[],
          ${rows.map((r) => r.sourceKey)}::text[], ${rows.map((r) => r.xp)}::int[],
          ${rows.map((r) => r.at.toISOString())}::timestamptz[])
        on conflict (user_id, source_key) do nothing
        returning user_id, source_key`.execute(trx)
    ).rows;
    for (const row of inserted) events.add(key(row.user_id, row.source_key));
  }
  // The first request of each new event is the one granted; a duplicate inside the batch gets 0.
  const granted = requests.map((request, index) => {
    if (!eligible[index] || !events.delete(key(request.userId, request.sourceKey))) return -1;
    return request.xp;
  });
  const winners = requests.filter((_, index) => granted[index]! >= 0);
  await recordStreakDays(trx, winners);
  const totals = await addToTotals(
    trx,
    winners.filter((request) => request.xp > 0),
  );
  return { granted: granted.map((xp) => Math.max(0, xp)), totals };
}

/** Which requests may earn XP: those without a lesson, and those whose lesson completion is new. */
async function newLessonCompletions(trx: Transaction<DB>, requests: AwardRequest[]): Promise<boolean[]> {
  const withLesson = requests.filter((request) => request.lessonId);
  if (withLesson.length === 0) return requests.map(() => true);
  const rows = byKey([...new Map(withLesson.map((r) => [key(r.lessonId!, r.userId), r])).values()], (r) =>
    key(r.lessonId!, r.userId),
  );
  const inserted = await trx
    .insertInto('course_lesson_progress')
    .values(rows.map((r) => ({ lesson_id: r.lessonId!, user_id: r.userId, course_id: r.courseId, completed_at: r.at })))
    .onConflict((conflict) => conflict.columns(['lesson_id', 'user_id']).doNothing())
    .returning(['lesson_id', 'user_id'])
    .execute();
  const fresh = new Set(inserted.map((row) => key(row.lesson_id, row.user_id)));
  return requests.map((request) => !request.lessonId || fresh.delete(key(request.lessonId, request.userId)));
}

/** Adds the batch's XP to each (board, learner) total; `reached_at` is when the latest XP arrived. */
async function addToTotals(trx: Transaction<DB>, awards: AwardRequest[]): Promise<BoardEntry[]> {
  if (awards.length === 0) return [];
  const sums = new Map<string, { board: string; user_id: string; xp: number; reached_at: Date }>();
  for (const award of awards)
    for (const board of [ALL_TIME_BOARD, courseBoard(award.courseId), weekBoard(mondayOf(award.at))]) {
      const sum = sums.get(key(board, award.userId));
      if (sum) {
        sum.xp += award.xp;
        if (award.at > sum.reached_at) sum.reached_at = award.at;
      } else sums.set(key(board, award.userId), { board, user_id: award.userId, xp: award.xp, reached_at: award.at });
    }
  const values = byKey([...sums.values()], (row) => key(row.board, row.user_id));
  const rows = (
    await sql<{ board: string; user_id: string; xp: number; reached_at: Date }>`
      insert into course_xp_totals (board, user_id, xp, reached_at)
      select * from unnest(${values.map((v) => v.board)}::text[], ${values.map((v) => v.user_id)}::uuid[],
        ${values.map((v) => v.xp)}::int[], ${values.map((v) => v.reached_at.toISOString())}::timestamptz[])
      on conflict (board, user_id) do update set xp = course_xp_totals.xp + excluded.xp,
        reached_at = greatest(course_xp_totals.reached_at, excluded.reached_at)
      returning board, user_id, xp, reached_at`.execute(trx)
  ).rows;
  return rows.map((row) => ({
    board: row.board,
    total: { userId: row.user_id, xp: row.xp, reachedAt: row.reached_at },
  }));
}

/**
 * A learning day continues the streak when it follows the last one and restarts it after a gap; a day
 * already counted (or older than the last one) changes nothing.
 */
async function recordStreakDays(trx: Transaction<DB>, awards: AwardRequest[]): Promise<void> {
  if (awards.length === 0) return;
  const days = new Map<string, Set<string>>();
  for (const award of awards) days.set(award.userId, (days.get(award.userId) ?? new Set()).add(isoDay(award.at)));
  const users = [...days.keys()].sort();
  const current = await trx
    .selectFrom('course_streaks')
    .select([
      'user_id',
      'current_days',
      'longest_days',
      sql<string | null>`to_char(last_day, 'YYYY-MM-DD')`.as('last_day'),
    ])
    .where('user_id', 'in', users)
    .orderBy('user_id')
    .forUpdate()
    .execute();
  const byUser = new Map(current.map((row) => [row.user_id, row]));
  const updates = [];
  for (const userId of users) {
    const row = byUser.get(userId);
    let [streak, longest, last] = [row?.current_days ?? 0, row?.longest_days ?? 0, row?.last_day ?? null];
    for (const day of [...days.get(userId)!].sort()) {
      if (last !== null && day <= last) continue;
      const yesterday = isoDay(new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000));
      streak = last === yesterday ? streak + 1 : 1;
      longest = Math.max(longest, streak);
      last = day;
    }
    if (last !== (row?.last_day ?? null))
      updates.push({ user_id: userId, current_days: streak, longest_days: longest, last_day: last });
  }
  if (updates.length === 0) return;
  await trx
    .insertInto('course_streaks')
    .values(updates)
    .onConflict((conflict) =>
      conflict.column('user_id').doUpdateSet({
        current_days: sql`excluded.current_days`,
        longest_days: sql`excluded.longest_days`,
        last_day: sql`excluded.last_day`,
      }),
    )
    .execute();
}
