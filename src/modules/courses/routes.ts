import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { toCourse, toLesson, toModule } from './course-outline.ts';
import {
  attemptBody,
  attemptResultSchema,
  boardQuery,
  catalogueQuery,
  certificateParams,
  certificateSchema,
  courseIdParams,
  courseSchema,
  createCourseBody,
  createLessonBody,
  editorLessonSchema,
  editorOutlineSchema,
  leaderboardSchema,
  learnerStatsSchema,
  lessonParams,
  moduleBody,
  moduleParams,
  moduleSchema,
  orderBody,
  outlineSchema,
  progressSchema,
  publishBody,
  readBody,
  updateCourseBody,
  updateLessonBody,
} from './schemas.ts';

const tags = ['courses'];
const done = z.object({ done: z.literal(true) });

/** Courses: the catalogue, the builder (courses, modules, lessons, order, publishing). Prefix: /api/v1. */
export async function courseRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { editor, outlines } = services.courses;

  routes.get(
    '/courses',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary:
          'The course catalogue (published public courses, newest first), or with mine=true the courses you created',
        querystring: catalogueQuery,
        response: { 200: envelope(z.array(courseSchema)) },
      },
    },
    async (request) => ok(await outlines.catalogue(request.user, request.query.mine === 'true', request.query.limit)),
  );

  routes.post(
    '/courses',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Create a course (a draft)',
        body: createCourseBody,
        response: { 201: envelope(courseSchema) },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return ok(toCourse(await editor.create(requireUser(request), request.body)));
    },
  );

  routes.get(
    '/courses/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A course page: the course and its outline (quiz answers are never included)',
        params: courseIdParams,
        response: { 200: envelope(outlineSchema) },
      },
    },
    async (request) => ok(await outlines.forLearner(request.user, request.params.id)),
  );

  routes.get(
    '/courses/:id/edit',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: "The course builder's view: the outline with quiz answers and each item's origin (creator only)",
        params: courseIdParams,
        response: { 200: envelope(editorOutlineSchema) },
      },
    },
    async (request) => ok(await outlines.forEditor(requireUser(request), request.params.id)),
  );

  routes.put(
    '/courses/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Edit a course',
        params: courseIdParams,
        body: updateCourseBody,
        response: { 200: envelope(courseSchema) },
      },
    },
    async (request) => ok(toCourse(await editor.update(requireUser(request), request.params.id, request.body))),
  );

  routes.post(
    '/courses/:id/publish',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Publish a course (it needs a lesson) or take it back to draft',
        params: courseIdParams,
        body: publishBody,
        response: { 200: envelope(courseSchema) },
      },
    },
    async (request) =>
      ok(toCourse(await editor.setPublished(requireUser(request), request.params.id, request.body.published))),
  );

  routes.delete(
    '/courses/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete a course with its lessons and learner progress',
        params: courseIdParams,
        response: { 200: envelope(done) },
      },
    },
    async (request) => {
      await editor.remove(requireUser(request), request.params.id);
      return ok({ done: true as const });
    },
  );

  routes.post(
    '/courses/:id/modules',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a module at the end',
        params: courseIdParams,
        body: moduleBody,
        response: { 201: envelope(moduleSchema) },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return ok(toModule(await editor.addModule(requireUser(request), request.params.id, request.body.title)));
    },
  );

  routes.put(
    '/courses/:id/modules/:moduleId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Rename a module',
        params: moduleParams,
        body: moduleBody,
        response: { 200: envelope(moduleSchema) },
      },
    },
    async (request) =>
      ok(
        toModule(
          await editor.renameModule(
            requireUser(request),
            request.params.id,
            request.params.moduleId,
            request.body.title,
          ),
        ),
      ),
  );

  routes.delete(
    '/courses/:id/modules/:moduleId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Delete a module and its lessons',
        params: moduleParams,
        response: { 200: envelope(done) },
      },
    },
    async (request) => {
      await editor.removeModule(requireUser(request), request.params.id, request.params.moduleId);
      return ok({ done: true as const });
    },
  );

  routes.post(
    '/courses/:id/modules/:moduleId/lessons',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Add a lesson at the end of a module: a video (yours or a public one), a reading (Markdown) or a quiz',
        params: moduleParams,
        body: createLessonBody,
        response: { 201: envelope(editorLessonSchema) },
      },
    },
    async (request, reply) => {
      const lesson = await editor.addLesson(
        requireUser(request),
        request.params.id,
        request.params.moduleId,
        request.body,
      );
      reply.status(201);
      return ok(toLesson(lesson, true));
    },
  );

  routes.put(
    '/courses/:id/lessons/:lessonId',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Edit a lesson; a generated lesson or question that changes is marked edited',
        params: lessonParams,
        body: updateLessonBody,
        response: { 200: envelope(editorLessonSchema) },
      },
    },
    async (request) =>
      ok(
        toLesson(
          await editor.updateLesson(requireUser(request), request.params.id, request.params.lessonId, request.body),
          true,
        ),
      ),
  );

  routes.delete(
    '/courses/:id/lessons/:lessonId',
    {
      config: { auth: 'required' },
      schema: { tags, summary: 'Delete a lesson', params: lessonParams, response: { 200: envelope(done) } },
    },
    async (request) => {
      await editor.removeLesson(requireUser(request), request.params.id, request.params.lessonId);
      return ok({ done: true as const });
    },
  );

  routes.put(
    '/courses/:id/order',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Reorder the outline (drag and drop): every module and lesson, in their new order',
        params: courseIdParams,
        body: orderBody,
        response: { 200: envelope(done) },
      },
    },
    async (request) => {
      await editor.reorder(requireUser(request), request.params.id, request.body);
      return ok({ done: true as const });
    },
  );

  await app.register(learningRoutes, { services });
}

