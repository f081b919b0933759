import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { json, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { call, createAccounts, readyVideo, type TestAccount } from '../channels/channel-test-support.ts';
import { pdfPages } from './document-text.ts';

for (const kind of testDatabaseKinds()) {
  describe(`courses on ${kind}`, () => {
    let t: TestApp;
    let creator: TestAccount;
    let learner: TestAccount;
    let other: TestAccount;
    before(async () => {
      t = await startTestApp(kind);
      [creator] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
      [learner] = (await createAccounts(t, 1)) as [TestAccount];
      [other] = (await createAccounts(t, 1, 'creator')) as [TestAccount];
    });
    after(async () => {
      await t.close();
    });

    const ok = async (response: Awaited<ReturnType<typeof call>>, status = 200) => {
      assert.equal(response.statusCode, status, response.body);
      return json(response).data;
    };

    /** A published course: a video lesson, a reading and a two-question quiz in one module. */
    async function buildCourse() {
      const videoId = await readyVideo(t, creator);
      await t.platform.database.db
        .updateTable('videos')
        .set({ duration_seconds: 100 })
        .where('id', '=', videoId)
        .execute();
      const course = await ok(
        await call(t, 'POST', '/courses', creator, { title: 'Birdsong', level: 'beginner' }),
        201,
      );
      const module = await ok(
        await call(t, 'POST', `/courses/${course.id}/modules`, creator, { title: 'Basics' }),
        201,
      );
      const lessons = `/courses/${course.id}/modules/${module.id}/lessons`;
      const video = await ok(await call(t, 'POST', lessons, creator, { kind: 'video', title: 'Listen', videoId }), 201);
      const reading = await ok(
        await call(t, 'POST', lessons, creator, {
          kind: 'reading',
          title: 'Notes',
          bodyMarkdown: '# Notes\n<script>alert(1)</script>Robins [sing](javascript:alert(1)) at dawn.',
        }),
        201,
      );
      const quiz = await ok(
        await call(t, 'POST', lessons, creator, {
          kind: 'quiz',
          title: 'Check',
          passPercent: 50,
          maxAttempts: 2,
          xp: 20,
          questions: [
            { kind: 'choice', prompt: 'Who sings at dawn?', options: ['Robins', 'Owls'], answer: 0 },
            { kind: 'cloze', prompt: 'Robins sing at ____.', answer: 'dawn' },
          ],
        }),
        201,
      );
      return { course, module, videoId, video, reading, quiz };
    }

    test('builder: validation, sanitised readings, draft privacy, reorder, publish, answers kept server-side', async () => {
      const { course, module, video, reading, quiz } = await buildCourse();
      assert.equal(reading.bodyMarkdown, '# Notes\nalert(1)Robins [sing](#) at dawn.');
      assert.equal((await call(t, 'POST', '/courses', creator, { title: '' })).statusCode, 400);
      const badQuiz = await call(t, 'POST', `/courses/${course.id}/modules/${module.id}/lessons`, creator, {
        kind: 'quiz',
        title: 'x',
        questions: [{ kind: 'choice', prompt: 'p', options: ['a', 'b'], answer: 5 }],
      });
      assert.equal(badQuiz.statusCode, 400, badQuiz.body);
      // Someone else's private video cannot be used.
      const privateVideo = await readyVideo(t, other, { visibility: 'private' });
      const stolen = await call(t, 'POST', `/courses/${course.id}/modules/${module.id}/lessons`, creator, {
        kind: 'video',
        title: 'x',
        videoId: privateVideo,
      });
      assert.equal(stolen.statusCode, 422, stolen.body);

      // A draft is invisible to others and cannot be enrolled in.
      assert.equal((await call(t, 'GET', `/courses/${course.id}`, learner)).statusCode, 404);
      assert.equal((await call(t, 'PUT', `/courses/${course.id}`, learner, { title: 'Mine' })).statusCode, 404);

      // Reorder: a partial order is refused, the full one applies.
      const partial = await call(t, 'PUT', `/courses/${course.id}/order`, creator, {
        modules: [{ id: module.id, lessonIds: [quiz.id, video.id] }],
      });
      assert.equal(partial.statusCode, 409);
      assert.equal(json(partial).error.code, 'ORDER_MISMATCH');
      const second = await ok(
        await call(t, 'POST', `/courses/${course.id}/modules`, creator, { title: 'Practice' }),
        201,
      );
      await ok(
        await call(t, 'PUT', `/courses/${course.id}/order`, creator, {
          modules: [
            { id: module.id, lessonIds: [reading.id, video.id] },
            { id: second.id, lessonIds: [quiz.id] },
          ],
        }),
      );
      await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));

      const outline = await ok(await call(t, 'GET', `/courses/${course.id}`, learner));
      assert.deepEqual(
        outline.modules.map((m: { title: string; lessons: Array<{ title: string }> }) => [
          m.title,
          m.lessons.map((l) => l.title),
        ]),
        [
          ['Basics', ['Notes', 'Listen']],
          ['Practice', ['Check']],
        ],
      );
      const learnerQuiz = outline.modules[1].lessons[0];
      assert.equal(learnerQuiz.questions.length, 2);
      assert.ok(!JSON.stringify(outline).includes('"answer"'), 'answers never reach learners');
      const editorView = await ok(await call(t, 'GET', `/courses/${course.id}/edit`, creator));
      assert.equal(editorView.modules[1].lessons[0].questions[0].answer, 0);
      assert.equal((await call(t, 'GET', `/courses/${course.id}/edit`, learner)).statusCode, 403);
      const catalogue = await ok(await call(t, 'GET', '/courses'));
      assert.ok(catalogue.some((entry: { id: string }) => entry.id === course.id));
    });

    test('learning: 90 % watched, reading to the end, tampered and graded quizzes, XP, streak, ranks, certificate', async () => {
      const { course, videoId, video, reading, quiz } = await buildCourse();
      assert.equal((await call(t, 'POST', `/courses/${course.id}/enrolment`, learner)).statusCode, 404);
      await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
      assert.equal((await call(t, 'POST', `/courses/${course.id}/lessons/${quiz.id}/open`, learner)).statusCode, 409);
      const enrolled = await ok(await call(t, 'POST', `/courses/${course.id}/enrolment`, learner));
      assert.deepEqual([enrolled.enrolled, enrolled.percent, enrolled.resumeLessonId], [true, 0, video.id]);

      // 80 % watched is not enough; 90 % is.
      await ok(
        await call(t, 'PUT', `/videos/${videoId}/progress`, learner, { positionSeconds: 80, watchedSeconds: 80 }),
      );
      assert.equal((await ok(await call(t, 'GET', `/courses/${course.id}/progress`, learner))).percent, 0);
      await ok(
        await call(t, 'PUT', `/videos/${videoId}/progress`, learner, { positionSeconds: 95, watchedSeconds: 12 }),
      );
      const watched = await ok(await call(t, 'GET', `/courses/${course.id}/progress`, learner));
      assert.deepEqual([watched.completedLessonIds, watched.xpAwarded], [[video.id], 10]);
      // Reading it again grants nothing twice.
      assert.equal((await ok(await call(t, 'GET', `/courses/${course.id}/progress`, learner))).xpAwarded, 0);

      await ok(await call(t, 'POST', `/courses/${course.id}/lessons/${reading.id}/open`, learner));
      assert.equal(
        (await ok(await call(t, 'GET', `/courses/${course.id}/progress`, learner))).resumeLessonId,
        reading.id,
      );
      const read = await ok(
        await call(t, 'POST', `/courses/${course.id}/lessons/${reading.id}/read`, learner, { scrolledToEnd: true }),
      );
      assert.equal(read.percent, 66);
      assert.equal(
        (await call(t, 'POST', `/courses/${course.id}/lessons/${quiz.id}/read`, learner, { scrolledToEnd: true }))
          .statusCode,
        409,
      );

      const [choice, cloze] = quiz.questions as Array<{ id: string }>;
      const attempts = `/courses/${course.id}/lessons/${quiz.id}/attempts`;
      for (const answers of [
        [{ questionId: choice!.id, answer: 0 }], // one unanswered
        [
          { questionId: choice!.id, answer: 7 },
          { questionId: cloze!.id, answer: 'dawn' },
        ], // no such option
        [
          { questionId: choice!.id, answer: 0 },
          { questionId: choice!.id, answer: 0 },
          { questionId: cloze!.id, answer: 'dawn' },
        ],
        [
          { questionId: 'forged', answer: 0 },
          { questionId: choice!.id, answer: 0 },
          { questionId: cloze!.id, answer: 'dawn' },
        ],
      ]) {
        const response = await call(t, 'POST', attempts, learner, { answers });
        assert.equal(response.statusCode, 400, JSON.stringify(answers));
        assert.equal(json(response).error.code, 'QUIZ_ANSWERS_INVALID');
      }
      const forgedScore = await call(t, 'POST', attempts, learner, { answers: [], scorePercent: 100 });
      assert.equal(forgedScore.statusCode, 400);

      const failed = await ok(
        await call(t, 'POST', attempts, learner, {
          answers: [
            { questionId: choice!.id, answer: 1 },
            { questionId: cloze!.id, answer: 'dusk' },
          ],
        }),
      );
      assert.deepEqual([failed.scorePercent, failed.passed, failed.attemptsLeft, failed.xpAwarded], [0, false, 1, 0]);
      assert.deepEqual(
        failed.results.map((r: { expected: unknown }) => r.expected),
        [0, 'dawn'],
      );
      const passed = await ok(
        await call(t, 'POST', attempts, learner, {
          answers: [
            { questionId: choice!.id, answer: 0 },
            { questionId: cloze!.id, answer: ' Dawn. ' },
          ],
        }),
      );
      assert.deepEqual([passed.scorePercent, passed.passed, passed.attemptsLeft, passed.xpAwarded], [100, true, 0, 20]);
      assert.equal(passed.progress.percent, 100);
      const exhausted = await call(t, 'POST', attempts, learner, {
        answers: [
          { questionId: choice!.id, answer: 0 },
          { questionId: cloze!.id, answer: 'dawn' },
        ],
      });
      assert.equal(json(exhausted).error.code, 'QUIZ_ATTEMPTS_EXHAUSTED');

      const certificateId = passed.progress.certificateId as string;
      const certificate = await ok(await call(t, 'GET', `/certificates/${certificateId}`));
      assert.equal(certificate.courseTitle, 'Birdsong');
      assert.equal((await call(t, 'GET', `/certificates/${crypto.randomUUID()}`)).statusCode, 404);

      const stats = await ok(await call(t, 'GET', '/me/learning', learner));
      assert.deepEqual([stats.xp, stats.weekXp, stats.streakDays], [40, 40, 1]);
      assert.ok(stats.rank >= 1);
      const board = await ok(await call(t, 'GET', `/leaderboards?scope=course&courseId=${course.id}`, learner));
      assert.deepEqual(board.me, { rank: 1, userId: learner.id, username: board.me.username, xp: 40 });
    });

    test('leaderboards: top N, my rank and neighbours, ties to whoever got there first, weekly boards kept', async () => {
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
      const courseBoard = await ok(
        await call(t, 'GET', `/leaderboards?scope=course&courseId=${course.id}`, learners[2]),
      );
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

    test('quiz questions in an existing quiz: add, edit, delete; ids and origins kept; a quiz keeps one question', async () => {
      const { course, quiz } = await buildCourse();
      const url = `/courses/${course.id}/lessons/${quiz.id}`;
      const [first, second] = quiz.questions;
      const input = (question: {
        id: string;
        kind: string;
        prompt: string;
        options: string[] | null;
        answer: unknown;
      }) => ({
        id: question.id,
        kind: question.kind,
        prompt: question.prompt,
        answer: question.answer,
        ...(question.options ? { options: question.options } : {}),
      });
      // Added at the end: a new id; the others keep theirs.
      const added = await ok(
        await call(t, 'PUT', url, creator, {
          questions: [input(first), input(second), { kind: 'cloze', prompt: 'Owls hunt at ____.', answer: 'night' }],
        }),
      );
      assert.equal(added.questions.length, 3);
      assert.deepEqual(
        added.questions.slice(0, 2).map((q: { id: string }) => q.id),
        [first.id, second.id],
      );
      assert.equal(added.questions[2].origin, 'manual');
      assert.ok(added.questions[2].id && ![first.id, second.id].includes(added.questions[2].id));
      // The first deleted, the new one edited (options changed on a choice question count as an edit).
      const edited = await ok(
        await call(t, 'PUT', url, creator, {
          questions: [input(second), { ...input(added.questions[2]), prompt: 'Owls hunt at ____ time.' }],
        }),
      );
      assert.deepEqual(
        edited.questions.map((q: { id: string; prompt: string }) => [q.id, q.prompt]),
        [
          [second.id, second.prompt],
          [added.questions[2].id, 'Owls hunt at ____ time.'],
        ],
      );
      const empty = await call(t, 'PUT', url, creator, { questions: [] });
      assert.equal(empty.statusCode, 422, empty.body);
      const twice = await call(t, 'PUT', url, creator, { questions: [input(second), input(second)] });
      assert.equal(twice.statusCode, 400, twice.body);
      const stored = await ok(await call(t, 'GET', `/courses/${course.id}/edit`, creator));
      assert.equal(stored.modules[0].lessons.find((l: { id: string }) => l.id === quiz.id).questions.length, 2);
    });

    test('generation options without a configured generator: offline only, and useGenerator is refused', async () => {
      const options = await ok(await call(t, 'GET', '/course-generation-options', creator));
      assert.equal(options.remoteGenerator, null);
      assert.equal(options.quota.used, 0);
      assert.equal(options.quota.remaining, options.quota.limit);
      assert.ok(options.quota.resetsInSeconds > 0 && options.quota.resetsInSeconds <= 86_400);
      assert.equal((await call(t, 'GET', '/course-generation-options')).statusCode, 401);
      const refused = await call(t, 'POST', '/course-generations', creator, {
        videoIds: [await readyVideo(t, creator)],
        useGenerator: true,
      });
      assert.equal(refused.statusCode, 422, refused.body);
      assert.match(json(refused).error.message, /No AI generator is configured/);
    });

    test('XP streaks across batches, a lesson completed twice in one batch pays once, many batches add up exactly', async () => {
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

    test('PDF export: a background job into storage, signed download, answer key for the creator only', async () => {
      const { course } = await buildCourse();
      await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
      assert.equal(
        (await call(t, 'POST', `/courses/${course.id}/exports`, learner, { answerKey: true })).statusCode,
        403,
      );
      const requested = await ok(
        await call(t, 'POST', `/courses/${course.id}/exports`, creator, { answerKey: true }),
        202,
      );
      assert.equal(requested.status, 'queued');
      assert.equal(requested.downloadUrl, null);
      await t.services.courses.exports.run({
        id: 'test',
        queue: 'courses',
        name: 'courses.export-pdf',
        payload: { exportId: requested.id },
        attempt: 1,
        signal: new AbortController().signal,
        reportProgress: async () => undefined,
      });
      const done = await ok(await call(t, 'GET', `/course-exports/${requested.id}`, creator));
      assert.equal(done.status, 'completed');
      assert.ok(done.pages >= 3, `title, module and answer key pages (${done.pages})`);
      const file = await t.app.inject({ method: 'GET', url: done.downloadUrl });
      assert.equal(file.statusCode, 200);
      assert.equal(file.headers['content-type'], 'application/pdf');
      assert.equal(file.rawPayload.length, done.bytes);
      const text = (await pdfPages(file.rawPayload)).pages.join('\n');
      for (const expected of ['Birdsong', 'Who sings at dawn?', 'Answer key', 'Check, Q2: dawn'])
        assert.ok(text.includes(expected), expected);
      const forged = await t.app.inject({ method: 'GET', url: done.downloadUrl.replace(/sig=[^&]+/, 'sig=forged') });
      assert.equal(forged.statusCode, 404);
      assert.equal((await call(t, 'GET', `/course-exports/${requested.id}`, learner)).statusCode, 404);
    });
  });
}
