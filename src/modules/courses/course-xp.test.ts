// Course XP and leaderboards: top N, my rank and neighbours, ties and weekly boards; awards written in
// batches (repeats pay once, a bad award fails alone), streaks across days and batches, exact totals.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call, createAccounts } from '../channels/channel-test-support.ts';
import { describeCourses, ok } from './course-test-support.ts';

describeCourses('course XP and leaderboards', (kit) => {
  test('leaderboards: top N, my rank and neighbours, ties to whoever got there first, weekly boards kept', async () => {
    const { t, creator, buildCourse } = kit();
    const { course } = await buildCourse();
    await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
    const learners = await createAccounts(t, 6);
    const boards = t.services.courses;
    const start = Date.UTC(2026, 10, 2, 12); // a Monday
    // XP 50, 40, 40 (the later arrival ranks lower), 30, 20, 10.
    const plan = [50, 40, 40, 30, 20, 10];
    for (const [index, account] of learners.entries()) {
      const at = new Date(start + index * 60_000);
      const granted = await boards.xp.award({
        userId: account.id,
        courseId: course.id,
        sourceKey: 'seed',
        xp: plan[index]!,
        at,
      });
      assert.equal(granted, plan[index]);
    }
    const week = await ok(await call(t, 'GET', '/leaderboards?scope=week&week=2026-11-04&limit=3', learners[3]));
    assert.equal(week.board, 'week:2026-11-02');
    assert.deepEqual(
      week.top.map((s: { userId: string }) => s.userId),
      learners.slice(0, 3).map((a) => a.id),
    );
    assert.deepEqual([week.me.rank, week.me.xp], [4, 30]);
    assert.deepEqual(
      week.neighbours.map((s: { rank: number }) => s.rank),
      [2, 3, 5, 6],
    );
    // The course board matches; a later week starts empty, the past one stays.
    const courseBoard = await ok(await call(t, 'GET', `/leaderboards?scope=course&courseId=${course.id}`, learners[2]));
    assert.deepEqual([courseBoard.me.rank, courseBoard.me.xp], [3, 40]);
    const nextWeek = await ok(await call(t, 'GET', '/leaderboards?scope=week&week=2026-11-09', learners[0]));
    assert.deepEqual([nextWeek.top, nextWeek.me], [[], null]);
    // The same source never pays twice.
    const again = await boards.xp.award({
      userId: learners[0]!.id,
      courseId: course.id,
      sourceKey: 'seed',
      xp: 50,
      at: new Date(),
    });
    assert.equal(again, 0);
    // The rebuild from the events gives the same boards.
    await boards.rebuildLeaderboards();
    const rebuilt = await ok(await call(t, 'GET', '/leaderboards?scope=week&week=2026-11-04&limit=3', learners[3]));
    assert.deepEqual(rebuilt.top, week.top);
  });

  test('XP awards in one batch: concurrent awards share a transaction, repeats pay once, streaks count days', async () => {
    const { t, buildCourse } = kit();
    const { course } = await buildCourse();
    const learners = await createAccounts(t, 3);
    const monday = Date.UTC(2026, 10, 9, 9);
    const award = (userId: string, sourceKey: string, xp: number, day: number) =>
      t.services.courses.xp.award({
        userId,
        courseId: course.id,
        sourceKey,
        xp,
        at: new Date(monday + day * 86_400_000),
      });
    // All issued in the same tick, so they are written as one batch; duplicates inside the batch pay once.
    const granted = await Promise.all([
      award(learners[0]!.id, 'a', 10, 0),
      award(learners[0]!.id, 'a', 10, 0),
      award(learners[0]!.id, 'b', 5, 1),
      award(learners[0]!.id, 'c', 5, 3),
      award(learners[1]!.id, 'a', 7, 0),
      award(learners[2]!.id, 'a', 0, 0),
    ]);
    assert.deepEqual(granted, [10, 0, 5, 5, 7, 0]);
    const db = t.platform.database.db;
    const totals = await db
      .selectFrom('course_xp_totals')
      .select(['user_id', 'xp', 'reached_at'])
      .where('board', '=', `course:${course.id}`)
      .orderBy('xp', 'desc')
      .execute();
    assert.deepEqual(
      totals.map((row) => [row.user_id, row.xp]),
      [
        [learners[0]!.id, 20],
        [learners[1]!.id, 7],
      ],
    );
    assert.equal(new Date(totals[0]!.reached_at).getTime(), monday + 3 * 86_400_000);
    const streaks = await db
      .selectFrom('course_streaks')
      .select(['user_id', 'current_days', 'longest_days'])
      .where(
        'user_id',
        'in',
        learners.map((l) => l.id),
      )
      .execute();
    const streakOf = (id: string) => streaks.find((row) => row.user_id === id);
    // Days 0, 1, then a gap to day 3: the streak restarts at 1, the longest stays 2.
    assert.deepEqual([streakOf(learners[0]!.id)?.current_days, streakOf(learners[0]!.id)?.longest_days], [1, 2]);
    // An award of 0 XP still counts as a learning day.
    assert.equal(streakOf(learners[2]!.id)?.current_days, 1);
    // A bad request in a batch (an unknown course) fails alone; the others are written.
    const mixed = await Promise.allSettled([
      award(learners[1]!.id, 'd', 3, 0),
      t.services.courses.xp.award({
        userId: learners[1]!.id,
        courseId: crypto.randomUUID(),
        sourceKey: 'x',
        xp: 1,
        at: new Date(),
      }),
    ]);
    assert.deepEqual(
      mixed.map((r) => r.status),
      ['fulfilled', 'rejected'],
    );
    assert.equal((mixed[0] as PromiseFulfilledResult<number>).value, 3);
  });

  test('XP streaks across batches, a lesson completed twice in one batch pays once, many batches add up exactly', async () => {
    const { t, creator, buildCourse } = kit();
    const { course, quiz } = await buildCourse();
    await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
    const [learnerA] = await createAccounts(t, 1);
    const monday = Date.UTC(2026, 10, 16, 9);
    const day = (n: number) => new Date(monday + n * 86_400_000);
    const xp = t.services.courses.xp;
    const award = (sourceKey: string, n: number) =>
      xp.award({ userId: learnerA!.id, courseId: course.id, sourceKey, xp: 1, at: day(n) });
    const streak = () =>
      t.platform.database.db
        .selectFrom('course_streaks')
        .select(['current_days', 'longest_days'])
        .where('user_id', '=', learnerA!.id)
        .executeTakeFirstOrThrow();
    await award('s0', 0);
    await award('s1', 1);
    assert.deepEqual(await streak(), { current_days: 2, longest_days: 2 });
    // An earlier day than the last one counted changes nothing; a gap restarts the streak.
    await award('s-old', 0);
    assert.deepEqual(await streak(), { current_days: 2, longest_days: 2 });
    await award('s4', 4);
    await award('s5', 5);
    await award('s6', 6);
    assert.deepEqual(await streak(), { current_days: 3, longest_days: 3 });

    // Two completions of the same lesson in one batch (a retried request): one pays, one lesson row.
    const lessonAward = () =>
      xp.award({
        userId: learnerA!.id,
        courseId: course.id,
        lessonId: quiz.id,
        sourceKey: `lesson:${quiz.id}`,
        xp: 20,
        at: day(6),
      });
    assert.deepEqual((await Promise.all([lessonAward(), lessonAward()])).sort(), [0, 20]);
    assert.equal(await lessonAward(), 0);

    // 300 awards in one batch, then the same 300 again in the next: each source pays once, totals add up.
    const crowd = await createAccounts(t, 5);
    const wave = () =>
      Promise.all(
        Array.from({ length: 300 }, (_, index) =>
          xp.award({
            userId: crowd[index % 5]!.id,
            courseId: course.id,
            sourceKey: `crowd:${index}`,
            xp: 3,
            at: day(6),
          }),
        ),
      );
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    assert.equal(sum(await wave()), 300 * 3);
    assert.equal(sum(await wave()), 0);
    const totals = await t.platform.database.db
      .selectFrom('course_xp_totals')
      .select(['user_id', 'xp'])
      .where('board', '=', `course:${course.id}`)
      .where(
        'user_id',
        'in',
        crowd.map((account) => account.id),
      )
      .execute();
    assert.deepEqual(
      totals.map((row) => row.xp),
      [180, 180, 180, 180, 180],
    );
    // The board read (the Redis mirror in scale mode) agrees: five at 180, then 6 awards of 1 + the quiz's 20.
    const board = await ok(await call(t, 'GET', `/leaderboards?scope=course&courseId=${course.id}`, learnerA!));
    assert.deepEqual(
      board.top.map((standing: { xp: number }) => standing.xp),
      [180, 180, 180, 180, 180, 26],
    );
    assert.deepEqual([board.me.rank, board.me.xp], [6, 26]);
  });
});
