import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { VideoService } from '../videos/service.ts';
import { inTransaction, type Executor } from '../../platform/db/transaction.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound, unprocessable } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { assertCourseEditable, findCourse, type CourseRow } from './course-access.ts';
import { sanitiseMarkdown } from './markdown-sanitiser.ts';
import type { CourseInput, CourseOrder, CreateLessonInput, QuestionInput, UpdateLessonInput } from './schemas.ts';
import type { CourseLessonsTable, CourseModulesTable, ItemOrigin, QuizQuestion } from './tables.ts';

export type ModuleRow = Selectable<CourseModulesTable>;
export type LessonRow = Selectable<CourseLessonsTable>;

/** A generated item that the creator changes becomes "edited"; manual and edited items stay as they are. */
const afterEdit = (origin: ItemOrigin): ItemOrigin => (origin === 'generated' ? 'edited' : origin);

/**
 * Questions as stored: each keeps an id (so attempts refer to it) and whether it was generated, edited
 * or written by hand. A generated question whose content the creator changed becomes "edited".
 */
export function mergeQuestions(
  incoming: QuestionInput[],
  stored: QuizQuestion[],
  originForNew: ItemOrigin = 'manual',
): QuizQuestion[] {
  const byId = new Map(stored.map((question) => [question.id, question]));
  return incoming.map((question) => {
    const previous = question.id ? byId.get(question.id) : undefined;
    const next: QuizQuestion = {
      id: previous?.id ?? randomUUID().slice(0, 12),
      kind: question.kind,
      prompt: question.prompt,
      ...(question.options ? { options: question.options } : {}),
      answer: question.answer,
      ...(question.citation ? { citation: question.citation } : {}),
      origin: originForNew,
    };
    if (!previous) return next;
    const same =
      previous.kind === next.kind &&
      previous.prompt === next.prompt &&
      JSON.stringify(previous.options ?? null) === JSON.stringify(next.options ?? null) &&
      previous.answer === next.answer;
    return {
      ...next,
      citation: next.citation ?? previous.citation,
      origin: same ? previous.origin : afterEdit(previous.origin),
    };
  });
}

