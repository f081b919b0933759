import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { toProgress } from './presenters.ts';
import { historyEntrySchema, historySettingsBody, historySettingsSchema, historyVideoParams } from './schemas.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import { createVideoListPresenter } from './video-list-presenter.ts';

/** The signed-in viewer's watch history: list, remove entries, clear, pause. */
export async function historyRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { history } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.get(
    '/me/history',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['history'],
        summary: 'Videos you watched, most recent first (cursor pagination); deleted and hidden videos are left out',
        querystring: pageQuery,
        response: { 200: envelope(z.array(historyEntrySchema)) },
      },
    },
    async (request) => {
      const page = await history.list(requireUser(request), request.query.limit, request.query.cursor);
      const videos = await presentVideos(page.items, request);
      return ok(
        videos.map((video, index) => ({ ...toProgress(page.items[index]!.progress), video })),
        { nextCursor: page.nextCursor },
      );
    },
  );

  routes.delete(
    '/me/history/:videoId',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['history'],
        summary: 'Remove one video from your history (and its resume position). Idempotent.',
        params: historyVideoParams,
        response: { 204: z.null().describe('Removed') },
      },
    },
    async (request, reply) => {
      await history.remove(requireUser(request), request.params.videoId);
      return reply.status(204).send(null);
    },
  );

  routes.delete(
    '/me/history',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['history'],
        summary: 'Clear your whole watch history',
        response: { 204: z.null().describe('Cleared') },
      },
    },
    async (request, reply) => {
      await history.clear(requireUser(request));
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/me/history/settings',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['history'],
        summary: 'Whether your watch history is paused',
        response: { 200: envelope(historySettingsSchema) },
      },
    },
    async (request) => ok({ paused: await history.isPaused(requireUser(request)) }),
  );

  routes.put(
    '/me/history/settings',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['history'],
        summary: 'Pause or resume your watch history; while paused nothing new is recorded (earlier entries stay)',
        body: historySettingsBody,
        response: { 200: envelope(historySettingsSchema) },
      },
    },
    async (request) => ok({ paused: await history.setPaused(requireUser(request), request.body.paused) }),
  );
}
