// A learner through a published course: enrolment, a video lesson done at 90 % watched, a reading read
// to the end, tampered and graded quiz attempts, then XP, streak, rank and the certificate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { json } from '../../../test/support/app.ts';
import { call } from '../channels/channel-test-support.ts';
import { describeCourses, ok } from './course-test-support.ts';

describeCourses('course learning', (kit) => {
  test('learning: 90 % watched, reading to the end, tampered and graded quizzes, XP, streak, ranks, certificate', async () => {
    const { t, creator, learner, buildCourse } = kit();
    const { course, videoId, video, reading, quiz } = await buildCourse();
    assert.equal((await call(t, 'POST', `/courses/${course.id}/enrolment`, learner)).statusCode, 404);
    await ok(await call(t, 'POST', `/courses/${course.id}/publish`, creator, { published: true }));
    assert.equal((await call(t, 'POST', `/courses/${course.id}/lessons/${quiz.id}/open`, learner)).statusCode, 409);
    const enrolled = await ok(await call(t, 'POST', `/courses/${course.id}/enrolment`, learner));
    assert.deepEqual([enrolled.enrolled, enrolled.percent, enrolled.resumeLessonId], [true, 0, video.id]);

    // 80 % watched is not enough; 90 % is.
    await ok(await call(t, 'PUT', `/videos/${videoId}/progress`, learner, { positionSeconds: 80, watchedSeconds: 80 }));
    assert.equal((await ok(await call(t, 'GET', `/courses/${course.id}/progress`, learner))).percent, 0);
    await ok(await call(t, 'PUT', `/videos/${videoId}/progress`, learner, { positionSeconds: 95, watchedSeconds: 12 }));
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
});