/** Creating, editing, ordering and publishing courses, their modules and lessons (the creator's side). */
export class CourseEditor {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly videos: VideoService,
  ) {}

  async create(actor: AuthenticatedUser, input: CourseInput & { title: string }): Promise<CourseRow> {
    assertHasChannel(actor, 'make courses');
    return this.db
      .insertInto('courses')
      .values({
        creator_id: actor.id,
        title: input.title,
        description: input.description ?? '',
        cover_url: input.coverUrl ?? null,
        level: input.level,
        language: input.language,
        visibility: input.visibility,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async update(actor: AuthenticatedUser, id: string, input: CourseInput): Promise<CourseRow> {
    assertCourseEditable(actor, await findCourse(this.db, id));
    return this.db
      .updateTable('courses')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.coverUrl !== undefined ? { cover_url: input.coverUrl } : {}),
        ...(input.level !== undefined ? { level: input.level } : {}),
        ...(input.language !== undefined ? { language: input.language } : {}),
        ...(input.visibility !== undefined ? { visibility: input.visibility } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Publishing needs at least one lesson; unpublishing keeps enrolments and progress. */
  async setPublished(actor: AuthenticatedUser, id: string, published: boolean): Promise<CourseRow> {
    const course = await findCourse(this.db, id);
    assertCourseEditable(actor, course);
    if (published) {
      const lesson = await this.db
        .selectFrom('course_lessons')
        .select('id')
        .where('course_id', '=', id)
        .executeTakeFirst();
      if (!lesson) throw unprocessable('A course needs at least one lesson before it is published');
    }
    return this.db
      .updateTable('courses')
      .set({
        status: published ? 'published' : 'draft',
        published_at: published ? (course.published_at ?? new Date()) : course.published_at,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async remove(actor: AuthenticatedUser, id: string): Promise<void> {
    assertCourseEditable(actor, await findCourse(this.db, id));
    await this.db.deleteFrom('courses').where('id', '=', id).execute();
  }

  async addModule(actor: AuthenticatedUser, courseId: string, title: string, origin: ItemOrigin = 'manual') {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    return insertModule(this.db, courseId, title, origin);
  }

  async renameModule(actor: AuthenticatedUser, courseId: string, moduleId: string, title: string): Promise<ModuleRow> {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    const current = await this.findModule(courseId, moduleId);
    return this.db
      .updateTable('course_modules')
      .set({ title, origin: afterEdit(current.origin) })
      .where('id', '=', moduleId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async removeModule(actor: AuthenticatedUser, courseId: string, moduleId: string): Promise<void> {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    await this.findModule(courseId, moduleId);
    await this.db.deleteFrom('course_modules').where('id', '=', moduleId).execute();
  }

  async addLesson(actor: AuthenticatedUser, courseId: string, moduleId: string, input: CreateLessonInput) {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    await this.findModule(courseId, moduleId);
    if (input.videoId) await this.assertUsableVideo(actor, input.videoId);
    return insertLesson(this.db, courseId, moduleId, input, 'manual');
  }

  async updateLesson(
    actor: AuthenticatedUser,
    courseId: string,
    lessonId: string,
    input: UpdateLessonInput,
  ): Promise<LessonRow> {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    const lesson = await this.findLesson(courseId, lessonId);
    if (input.videoId) await this.assertUsableVideo(actor, input.videoId);
    if (input.videoId !== undefined && lesson.kind !== 'video')
      throw new AppError(409, ErrorCode.WRONG_LESSON_KIND, 'Only a video lesson has a video');
    if (input.questions !== undefined && lesson.kind !== 'quiz')
      throw new AppError(409, ErrorCode.WRONG_LESSON_KIND, 'Only a quiz lesson has questions');
    if (input.questions?.length === 0) throw unprocessable('A quiz needs at least one question');
    const lessonTextChanged = [input.title, input.summary, input.bodyMarkdown, input.videoId].some(
      (value) => value !== undefined,
    );
    return this.db
      .updateTable('course_lessons')
      .set({
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.videoId !== undefined ? { video_id: input.videoId } : {}),
        ...(input.bodyMarkdown !== undefined ? { body_markdown: sanitiseMarkdown(input.bodyMarkdown) } : {}),
        ...(input.questions !== undefined
          ? { quiz: JSON.stringify(mergeQuestions(input.questions, lesson.quiz)) }
          : {}),
        ...(input.passPercent !== undefined ? { pass_percent: input.passPercent } : {}),
        ...(input.maxAttempts !== undefined ? { max_attempts: input.maxAttempts } : {}),
        ...(input.xp !== undefined ? { xp: input.xp } : {}),
        ...(lessonTextChanged ? { origin: afterEdit(lesson.origin) } : {}),
        updated_at: new Date(),
      })
      .where('id', '=', lessonId)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  async removeLesson(actor: AuthenticatedUser, courseId: string, lessonId: string): Promise<void> {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    await this.findLesson(courseId, lessonId);
    await this.db.deleteFrom('course_lessons').where('id', '=', lessonId).execute();
  }

  /**
   * Drag and drop sends the whole outline's new order. It must name every module and every lesson of
   * the course exactly once (a stale client is told so rather than silently losing an item).
   */
  async reorder(actor: AuthenticatedUser, courseId: string, order: CourseOrder): Promise<void> {
    assertCourseEditable(actor, await findCourse(this.db, courseId));
    await inTransaction(this.db, async (trx) => {
      const modules = await trx.selectFrom('course_modules').select('id').where('course_id', '=', courseId).execute();
      const lessons = await trx.selectFrom('course_lessons').select('id').where('course_id', '=', courseId).execute();
      const sentModules = order.modules.map((module) => module.id);
      const sentLessons = order.modules.flatMap((module) => module.lessonIds);
      if (
        !sameSet(
          sentModules,
          modules.map((row) => row.id),
        ) ||
        !sameSet(
          sentLessons,
          lessons.map((row) => row.id),
        )
      )
        throw new AppError(
          409,
          ErrorCode.ORDER_MISMATCH,
          'The order must list every module and lesson of the course exactly once; reload the outline',
        );
      for (const [modulePosition, module] of order.modules.entries()) {
        await trx.updateTable('course_modules').set({ position: modulePosition }).where('id', '=', module.id).execute();
        for (const [lessonPosition, lessonId] of module.lessonIds.entries())
          await trx
            .updateTable('course_lessons')
            .set({ module_id: module.id, position: lessonPosition })
            .where('id', '=', lessonId)
            .execute();
      }
    });
  }

  /** A creator may teach with their own videos and anyone's public ones, once they are ready. */
  private async assertUsableVideo(actor: AuthenticatedUser, videoId: string): Promise<void> {
    const video = await this.videos.getVisible(actor, videoId).catch(() => undefined);
    const usable =
      video &&
      video.status === 'ready' &&
      video.deleted_at === null &&
      (video.creator_id === actor.id || video.visibility === 'public');
    if (!usable) throw unprocessable('The video must be ready and either yours or public');
  }

  private async findModule(courseId: string, moduleId: string): Promise<ModuleRow> {
    const module = await this.db
      .selectFrom('course_modules')
      .selectAll()
      .where('id', '=', moduleId)
      .where('course_id', '=', courseId)
      .executeTakeFirst();
    if (!module) throw notFound('Module');
    return module;
  }

  private async findLesson(courseId: string, lessonId: string): Promise<LessonRow> {
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

const sameSet = (sent: string[], stored: string[]) =>
  new Set(sent).size === sent.length && sent.length === stored.length && stored.every((id) => sent.includes(id));

/** Appends a module at the end of the course (also used by course generation). */
export async function insertModule(db: Executor, courseId: string, title: string, origin: ItemOrigin) {
  const last = await db
    .selectFrom('course_modules')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('course_id', '=', courseId)
    .executeTakeFirst();
  return db
    .insertInto('course_modules')
    .values({ course_id: courseId, title, origin, position: (last?.position ?? -1) + 1 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Appends a lesson at the end of a module (also used by course generation). */
export async function insertLesson(
  db: Executor,
  courseId: string,
  moduleId: string,
  input: CreateLessonInput,
  origin: ItemOrigin,
): Promise<LessonRow> {
  const last = await db
    .selectFrom('course_lessons')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('module_id', '=', moduleId)
    .executeTakeFirst();
  return db
    .insertInto('course_lessons')
    .values({
      course_id: courseId,
      module_id: moduleId,
      position: (last?.position ?? -1) + 1,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? '',
      video_id: input.kind === 'video' ? (input.videoId ?? null) : null,
      body_markdown: sanitiseMarkdown(input.bodyMarkdown ?? ''),
      quiz: JSON.stringify(input.kind === 'quiz' ? mergeQuestions(input.questions ?? [], [], origin) : []),
      pass_percent: input.passPercent,
      max_attempts: input.maxAttempts,
      xp: input.xp,
      origin,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
