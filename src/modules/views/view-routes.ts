import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { toProgress } from './presenters.ts';
import { progressBody, progressSchema, recordedProgressSchema, viewHeaders, viewResultSchema } from './schemas.ts';
import { viewerFingerprint } from './viewer-identity.ts';

/** Counting a view and the per-video watch progress (resume where you left off). */
export async function viewRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { views, history } = services;
  const windowMinutes = platform.config.views.dedupeWindowMs / 60_000;

  routes.post(
    '/videos/:id/view',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['views'],
        summary: 'Count a view of a ready video (anonymous allowed)',
        description:
          `The same viewer (account, else X-Session-Id header or streamhub_sid cookie, else IP and user agent) counts once per ${windowMinutes} minutes. ` +
          'Views are buffered and written to the database in batches.',
        params: videoIdParams,
        headers: viewHeaders,
        response: { 200: envelope(viewResultSchema) },
      },
    },
    async (request) => {
      const viewer = viewerFingerprint(request, request.headers['x-session-id']);
      return ok(await views.record(request.user, request.params.id, viewer));
    },
  );

  routes.put(
    '/videos/:id/progress',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['views'],
        summary: 'Report watch progress: position for resuming, seconds watched since the last report',
        description: 'Not stored when your watch history is paused (`recorded: false`).',
        params: videoIdParams,
        body: progressBody,
        response: { 200: envelope(recordedProgressSchema) },
      },
    },
    async (request) => {
      const result = await history.recordProgress(requireUser(request), request.params.id, request.body);
      return ok({ recorded: result.recorded, progress: result.progress ? toProgress(result.progress) : null });
    },
  );

  routes.get(
    '/videos/:id/progress',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['views'],
        summary: 'Where you left off in a video; null when you have not watched it',
        params: videoIdParams,
        response: { 200: envelope(progressSchema.nullable()) },
      },
    },
    async (request) => {
      const progress = await history.getProgress(requireUser(request), request.params.id);
      return ok(progress ? toProgress(progress) : null);
    },
  );
}
