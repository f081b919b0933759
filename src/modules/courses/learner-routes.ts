import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { route } from './route-kit.ts';
import {
  attemptBody,
  attemptResultSchema,
  boardQuery,
  certificateParams,
  certificateSchema,
  courseIdParams,
  leaderboardSchema,
  learnerStatsSchema,
  lessonParams,
  progressSchema,
  readBody,
} from './schemas.ts';

/** Enrolment, progress, quizzes, leaderboards and certificates (the learner's side). */
export async function learnerRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { learning, leaderboards } = services.courses;
  const progress = { 200: envelope(progressSchema) };

  routes.post(
    '/courses/:id/enrolment',
    route('required', 'Enrol in a published course (idempotent)', { params: courseIdParams, response: progress }),
    async (request) => ok(await learning.enrol(requireUser(request), request.params.id)),
  );

  routes.get(
    '/courses/:id/progress',
    route('required', 'Your progress; video lessons watched to 90 % are completed (with XP) as it is read', {
      params: courseIdParams,
      response: progress,
    }),
    async (request) => ok(await learning.progress(requireUser(request), request.params.id)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/open',
    route('required', 'Open a lesson: it becomes where you resume', { params: lessonParams, response: progress }),
    async (request) => ok(await learning.open(requireUser(request), request.params.id, request.params.lessonId)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/read',
    route('required', 'A reading was scrolled to its end: it is complete', {
      params: lessonParams,
      body: readBody,
      response: progress,
    }),
    async (request) =>
      ok(await learning.finishReading(requireUser(request), request.params.id, request.params.lessonId)),
  );

  routes.post(
    '/courses/:id/lessons/:lessonId/attempts',
    route('required', 'Submit a quiz attempt: graded on the server; the right answers come back only now', {
      params: lessonParams,
      body: attemptBody,
      response: { 200: envelope(attemptResultSchema) },
    }),
    async (request) => {
      const { id, lessonId } = request.params;
      return ok(await learning.attempt(requireUser(request), id, lessonId, request.body));
    },
  );

  routes.get(
    '/leaderboards',
    route(
      'optional',
      'A leaderboard (all-time, a weekly league, or one course): top learners, your rank and neighbours',
      { querystring: boardQuery, response: { 200: envelope(leaderboardSchema) } },
    ),
    async (request) => ok(await leaderboards.read(request.user, request.query)),
  );

  routes.get(
    '/me/learning',
    route('required', 'Your XP (all-time and this week), streak and all-time rank', {
      response: { 200: envelope(learnerStatsSchema) },
    }),
    async (request) => ok(await leaderboards.stats(requireUser(request))),
  );

  routes.get(
    '/certificates/:id',
    route('optional', 'A completion certificate, by its verifiable id (public, shareable)', {
      params: certificateParams,
      response: { 200: envelope(certificateSchema) },
    }),
    async (request) => ok(await learning.certificate(request.params.id)),
  );
}
