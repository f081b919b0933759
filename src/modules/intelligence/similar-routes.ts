import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { videoQueries } from '../videos/video-queries.ts';
import { requestOrigin } from '../videos/request-origin.ts';
import { videoIdParams, videoSchema } from '../videos/schemas.ts';
import { limitParam } from '../../platform/pagination/page-query.ts';

const similarQuery = z.object({ limit: limitParam({ max: 50, default: 10 }) });

/** Videos closest in meaning to this one (their embeddings), among public ready videos. */
export async function similarRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const {
    database: { db },
    config,
  } = platform;
  const { videos, videoPresenter: presenter } = services;

  routes.get(
    '/videos/:id/similar',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['ai'],
        summary:
          'Similar videos by meaning (title, description, tags and summary embeddings), most similar first; empty until analysed',
        params: videoIdParams,
        querystring: similarQuery,
        response: {
          200: envelope(z.array(videoSchema.extend({ similarity: z.number().describe('cosine similarity, -1..1') }))),
        },
      },
    },
    async (request) => {
      const video = await videos.getVisible(request.user, request.params.id);
      const hits = await services.videoVectors.similarTo(video.id, request.query.limit);
      const rows = (await Promise.all(hits.map((hit) => videoQueries.findById(db, hit.id)))).filter(
        (row) => row !== undefined,
      );
      const presented = await presenter.presentMany(rows, requestOrigin(request, config), request.user?.id);
      return ok(presented.map((item, index) => ({ ...item, similarity: hits[index]!.score })));
    },
  );
}
