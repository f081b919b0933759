import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { userIdParams } from '../users/schemas.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import { videoSchema } from '../videos/schemas.ts';
import { channelSchema, channelVideosQuery, toChannel } from './schemas.ts';

const tags = ['channels'];

/** Channel page data: the overview with counters, and the channel's published videos. Prefix: /api/v1. */
export async function channelRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { channels, videoPresenter: presenter } = services;

  routes.get(
    '/users/:id/channel',
    {
      config: { auth: 'optional' },
      schema: {
        tags,
        summary: "A channel's page header: profile, subscriber and video counts, total views, and your subscription",
        params: userIdParams,
        response: { 200: envelope(channelSchema) },
      },
    },
    async (request) => ok(toChannel(await channels.overview(request.user, request.params.id))),
  );

  routes.get(
    '/users/:id/videos',
    {
      schema: {
        tags,
        summary: "A channel's ready public videos, newest or most viewed first (cursor pagination)",
        params: userIdParams,
        querystring: channelVideosQuery,
        response: { 200: envelope(z.array(videoSchema)) },
      },
    },
    async (request) => {
      const { sort, cursor, limit } = request.query;
      const page = await channels.videos(request.params.id, sort, { cursor, limit });
      return ok(await presenter.presentMany(page.items, requestOrigin(request, config)), {
        nextCursor: page.nextCursor,
      });
    },
  );
}
