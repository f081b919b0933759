import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { toIso } from '../../platform/http/envelope.ts';
import { assertCourseReadable, assertEnrollable, findCourse } from './course-access.ts';
import type { LessonRow } from './course-editor.ts';
import { loadOutline } from './course-outline.ts';
import { gradeQuiz } from './quiz-grader.ts';
import type { AttemptInput } from './schemas.ts';
import type { XpLedger } from './xp-ledger.ts';

/** A video lesson counts as done once this share of the video was watched (from watch history). */
export const VIDEO_COMPLETE_SHARE = 0.9;

export interface Progress {
  enrolled: boolean;
  completedLessonIds: string[];
  lessonCount: number;
  percent: number;
  resumeLessonId: string | null;
  certificateId: string | null;
  xpAwarded: number;
}

/**
 * The learner's side: enrolment, progress that follows from what they do (watching, reading, passing
 * quizzes), XP and the certificate at 100 %.
 */
export class Learning {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly xp: XpLedger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async enrol(user: AuthenticatedUser, courseId: string): Promise<Progress> {
    const course = await findCourse(this.db, courseId);
    assertCourseReadable(user, course);
    assertEnrollable(course);
    await this.db
      .insertInto('course_enrolments')
      .values({ course_id: courseId, user_id: user.id })
      .onConflict((conflict) => conflict.columns(['course_id', 'user_id']).doNothing())
      .execute();
    return this.progress(user, courseId);
  }

  /**
   * Progress, after bringing video lessons up to date: each one whose video the learner has watched
   * to 90 % (the views module's watch history) is completed here, with its XP.
   */
  async progress(user: AuthenticatedUser, courseId: string): Promise<Progress> {
    const course = await findCourse(this.db, courseId);
    assertCourseReadable(user, course);
    const enrolment = await this.enrolment(user.id, courseId);
    if (!enrolment)
      return {
        enrolled: false,
        completedLessonIds: [],
        lessonCount: 0,
        percent: 0,
        resumeLessonId: null,
        certificateId: null,
        xpAwarded: 0,
      };
    const watched = await this.db
      .selectFrom('course_lessons as l')
      .innerJoin('videos as v', 'v.id', 'l.video_id')
      .innerJoin('watch_history as w', (join) =>
        join.onRef('w.video_id', '=', 'l.video_id').on('w.user_id', '=', user.id),
      )
      .leftJoin('course_lesson_progress as p', (join) =>
        join.onRef('p.lesson_id', '=', 'l.id').on('p.user_id', '=', user.id),
      )
      .selectAll('l')
      .where('l.course_id', '=', courseId)
      .where('l.kind', '=', 'video')
      .where('p.lesson_id', 'is', null)
      .where((eb) =>
        eb.or([
          eb('w.completed', '=', true),
          eb('w.watched_seconds', '>=', sql<number>`${VIDEO_COMPLETE_SHARE} * coalesce(v.duration_seconds, 0)`),
        ]),
      )
      .where('v.duration_seconds', '>', 0)
      .execute();
    let xpAwarded = 0;
    for (const lesson of watched) xpAwarded += await this.complete(user.id, lesson);
    return { ...(await this.snapshot(user.id, courseId)), xpAwarded };
  }

  /** Opening a lesson remembers it as the place to resume. */
  async open(user: AuthenticatedUser, courseId: string, lessonId: string): Promise<Progress> {
    await this.requireEnrolled(user, courseId);
    await this.lesson(courseId, lessonId);
    await this.db
      .updateTable('course_enrolments')
      .set({ last_lesson_id: lessonId })
      .where('course_id', '=', courseId)
      .where('user_id', '=', user.id)
      .execute();
    return this.progress(user, courseId);
  }

  /** A reading is done once the learner scrolled to its end (the web reports it). */
  async finishReading(user: AuthenticatedUser, courseId: string, lessonId: string): Promise<Progress> {
    await this.requireEnrolled(user, courseId);
    const lesson = await this.lesson(courseId, lessonId);
    if (lesson.kind !== 'reading')
      throw new AppError(409, ErrorCode.WRONG_LESSON_KIND, 'Only a reading is completed by reading it');
    const xpAwarded = await this.complete(user.id, lesson);
    return { ...(await this.snapshot(user.id, courseId)), xpAwarded };
  }

