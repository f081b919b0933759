import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Ai } from '../../platform/ai/ai.ts';
import type { DB } from '../../platform/db/schema.ts';
import { assertHasChannel, type AuthenticatedUser } from '../../platform/http/auth-guard.ts';
import { AppError, notFound, unprocessable } from '../../platform/http/errors.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import type { JobContext, JobQueue } from '../../platform/jobs/job-queue.ts';
import type { VideoService } from '../videos/service.ts';
import { insertLesson, insertModule } from './course-editor.ts';
import type { CourseDraft } from './course-draft.ts';
import { remoteGeneratorModel, writeWithGenerator } from './course-writer.ts';
import { loadSections } from './generation-sources.ts';
import { buildLocalCourse } from './local-course-builder.ts';
import type { CourseGenerationsTable } from './tables.ts';
import type { PubSub } from '../../platform/pubsub/pubsub.ts';
import { publishGenerationChange } from './generation-stream.ts';

export const COURSES_QUEUE = 'courses';
export const GENERATE_COURSE_JOB = 'courses.generate';
/** Runs allowed per generation: one retry for a crash or a transient failure. */
const GENERATION_ATTEMPTS = 2;

export type GenerationRow = Selectable<CourseGenerationsTable>;

export interface GenerationRequest {
  title?: string;
  videoIds: string[];
  documentIds: string[];
  questionsPerModule: number;
  /** Ask the configured generator to write the course (counts against the daily token quota). */
  useGenerator: boolean;
}

