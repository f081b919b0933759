import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { cursorPageQuery } from '../../platform/pagination/page-query.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { videoIdParams, videoSchema } from '../videos/schemas.ts';
import { createVideoListPresenter } from '../views/video-list-presenter.ts';

const tags = ['discovery'];

const recommendationSchema = z.object({
  video: videoSchema,
  reason: z.string().describe('why it is recommended, for the viewer ("Because you watched …", "Popular in Science")'),
  source: z
    .enum(['cowatch', 'similar', 'subscriptions', 'trending', 'fresh', 'model'])
    .describe(
      'what proposed it: co-watch, similar meaning, subscriptions, trending, fresh uploads, or the model re-rank',
    ),
});

const notInterestedSchema = z.object({
  videoId: z.uuid(),
  hidden: z.boolean().describe('whether the video is now hidden from your recommendations'),
});

export async function recommendationRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { recommendations } = services;
  const presentVideos = createVideoListPresenter(services.videoPresenter, platform.config);

  routes.get(
    '/recommendations',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: '"For you": recommended videos with a reason each (cursor pagination)',
        description:
          'Signed in: co-watch, similar meaning to your recent watches and likes, your subscriptions and trending, ' +
          'mixed with diversity (no channel more than twice in any 10) and freshness, without what you watched or ' +
          'hid; cached for an hour, refreshed when you watch or like something. Guests: trending and fresh uploads.',
        querystring: cursorPageQuery({ max: 50, default: 20 }),
        response: { 200: envelope(z.array(recommendationSchema)) },
      },
    },
    async (request) => {
      const page = await recommendations.page(request.user?.id, request.query.limit, request.query.cursor);
      const videos = await presentVideos(
        page.items.map((item) => item.video),
        request,
      );
      return ok(
        page.items.map((item, index) => ({ video: videos[index]!, reason: item.reason, source: item.source })),
        { nextCursor: page.nextCursor },
      );
    },
  );

  routes.post(
    '/videos/:id/not-interested',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: '"Not interested": hide this video from your recommendations and lower its channel (idempotent)',
        description: 'Unknown or invisible videos are 404; your own video is 422.',
        params: videoIdParams,
        response: { 200: envelope(notInterestedSchema) },
      },
    },
    async (request) => {
      await recommendations.markNotInterested(requireUser(request), request.params.id);
      return ok({ videoId: request.params.id, hidden: true });
    },
  );

  routes.delete(
    '/videos/:id/not-interested',
    {
      config: { auth: 'required' },
      schema: {
        tags,
        summary: 'Undo "Not interested" (idempotent)',
        params: videoIdParams,
        response: { 200: envelope(notInterestedSchema) },
      },
    },
    async (request) => {
      await recommendations.undoNotInterested(requireUser(request), request.params.id);
      return ok({ videoId: request.params.id, hidden: false });
    },
  );
}