  /** Grades an attempt on the server; a pass completes the lesson and earns XP scaled by the score. */
  async attempt(user: AuthenticatedUser, courseId: string, lessonId: string, input: AttemptInput) {
    await this.requireEnrolled(user, courseId);
    const lesson = await this.lesson(courseId, lessonId);
    if (lesson.kind !== 'quiz') throw new AppError(409, ErrorCode.WRONG_LESSON_KIND, 'This lesson is not a quiz');
    const grade = gradeQuiz(lesson.quiz, input);
    const passed = grade.scorePercent >= lesson.pass_percent;
    const attemptsLeft = await this.db.transaction().execute(async (trx) => {
      // Serialise one learner's attempts at one quiz so two parallel submissions cannot both be the last.
      await sql`select pg_advisory_xact_lock(hashtext(${`course-quiz:${lessonId}:${user.id}`}))`.execute(trx);
      const used = await trx
        .selectFrom('course_quiz_attempts')
        .select((eb) => eb.fn.countAll<string>().as('count'))
        .where('lesson_id', '=', lessonId)
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      if (Number(used.count) >= lesson.max_attempts)
        throw new AppError(409, ErrorCode.QUIZ_ATTEMPTS_EXHAUSTED, `All ${lesson.max_attempts} attempts are used`);
      await trx
        .insertInto('course_quiz_attempts')
        .values({
          lesson_id: lessonId,
          user_id: user.id,
          score_percent: grade.scorePercent,
          passed,
          answers: JSON.stringify(input.answers),
        })
        .execute();
      return lesson.max_attempts - Number(used.count) - 1;
    });
    const xpAwarded = passed
      ? await this.complete(user.id, lesson, Math.round((lesson.xp * grade.scorePercent) / 100))
      : 0;
    return {
      scorePercent: grade.scorePercent,
      passed,
      attemptsLeft,
      xpAwarded,
      results: grade.results,
      progress: { ...(await this.snapshot(user.id, courseId)), xpAwarded },
    };
  }

  /** The public certificate: who completed which course, when. */
  async certificate(id: string) {
    const row = await this.db
      .selectFrom('course_enrolments as e')
      .innerJoin('courses as c', 'c.id', 'e.course_id')
      .innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['e.certificate_id', 'e.completed_at', 'c.id as course_id', 'c.title', 'u.username'])
      .where('e.certificate_id', '=', id)
      .executeTakeFirst();
    if (!row?.completed_at) throw notFound('Certificate');
    return {
      id,
      courseId: row.course_id,
      courseTitle: row.title,
      learner: row.username,
      completedAt: toIso(row.completed_at),
    };
  }

  /**
   * Marks a lesson done (once) and awards its XP through the ledger's group commit; when it was the
   * last lesson, issues the certificate.
   */
  private async complete(userId: string, lesson: LessonRow, xp = lesson.xp): Promise<number> {
    const granted = await this.xp.award({
      userId,
      courseId: lesson.course_id,
      lessonId: lesson.id,
      sourceKey: `lesson:${lesson.id}`,
      xp,
      at: this.now(),
    });
    await this.issueCertificate(userId, lesson.course_id);
    return granted;
  }

  /**
   * Issues the certificate once every lesson is done (one conditional update, idempotent). Also run
   * when progress is read, so a completion whose certificate step was interrupted still gets one.
   */
  private async issueCertificate(userId: string, courseId: string): Promise<void> {
    await this.db
      .updateTable('course_enrolments')
      .set({ completed_at: this.now(), certificate_id: randomUUID() })
      .where('course_id', '=', courseId)
      .where('user_id', '=', userId)
      .where('certificate_id', 'is', null)
      .where(
        sql<boolean>`(select count(*) from course_lessons where course_id = ${courseId}) > 0 and
          (select count(*) from course_lessons where course_id = ${courseId}) =
          (select count(*) from course_lesson_progress p join course_lessons l on l.id = p.lesson_id
            where p.user_id = ${userId} and l.course_id = ${courseId})`,
      )
      .execute();
  }

  private async snapshot(userId: string, courseId: string): Promise<Progress> {
    const [outline, done, enrolled] = await Promise.all([
      loadOutline(this.db, courseId),
      this.db
        .selectFrom('course_lesson_progress')
        .select('lesson_id')
        .where('user_id', '=', userId)
        .where('course_id', '=', courseId)
        .execute(),
      this.enrolment(userId, courseId),
    ]);
    const ordered = outline.flatMap(({ lessons }) => lessons.map((lesson) => lesson.id));
    const completed = new Set(done.map((row) => row.lesson_id));
    const completedLessonIds = ordered.filter((id) => completed.has(id));
    let enrolment = enrolled;
    if (enrolment && !enrolment.certificate_id && ordered.length > 0 && completedLessonIds.length === ordered.length) {
      await this.issueCertificate(userId, courseId);
      enrolment = await this.enrolment(userId, courseId);
    }
    const resume = enrolment?.last_lesson_id ?? ordered.find((id) => !completed.has(id)) ?? ordered[0] ?? null;
    return {
      enrolled: enrolment !== undefined,
      completedLessonIds,
      lessonCount: ordered.length,
      percent: ordered.length === 0 ? 0 : Math.floor((completedLessonIds.length / ordered.length) * 100),
      resumeLessonId: resume,
      certificateId: enrolment?.certificate_id ?? null,
      xpAwarded: 0,
    };
  }

  private enrolment(userId: string, courseId: string) {
    return this.db
      .selectFrom('course_enrolments')
      .selectAll()
      .where('course_id', '=', courseId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
  }

  private async requireEnrolled(user: AuthenticatedUser, courseId: string): Promise<void> {
    const course = await findCourse(this.db, courseId);
    assertCourseReadable(user, course);
    if (!(await this.enrolment(user.id, courseId)))
      throw new AppError(409, ErrorCode.NOT_ENROLLED, 'Enrol in the course first');
  }

  private async lesson(courseId: string, lessonId: string): Promise<LessonRow> {
    const lesson = await this.db
      .selectFrom('course_lessons')
      .selectAll()
      .where('id', '=', lessonId)
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (!lesson) throw notFound('Lesson');
    return lesson;
  }
}
