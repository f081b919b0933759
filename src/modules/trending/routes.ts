import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';
import { categorySchema, videoSchema } from '../videos/schemas.ts';
import { trendingWindowSchema } from './windows.ts';
import { limitParam, pageNumberParam } from '../../platform/pagination/page-query.ts';

const trendingQuery = z
  .object({
    window: trendingWindowSchema
      .default('day')
      .describe('how far back activity counts; recent activity always weighs more'),
    category: categorySchema.optional(),
    page: pageNumberParam(50),
    limit: limitParam(),
  })
  .strict();

export async function trendingRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { trending } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.get(
    '/videos/trending',
    {
      schema: {
        tags: ['discovery'],
        summary:
          'Trending public videos: views·1 + likes·5 + comments·3 + watch minutes·0.1 (configurable), each decayed by its age',
        querystring: trendingQuery,
        response: { 200: envelope(z.array(videoSchema)) },
      },
    },
    async (request) => {
      const { window, category, page, limit } = request.query;
      const videos = await trending.list(window, category, (page - 1) * limit, limit);
      return ok(await presentVideos(videos, request), { window, page, limit });
    },
  );
}
