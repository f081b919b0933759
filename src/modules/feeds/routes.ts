import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authenticated, requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { pageQuery } from '../views/schemas.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import { videoSchema } from '../videos/schemas.ts';

const bearerAuth = [{ bearerAuth: [] }];

const homeQuery = z.object({
  limit: z.coerce.number().int().min(1, 'must be at least 1').max(60, 'must be at most 60').default(24),
}).strict();

const homeItemSchema = z.object({
  reason: z.enum(['subscriptions', 'trending', 'related', 'fresh']).describe('why the video is on your home page'),
  video: videoSchema,
});

export async function feedRoutes(app: FastifyInstance, { platform, services }: { platform: Platform; services: Services }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { subscriptionsFeed: subscriptions, homeFeed: home } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.get('/feed/subscriptions', {
    preHandler: authenticated,
    schema: {
      tags: ['discovery'],
      summary: 'New public videos from the channels you follow, newest first (cursor pagination)',
      security: bearerAuth,
      querystring: pageQuery,
      response: { 200: envelope(z.array(videoSchema)) },
    },
  }, async (request) => {
    const page = await subscriptions.page(requireUser(request).id, request.query.limit, request.query.cursor);
    return ok(await presentVideos(page.videos, request), { nextCursor: page.nextCursor });
  });

  routes.get('/feed/home', {
    schema: {
      tags: ['discovery'],
      summary: 'The home page: trending and fresh uploads for guests; your subscriptions, trending and videos related to your history when signed in',
      querystring: homeQuery,
      response: { 200: envelope(z.array(homeItemSchema)) },
    },
  }, async (request) => {
    const items = await home.list(request.user?.id, request.query.limit);
    const videos = await presentVideos(items.map((item) => item.video), request);
    return ok(items.map((item, index) => ({ reason: item.reason, video: videos[index]! })));
  });
}
