import type { Selectable } from 'kysely';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, forbidden, notFound } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import type { Executor } from '../../platform/db/transaction.ts';
import type { CoursesTable } from './tables.ts';

export type CourseRow = Selectable<CoursesTable>;

export const isCourseEditor = (actor: AuthenticatedUser | undefined, course: CourseRow) =>
  actor !== undefined && (actor.id === course.creator_id || actor.role === 'admin');

export function findCourse(db: Executor, id: string): Promise<CourseRow | undefined> {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Drafts and private courses are their creator's (and admins'); anyone with the link reads the rest.
 * 404 rather than 403 so a draft does not reveal that it exists.
 */
export function assertCourseReadable(
  actor: AuthenticatedUser | undefined,
  course: CourseRow | undefined,
): asserts course is CourseRow {
  if (!course) throw notFound('Course');
  if (isCourseEditor(actor, course)) return;
  if (course.status !== 'published' || course.visibility === 'private') throw notFound('Course');
}

export function assertCourseEditable(
  actor: AuthenticatedUser,
  course: CourseRow | undefined,
): asserts course is CourseRow {
  assertCourseReadable(actor, course);
  if (!isCourseEditor(actor, course)) throw forbidden("Only the course's creator (or an admin) can change it");
}

/** Learners enrol in published courses only. */
export function assertEnrollable(course: CourseRow): void {
  if (course.status !== 'published')
    throw new AppError(409, ErrorCode.COURSE_NOT_PUBLISHED, 'This course is not published yet');
}