const secondsUntilUtcMidnight = (now: Date) =>
  Math.ceil((Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000);

/**
 * "Generate a course" as a job: idempotent per (user, sources, options), metered against a daily
 * token quota per user, and safe to retry (the generator's output is saved as soon as it is paid for).
 */
export class CourseGeneration {
  constructor(
    private readonly deps: {
      db: Kysely<DB>;
      jobs: JobQueue;
      ai: Ai;
      videos: VideoService;
      dailyTokens: number;
      /** Tells event streams (in any process) that a generation changed. */
      pubsub: PubSub;
    },
  ) {}

  /**
   * What the studio offers before a generation: whether a remote generator is configured (its model),
   * and the user's quota today with when it resets.
   */
  async options(userId: string) {
    const now = new Date();
    return {
      remoteGenerator: remoteGeneratorModel(this.deps.ai),
      quota: { ...(await this.quota(userId)), resetsInSeconds: secondsUntilUtcMidnight(now) },
    };
  }

  /** Tokens the user's generations used today and what is left. */
  async quota(userId: string): Promise<{ used: number; remaining: number; limit: number }> {
    const row = await this.deps.db
      .selectFrom('course_generations')
      .select(sql<string>`coalesce(sum(tokens_used), 0)`.as('used'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', sql<Date>`date_trunc('day', now() at time zone 'utc') at time zone 'utc'`)
      .executeTakeFirstOrThrow();
    const used = Number(row.used);
    return { used, remaining: Math.max(0, this.deps.dailyTokens - used), limit: this.deps.dailyTokens };
  }

  /**
   * The same request (same sources in the same order, same options) returns the existing generation:
   * a queued or running one is not started twice and a finished course is not regenerated; only a
   * failed one runs again.
   */
  async request(
    actor: AuthenticatedUser,
    input: GenerationRequest,
  ): Promise<{ generation: GenerationRow; created: boolean }> {
    assertHasChannel(actor, 'make courses');
    const { db } = this.deps;
    const hash = createHash('sha256').update(JSON.stringify(input)).digest('hex');
    const existing = await db
      .selectFrom('course_generations')
      .selectAll()
      .where('user_id', '=', actor.id)
      .where('request_hash', '=', hash)
      .executeTakeFirst();
    if (existing && existing.status !== 'failed') return { generation: existing, created: false };
    if (input.useGenerator && remoteGeneratorModel(this.deps.ai) === null)
      throw unprocessable('No AI generator is configured on this server; generate offline (useGenerator: false)');
    if (input.useGenerator) {
      const quota = await this.quota(actor.id);
      if (quota.remaining <= 0)
        throw new AppError(
          429,
          ErrorCode.AI_QUOTA_EXCEEDED,
          `Your daily course-generation quota (${quota.limit} tokens) is spent; it resets at 00:00 UTC`,
          [{ field: 'quota', message: `${quota.remaining} of ${quota.limit} tokens left today` }],
          {
            'retry-after': String(secondsUntilUtcMidnight(new Date())),
            'x-quota-remaining': String(quota.remaining),
          },
        );
    }
    // Fails fast (4xx) on sources the user may not use or that have no text, before any job exists.
    await loadSections(db, this.deps.videos, actor, input);
    const generation = existing
      ? await db
          .updateTable('course_generations')
          .set({ status: 'queued', stage: 'queued', progress: 0, failure_reason: null, finished_at: null })
          .where('id', '=', existing.id)
          .returningAll()
          .executeTakeFirstOrThrow()
      : await db
          .insertInto('course_generations')
          .values({ user_id: actor.id, request_hash: hash, request: JSON.stringify(input) })
          .onConflict((conflict) => conflict.columns(['user_id', 'request_hash']).doNothing())
          .returningAll()
          .executeTakeFirst();
    // A concurrent identical request inserted first: return that one.
    if (!generation) return this.request(actor, input);
    await this.deps.jobs.enqueue(
      COURSES_QUEUE,
      GENERATE_COURSE_JOB,
      { generationId: generation.id },
      { priority: 'low', attempts: GENERATION_ATTEMPTS, dedupeKey: `course-generation:${generation.id}` },
    );
    return { generation, created: true };
  }

  async get(actor: AuthenticatedUser, id: string): Promise<GenerationRow> {
    const row = await this.deps.db.selectFrom('course_generations').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row || (row.user_id !== actor.id && actor.role !== 'admin')) throw notFound('Generation');
    return row;
  }

  /** The job. Client errors (bad sources) fail at once with their reason; others fail after the last attempt. */
  async run(job: JobContext<{ generationId: string }>): Promise<{ courseId: string | null }> {
    const { db } = this.deps;
    const row = await db
      .selectFrom('course_generations')
      .selectAll()
      .where('id', '=', job.payload.generationId)
      .executeTakeFirst();
    if (!row) return { courseId: null };
    if (row.status === 'completed') return { courseId: row.course_id };
    try {
      return { courseId: await this.generate(row, job) };
    } catch (error) {
      // Two runs of one generation (a retry overlapping a slow first run): the finished one stands.
      const now = await db
        .selectFrom('course_generations')
        .select(['status', 'course_id'])
        .where('id', '=', row.id)
        .executeTakeFirst();
      if (now?.status === 'completed') return { courseId: now.course_id };
      const permanent = error instanceof AppError && error.statusCode < 500;
      if (permanent || job.attempt >= GENERATION_ATTEMPTS) {
        await this.stage(row.id, {
          status: 'failed',
          failure_reason: (error as Error).message,
          finished_at: new Date(),
        });
        return { courseId: null };
      }
      throw error;
    }
  }

  private async generate(row: GenerationRow, job: JobContext<{ generationId: string }>): Promise<string> {
    const { db, ai, videos } = this.deps;
    const request = row.request as GenerationRequest;
    const actor: AuthenticatedUser = { id: row.user_id, role: 'viewer' };
    const context = { userId: row.user_id, signal: job.signal };
    await this.stage(row.id, { status: 'running', stage: 'reading sources', progress: 10 }, job);
    const sections = await loadSections(db, videos, actor, request);

    let draft = row.draft as CourseDraft | null;
    if (!draft) {
      await this.stage(row.id, { stage: 'outlining', progress: 30 }, job);
      const vectors = (
        await ai.embed(
          sections.map((section) => `${section.title}. ${section.passages.map((p) => p.text).join(' ')}`),
          context,
        )
      ).value;
      const local = buildLocalCourse(sections, vectors, {
        title: request.title,
        questionsPerModule: request.questionsPerModule,
      });
      await this.stage(
        row.id,
        { stage: request.useGenerator ? 'writing with the generator' : 'writing', progress: 60 },
        job,
      );
      const written = request.useGenerator
        ? await writeWithGenerator(ai, local, sections, context)
        : { draft: local, generator: 'local', tokens: 0 };
      draft = written.draft;
      // Saved before anything else can fail: a retry starts from here and never pays the generator again.
      await db
        .updateTable('course_generations')
        .set({ draft: JSON.stringify(draft), tokens_used: written.tokens, generator: written.generator })
        .where('id', '=', row.id)
        .execute();
    }
    await this.stage(row.id, { stage: 'saving the course', progress: 90 }, job);
    return this.save(row, draft);
  }

  /** The course, its modules and lessons (marked generated) and the generation's completion: one transaction. */
  private async save(row: GenerationRow, draft: CourseDraft): Promise<string> {
    const courseId = await this.deps.db.transaction().execute(async (trx) => {
      const course = await trx
        .insertInto('courses')
        .values({ creator_id: row.user_id, title: draft.title, description: draft.description })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const module of draft.modules) {
        const created = await insertModule(trx, course.id, module.title, 'generated');
        for (const lesson of module.lessons) await insertLesson(trx, course.id, created.id, lesson, 'generated');
      }
      const done = await trx
        .updateTable('course_generations')
        .set({ status: 'completed', stage: 'done', progress: 100, course_id: course.id, finished_at: new Date() })
        .where('id', '=', row.id)
        .where('status', '!=', 'completed')
        .returning('id')
        .executeTakeFirst();
      // Another run finished first: this course must not exist twice.
      if (!done) throw new Error('generation already completed by another run');
      return course.id;
    });
    await this.changed(row.id);
    return courseId;
  }

  /** Pub/sub is fire-and-forget: a stream that misses this re-reads the row at its next heartbeat. */
  private async changed(id: string): Promise<void> {
    await publishGenerationChange(this.deps.pubsub, id).catch(() => undefined);
  }

  private async stage(
    id: string,
    changes: Partial<Pick<GenerationRow, 'status' | 'stage' | 'progress' | 'failure_reason' | 'finished_at'>>,
    job?: JobContext<unknown>,
  ): Promise<void> {
    // A finished generation stays finished, whatever a late or duplicate run reports.
    await this.deps.db
      .updateTable('course_generations')
      .set(changes)
      .where('id', '=', id)
      .where('status', '!=', 'completed')
      .execute();
    await this.changed(id);
    if (job && changes.progress !== undefined) await job.reportProgress(changes.progress);
  }
}
