import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { forbidden, notFound } from '../../platform/http/errors.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { ObjectStorage } from '../../platform/storage/object-storage.ts';
import { assertCourseReadable, findCourse, isCourseEditor } from './course-access.ts';
import { countingStream, writeCoursePdf } from './course-pdf.ts';
import { COURSES_QUEUE } from './course-generation.ts';
import type { CourseExportsTable } from './tables.ts';

export const EXPORT_COURSE_PDF_JOB = 'courses.export-pdf';
export type ExportRow = Selectable<CourseExportsTable>;

/**
 * PDF exports: requested through the API, written by a job straight into object storage, downloaded
 * through a signed, expiring URL (so a link can be handed to a browser without a bearer token).
 */
export class CourseExports {
  private readonly key: Buffer;

  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      jobs: JobQueue;
      storage: ObjectStorage;
      secret: string;
      urlTtlSeconds: number;
    },
  ) {
    // A key of its own, so an export signature can never double as anything else signed with the secret.
    this.key = createHmac('sha256', deps.secret).update('streamhub course export url v1').digest();
  }

  /** Anyone who can read the course may export it; the answer key is for its creator only. */
  async request(actor: AuthenticatedUser, courseId: string, answerKey: boolean): Promise<ExportRow> {
    const course = await findCourse(this.deps.db, courseId);
    assertCourseReadable(actor, course);
    if (answerKey && !isCourseEditor(actor, course))
      throw forbidden("Only the course's creator can export the answer key");
    const row = await this.deps.db
      .insertInto('course_exports')
      .values({ course_id: courseId, user_id: actor.id, answer_key: answerKey })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.deps.jobs.enqueue(
      COURSES_QUEUE,
      EXPORT_COURSE_PDF_JOB,
      { exportId: row.id },
      { priority: 'low', attempts: 2 },
    );
    return row;
  }

  async get(actor: AuthenticatedUser, id: string): Promise<ExportRow> {
    const row = await this.deps.db.selectFrom('course_exports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.user_id !== actor.id && actor.role !== 'admin')) throw notFound('Export');
    return row;
  }

  /** `/api/v1/course-exports/{id}/file?expires=…&sig=…`, valid for the configured time. */
  downloadPath(row: ExportRow, nowUnix = Math.floor(Date.now() / 1000)): string | null {
    if (row.status !== 'completed') return null;
    const expires = nowUnix + this.deps.urlTtlSeconds;
    return `/api/v1/course-exports/${row.id}/file?expires=${expires}&sig=${this.sign(row.id, expires)}`;
  }

  /** The PDF for a valid signature; 404 for anything else, so a bad link reveals nothing. */
  async open(id: string, expires: number, signature: string, nowUnix = Math.floor(Date.now() / 1000)) {
    const expected = Buffer.from(this.sign(id, expires));
    const given = Buffer.from(signature);
    if (expires < nowUnix || expected.length !== given.length || !timingSafeEqual(expected, given))
      throw notFound('Export');
    const row = await this.deps.db.selectFrom('course_exports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row?.storage_key || row.status !== 'completed') throw notFound('Export');
    return this.deps.storage.getObject(row.storage_key);
  }

  /** The job: streams the PDF into storage, then records pages and size. */
  async run(job: JobContext<{ exportId: string }>): Promise<{ pages: number }> {
    const { db, storage } = this.deps;
    const row = await db
      .selectFrom('course_exports')
      .selectAll()
      .where('id', '=', job.payload.exportId)
      .executeTakeFirst();
    if (!row || row.status === 'completed') return { pages: row?.pages ?? 0 };
    await db.updateTable('course_exports').set({ status: 'running' }).where('id', '=', row.id).execute();
    const key = `course-exports/${row.course_id}/${row.id}.pdf`;
    try {
      const stream = countingStream();
      const [pages] = await Promise.all([
        writeCoursePdf(db, row.course_id, stream, { answerKey: row.answer_key }),
        storage.putObject(key, stream, { contentType: 'application/pdf' }),
      ]);
      await db
        .updateTable('course_exports')
        .set({ status: 'completed', storage_key: key, pages, bytes: stream.bytes, finished_at: new Date() })
        .where('id', '=', row.id)
        .execute();
      return { pages };
    } catch (error) {
      if (job.attempt >= 2)
        await db
          .updateTable('course_exports')
          .set({ status: 'failed', failure_reason: (error as Error).message, finished_at: new Date() })
          .where('id', '=', row.id)
          .execute();
      throw error;
    }
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${id}:${expires}`).digest('base64url');
  }
}
