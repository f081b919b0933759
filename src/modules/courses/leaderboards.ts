import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { badRequest } from '../../platform/http/errors.ts';
import { assertCourseReadable, findCourse } from './course-access.ts';
import type { LeaderboardStore, Standing } from './leaderboard-store.ts';
import { ALL_TIME_BOARD, courseBoard, mondayOf, weekBoard } from './xp-ledger.ts';

/** How many learners either side of "me" a board shows. */
const NEIGHBOURS = 2;

export interface BoardRequest {
  scope: 'all' | 'week' | 'course';
  courseId?: string;
  week?: string;
  limit: number;
}

/** Reading leaderboards (top N, my rank and neighbours) and a learner's XP and streak. */
export class Leaderboards {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly store: LeaderboardStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async read(viewer: AuthenticatedUser | undefined, request: BoardRequest) {
    const board = await this.boardName(viewer, request);
    const top = await this.store.top(board, request.limit);
    const mine = viewer ? await this.store.around(board, viewer.id, NEIGHBOURS) : null;
    const names = await this.usernames(board, [...top, ...(mine ? [mine.me, ...mine.neighbours] : [])]);
    const named = (standing: Standing) => ({ ...standing, username: names.get(standing.userId) ?? '' });
    return {
      board,
      top: top.map(named),
      me: mine ? named(mine.me) : null,
      neighbours: mine ? mine.neighbours.map(named) : [],
    };
  }

  async stats(user: AuthenticatedUser) {
    const [totals, streak, mine] = await Promise.all([
      this.db
        .selectFrom('course_xp_totals')
        .select(['board', 'xp'])
        .where('user_id', '=', user.id)
        .where('board', 'in', [ALL_TIME_BOARD, weekBoard(mondayOf(this.now()))])
        .execute(),
      this.db.selectFrom('course_streaks').selectAll().where('user_id', '=', user.id).executeTakeFirst(),
      this.store.around(ALL_TIME_BOARD, user.id, 0),
    ]);
    const xpOn = (board: string) => totals.find((row) => row.board === board)?.xp ?? 0;
    const lastDay = streak?.last_day ? new Date(streak.last_day).getTime() : 0;
    // A streak is alive when its last learning day is today or yesterday.
    const alive = this.now().getTime() - lastDay < 2 * 86_400_000;
    return {
      xp: xpOn(ALL_TIME_BOARD),
      weekXp: xpOn(weekBoard(mondayOf(this.now()))),
      streakDays: alive ? (streak?.current_days ?? 0) : 0,
      longestStreakDays: streak?.longest_days ?? 0,
      rank: mine?.me.rank ?? null,
    };
  }

  private async boardName(viewer: AuthenticatedUser | undefined, request: BoardRequest): Promise<string> {
    if (request.scope === 'all') return ALL_TIME_BOARD;
    if (request.scope === 'week')
      return weekBoard(request.week ? mondayOf(new Date(`${request.week}T00:00:00Z`)) : mondayOf(this.now()));
    if (!request.courseId)
      throw badRequest('A course leaderboard needs courseId', [
        { field: 'courseId', message: 'required for scope=course' },
      ]);
    assertCourseReadable(viewer, await findCourse(this.db, request.courseId));
    return courseBoard(request.courseId);
  }

  /** Names of the learners shown: everyone on a board has a totals row, so the join finds them all. */
  private async usernames(board: string, standings: Standing[]): Promise<Map<string, string>> {
    const ids = [...new Set(standings.map((standing) => standing.userId))];
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('course_xp_totals as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['u.id', 'u.username'])
      .where('t.board', '=', board)
      .where('t.user_id', 'in', ids)
      .execute();
    return new Map(rows.map((row) => [row.id, row.username]));
  }
}
