import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { listReportsQuery, reportIdParams } from './schemas.ts';
import { toAdminVideoReportResponse, toVideoReportResponse } from './video-report-presenter.ts';
import {
  adminVideoReportSchema,
  reportVideoBody,
  resolveVideoReportBody,
  videoReportResolutionSchema,
  videoReportSchema,
} from './video-report-schemas.ts';

/** Viewers report videos; admins work through the reports. Registered under /api/v1. */
export async function videoReportRoutes(app: FastifyInstance, { services }: { services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { videoReports } = services;

  routes.post(
    '/videos/:id/report',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['moderation'],
        summary: 'Report a video to the moderators (not your own)',
        description:
          'One open report per user and video: reporting again answers 200 with the open report instead of 201. ' +
          'A video you cannot see is a 404; your own a 403; a suspended account a 403 ACCOUNT_SUSPENDED.',
        params: videoIdParams,
        body: reportVideoBody,
        response: { 200: envelope(videoReportSchema), 201: envelope(videoReportSchema) },
      },
    },
    async (request, reply) => {
      const { report, created } = await videoReports.report(requireUser(request), request.params.id, request.body);
      reply.status(created ? 201 : 200);
      return ok(toVideoReportResponse(report));
    },
  );

  routes.get(
    '/admin/video-reports',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Reports on videos with the video, its creator and the reporter (admin; cursor pagination)',
        description: 'meta.nextCursor continues the list.',
        querystring: listReportsQuery,
        response: { 200: envelope(z.array(adminVideoReportSchema)) },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const page = await videoReports.list(status, cursor, limit);
      return ok(page.items.map(toAdminVideoReportResponse), { nextCursor: page.nextCursor });
    },
  );

  routes.post(
    '/admin/video-reports/:id/resolve',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Decide on a video report: keep the video, or remove it (admin)',
        description:
          'Closes every open report of the same video. A report that is already resolved answers 409 REPORT_RESOLVED.',
        params: reportIdParams,
        body: resolveVideoReportBody,
        response: { 200: envelope(videoReportResolutionSchema) },
      },
    },
    async (request) => {
      const { report, resolvedReports } = await videoReports.resolve(
        requireUser(request),
        request.params.id,
        request.body,
      );
      return ok({ report: toVideoReportResponse(report), resolvedReports });
    },
  );
}
