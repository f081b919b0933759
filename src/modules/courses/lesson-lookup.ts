import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { notFound } from '../../platform/http/errors.ts';
import { assertCourseReadable, findCourse, isCourseEditor } from './course-access.ts';

export interface LessonSubject {
  lessonId: string;
  courseId: string;
  title: string;
  /** The course's team (its creator, and admins) may edit the lesson's team notes. */
  teamEditable: boolean;
  creatorId: string;
}

/** Other features (shared notes) ask about a lesson through this, never through the course tables. */
export class LessonLookup {
  constructor(private readonly db: Kysely<DB>) {}

  /** The lesson if the actor may read its course (404 otherwise, as for the course itself). */
  async readable(actor: AuthenticatedUser | undefined, lessonId: string): Promise<LessonSubject> {
    const lesson = await this.db
      .selectFrom('course_lessons')
      .select(['id', 'course_id', 'title'])
      .where('id', '=', lessonId)
      .executeTakeFirst();
    if (!lesson) throw notFound('Lesson');
    const course = await findCourse(this.db, lesson.course_id);
    assertCourseReadable(actor, course);
    return {
      lessonId: lesson.id,
      courseId: course.id,
      title: lesson.title,
      teamEditable: isCourseEditor(actor, course),
      creatorId: course.creator_id,
    };
  }
}
