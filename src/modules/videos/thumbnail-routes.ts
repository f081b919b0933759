import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { requestOrigin } from './request-origin.ts';
import { videoIdParams, videoSchema } from './schemas.ts';
import { THUMBNAIL_TYPES } from './thumbnail-upload.ts';

/** A video's custom thumbnail: upload (the body is the picture) and remove. Prefix: /api/v1. */
export async function thumbnailRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { customThumbnails, videoPresenter: presenter } = services;
  const bodyLimit = config.uploads.thumbnailMaxBytes;
  // Raw bytes, whatever the declared type says: the service compares it with the file's own signature.
  app.addContentTypeParser([...THUMBNAIL_TYPES], { parseAs: 'buffer', bodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  routes.put(
    '/videos/:id/thumbnail',
    {
      bodyLimit,
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: 'Upload a custom thumbnail (owner or admin); the body is the picture',
        description:
          `Content-Type image/jpeg, image/png or image/webp, matching the file's bytes (else 415); at most ` +
          `THUMBNAIL_MAX_BYTES (default 2 MiB, else 413); at least 640×360 and at most 7680 px a side, ` +
          `decodable (else 422). It is re-encoded as a 1280×720 JPEG (letterboxed) under a new URL, and ` +
          `scored by image moderation.`,
        params: videoIdParams,
        response: { 200: envelope(videoSchema) },
      },
    },
    async (request) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const user = requireUser(request);
      const video = await customThumbnails.replace(user, request.params.id, request.headers['content-type'], body);
      return ok(await presenter.present(video, requestOrigin(request, config), user.id));
    },
  );

  routes.delete(
    '/videos/:id/thumbnail',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: 'Remove the custom thumbnail (owner or admin): the generated poster is shown again',
        params: videoIdParams,
        response: { 200: envelope(videoSchema) },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const video = await customThumbnails.remove(user, request.params.id);
      return ok(await presenter.present(video, requestOrigin(request, config), user.id));
    },
  );
}