/** Enrolment, progress, quizzes, leaderboards and certificates (the learner's side). */
async function learningRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { learning, leaderboards } = services.courses;

  routes.post(
    '/courses/:id/enrolment',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Enrol in a published course (idempotent)',
        params: courseIdParams,
        response: { 200: envelope(progressSchema) },
      },
    },
    async (request) => ok(await learning.enrol(requireUser(request), request.params.id)),
  );

  routes.get(
    '/courses/:id/progress',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your progress; video lessons watched to 90 % are completed (with XP) as it is read',
        params: courseIdParams,
        response: { 200: envelope(progressSchema) },
      },
    },
    async (request) => ok(await learning.progress(requireUser(request), request.params.id)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/open',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Open a lesson: it becomes where you resume',
        params: lessonParams,
        response: { 200: envelope(progressSchema) },
      },
    },
    async (request) => ok(await learning.open(requireUser(request), request.params.id, request.params.lessonId)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/read',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'A reading was scrolled to its end: it is complete',
        params: lessonParams,
        body: readBody,
        response: { 200: envelope(progressSchema) },
      },
    },
    async (request) =>
      ok(await learning.finishReading(requireUser(request), request.params.id, request.params.lessonId)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/attempts',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Submit a quiz attempt: graded on the server; the right answers come back only now',
        params: lessonParams,
        body: attemptBody,
        response: { 200: envelope(attemptResultSchema) },
      },
    },
    async (request) =>
      ok(await learning.attempt(requireUser(request), request.params.id, request.params.lessonId, request.body)),
  );

  routes.get(
    '/leaderboards',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A leaderboard (all-time, a weekly league, or one course): top learners, your rank and neighbours',
        querystring: boardQuery,
        response: { 200: envelope(leaderboardSchema) },
      },
    },
    async (request) => ok(await leaderboards.read(request.user, request.query)),
  );

  routes.get(
    '/me/learning',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Your XP (all-time and this week), streak and all-time rank',
        response: { 200: envelope(learnerStatsSchema) },
      },
    },
    async (request) => ok(await leaderboards.stats(requireUser(request))),
  );

  routes.get(
    '/certificates/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: 'A completion certificate, by its verifiable id (public, shareable)',
        params: certificateParams,
        response: { 200: envelope(certificateSchema) },
      },
    },
    async (request) => ok(await learning.certificate(request.params.id)),
  );
}
