import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { toCommentResponse } from '../comments/presenter.ts';
import { commentIdParams, commentSchema } from '../comments/schemas.ts';
import { toAdminReportResponse, toBanResponse, toReportResponse } from './presenter.ts';
import {
  adminReportSchema,
  banSchema,
  listReportsQuery,
  reportCommentBody,
  reportIdParams,
  reportSchema,
  resolutionSchema,
  resolveReportBody,
  userIdParams,
} from './schemas.ts';

/** Reporting and hiding comments, and the admin side: the report queue, decisions, bans. Registered under /api/v1. */
export async function moderationRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { moderation } = services;

  routes.post(
    '/comments/:id/report',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['moderation'],
        summary: 'Report a comment to the moderators',
        description:
          'One open report per user and comment: reporting again answers 200 with the open report instead of 201.',
        params: commentIdParams,
        body: reportCommentBody,
        response: { 200: envelope(reportSchema), 201: envelope(reportSchema) },
      },
    },
    async (request, reply) => {
      const { report, created } = await moderation.report(requireUser(request), request.params.id, request.body);
      reply.status(created ? 201 : 200);
      return ok(toReportResponse(report));
    },
  );

  for (const [action, hidden] of [
    ['hide', true],
    ['unhide', false],
  ] as const) {
    routes.post(
      `/comments/:id/${action}`,
      {
        config: { auth: 'required' },
        schema: {
          tags: ['moderation'],
          summary: hidden
            ? 'Hide a comment (video owner or admin): only its author, the owner and admins still see it'
            : 'Show a hidden comment again (video owner or admin)',
          description: "Idempotent. Hidden comments do not count in replyCount or the video's commentCount.",
          params: commentIdParams,
          response: { 200: envelope(commentSchema) },
        },
      },
      async (request) =>
        ok(toCommentResponse(await moderation.setHidden(requireUser(request), request.params.id, hidden))),
    );
  }

  routes.get(
    '/admin/reports',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Reports on comments with the comment, its author and video (admin; cursor pagination)',
        description: 'meta.nextCursor continues the list. Reports on comments of deleted videos are left out.',
        querystring: listReportsQuery,
        response: { 200: envelope(z.array(adminReportSchema)) },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const page = await moderation.listReports(status, cursor, limit);
      return ok(page.items.map(toAdminReportResponse), { nextCursor: page.nextCursor });
    },
  );

  routes.post(
    '/admin/reports/:id/resolve',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Decide on a report: dismiss, hide the comment, or ban its author (admin)',
        description:
          'Closes every open report of the same comment. A report that is already resolved answers 409 REPORT_RESOLVED.',
        params: reportIdParams,
        body: resolveReportBody,
        response: { 200: envelope(resolutionSchema) },
      },
    },
    async (request) => {
      const { report, resolvedReports } = await moderation.resolve(
        requireUser(request),
        request.params.id,
        request.body,
      );
      return ok({ report: toReportResponse(report), resolvedReports });
    },
  );

  routes.post(
    '/admin/users/:id/ban',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Suspend an account (admin): no login, comments, replies, likes or reports. Idempotent.',
        params: userIdParams,
        response: { 200: envelope(banSchema) },
      },
    },
    async (request) => ok(toBanResponse(await moderation.ban(request.params.id))),
  );

  routes.post(
    '/admin/users/:id/unban',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Lift a suspension (admin). Idempotent.',
        params: userIdParams,
        response: { 200: envelope(banSchema) },
      },
    },
    async (request) => ok(toBanResponse(await moderation.unban(request.params.id))),
  );
}
