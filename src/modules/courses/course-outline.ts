import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { toIso, toIsoOrNull } from '../../platform/http/envelope.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { assertCourseEditable, assertCourseReadable, findCourse, type CourseRow } from './course-access.ts';
import type { LessonRow, ModuleRow } from './course-editor.ts';
import type { QuizQuestion } from './tables.ts';

export const toCourse = (course: CourseRow) => ({
  id: course.id,
  creatorId: course.creator_id,
  title: course.title,
  description: course.description,
  coverUrl: course.cover_url,
  level: course.level,
  language: course.language,
  visibility: course.visibility,
  status: course.status,
  publishedAt: toIsoOrNull(course.published_at),
  createdAt: toIso(course.created_at),
  updatedAt: toIso(course.updated_at),
});

export const toModule = (module: ModuleRow) => ({
  id: module.id,
  title: module.title,
  position: module.position,
  origin: module.origin,
});

/** A question for learners: the answer stays on the server until they submit. */
const publicQuestion = (question: QuizQuestion) => ({
  id: question.id,
  kind: question.kind,
  prompt: question.prompt,
  options: question.options ?? null,
  citation: question.citation ?? null,
  origin: question.origin,
});

const editorQuestion = (question: QuizQuestion) => ({ ...publicQuestion(question), answer: question.answer });

export function toLesson(
  lesson: LessonRow,
  withAnswers: true,
): ReturnType<typeof lessonBase> & { questions: ReturnType<typeof editorQuestion>[] };
export function toLesson(
  lesson: LessonRow,
  withAnswers: false,
): ReturnType<typeof lessonBase> & { questions: ReturnType<typeof publicQuestion>[] };
export function toLesson(lesson: LessonRow, withAnswers: boolean) {
  return { ...lessonBase(lesson), questions: lesson.quiz.map(withAnswers ? editorQuestion : publicQuestion) };
}

const lessonBase = (lesson: LessonRow) => ({
  id: lesson.id,
  moduleId: lesson.module_id,
  position: lesson.position,
  kind: lesson.kind,
  title: lesson.title,
  summary: lesson.summary,
  videoId: lesson.video_id,
  bodyMarkdown: lesson.body_markdown,
  passPercent: lesson.pass_percent,
  maxAttempts: lesson.max_attempts,
  xp: lesson.xp,
  origin: lesson.origin,
});

/** Modules in order, each with its lessons in order. */
export async function loadOutline(db: Kysely<DB>, courseId: string) {
  const [modules, lessons] = await Promise.all([
    db
      .selectFrom('course_modules')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('course_lessons')
      .selectAll()
      .where('course_id', '=', courseId)
      .orderBy('position')
      .orderBy('created_at')
      .execute(),
  ]);
  return modules.map((module) => ({ module, lessons: lessons.filter((lesson) => lesson.module_id === module.id) }));
}

/** Course pages: the outline for learners (no answers) and for the creator's builder (with answers). */
export class CourseOutlines {
  constructor(private readonly db: Kysely<DB>) {}

  async forLearner(viewer: AuthenticatedUser | undefined, courseId: string) {
    const course = await findCourse(this.db, courseId);
    assertCourseReadable(viewer, course);
    const outline = await loadOutline(this.db, courseId);
    return {
      course: toCourse(course),
      creator: await this.creator(course),
      modules: outline.map(({ module, lessons }) => ({
        ...toModule(module),
        lessons: lessons.map((lesson) => toLesson(lesson, false)),
      })),
    };
  }

  async forEditor(actor: AuthenticatedUser, courseId: string) {
    const course = await findCourse(this.db, courseId);
    assertCourseEditable(actor, course);
    const outline = await loadOutline(this.db, courseId);
    return {
      course: toCourse(course),
      creator: await this.creator(course),
      modules: outline.map(({ module, lessons }) => ({
        ...toModule(module),
        lessons: lessons.map((lesson) => toLesson(lesson, true)),
      })),
    };
  }

  /** Published public courses, newest first; or (mine) every course the caller created. */
  async catalogue(viewer: AuthenticatedUser | undefined, mine: boolean, limit: number) {
    let query = this.db.selectFrom('courses').selectAll();
    query =
      mine && viewer
        ? query.where('creator_id', '=', viewer.id).orderBy('created_at', 'desc')
        : query.where('status', '=', 'published').where('visibility', '=', 'public').orderBy('published_at', 'desc');
    const rows = await query.orderBy('id').limit(limit).execute();
    return rows.map(toCourse);
  }

  private async creator(course: CourseRow) {
    const row = await this.db
      .selectFrom('courses as c')
      .innerJoin('users as u', 'u.id', 'c.creator_id')
      .select(['u.id', 'u.username'])
      .where('c.id', '=', course.id)
      .executeTakeFirstOrThrow();
    return { id: row.id, username: row.username };
  }
}
