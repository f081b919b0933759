import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { limitParam, pageQuery } from '../../platform/pagination/page-query.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import { videoSchema } from '../videos/schemas.ts';

const homeQuery = z
  .object({
    limit: limitParam({ max: 60, default: 24 }),
  })
  .strict();

const homeItemSchema = z.object({
  reason: z.enum(['subscriptions', 'trending', 'related', 'fresh']).describe('why the video is on your home page'),
  video: videoSchema,
});

export async function feedRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { subscriptionsFeed: subscriptions, homeFeed: home } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.get(
    '/feed/subscriptions',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['discovery'],
        summary: 'New public videos from the channels you follow, newest first (cursor pagination)',
        querystring: pageQuery,
        response: { 200: envelope(z.array(videoSchema)) },
      },
    },
    async (request) => {
      const page = await subscriptions.page(requireUser(request).id, request.query.limit, request.query.cursor);
      return ok(await presentVideos(page.videos, request), { nextCursor: page.nextCursor });
    },
  );

  routes.get(
    '/feed/home',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['discovery'],
        summary:
          'The home page: trending and fresh uploads for guests; your subscriptions, trending and videos related to your history when signed in',
        querystring: homeQuery,
        response: { 200: envelope(z.array(homeItemSchema)) },
      },
    },
    async (request) => {
      const items = await home.list(request.user?.id, request.query.limit);
      const videos = await presentVideos(
        items.map((item) => item.video),
        request,
      );
      return ok(items.map((item, index) => ({ reason: item.reason, video: videos[index]! })));
    },
  );
}
