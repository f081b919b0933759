import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok, toIso } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { pageQuery } from '../../platform/pagination/page-query.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import { likedVideoSchema, likeStateSchema } from './schemas.ts';

/** Like / unlike a video and list what you liked. */
export async function likeRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { likes } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.post(
    '/videos/:id/like',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['likes'],
        summary: 'Like a ready video you can see; liking again changes nothing',
        params: videoIdParams,
        response: { 200: envelope(likeStateSchema) },
      },
    },
    async (request) => ok(await likes.like(requireUser(request), request.params.id)),
  );

  routes.delete(
    '/videos/:id/like',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['likes'],
        summary: 'Take back your like; answers the same when there was none',
        params: videoIdParams,
        response: { 200: envelope(likeStateSchema) },
      },
    },
    async (request) => ok(await likes.unlike(requireUser(request), request.params.id)),
  );

  routes.get(
    '/videos/liked',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['likes'],
        summary: 'Videos you liked, most recent like first (cursor pagination); deleted and hidden videos are left out',
        querystring: pageQuery,
        response: { 200: envelope(z.array(likedVideoSchema)) },
      },
    },
    async (request) => {
      const page = await likes.listLiked(requireUser(request), request.query.limit, request.query.cursor);
      const videos = await presentVideos(page.items, request);
      return ok(
        page.items.map((row, index) => ({ likedAt: toIso(row.liked_at), video: videos[index]! })),
        { nextCursor: page.nextCursor },
      );
    },
  );
}
