import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok, toIso } from '../../platform/http/envelope.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import type { Services } from '../services.ts';
import { requestOrigin } from './request-origin.ts';
import { thumbnailRoutes } from './thumbnail-routes.ts';
import {
  createdVideoSchema,
  createVideoBody,
  listQuery,
  streamUrlSchema,
  updateVideoBody,
  videoIdParams,
  videoSchema,
} from './schemas.ts';
import { pathInVideoFolder, videoKeys } from './storage-keys.ts';
import { videoInsights } from '../intelligence/presenters.ts';
import { ErrorCode } from '../../platform/http/error-codes.ts';
import { idempotencyHeaders, markReplayed } from '../../platform/idempotency/idempotency.ts';

const TUS_ENDPOINT = '/api/v1/uploads';

/** The video resource: create, read, edit, delete, the creator's list, and the playback URL. */
export async function videoRoutes(
  app: FastifyInstance,
  { platform, services }: { platform: Platform; services: Services },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const { config } = platform;
  const { videos, mediaUrls, videoPresenter: presenter } = services;
  // Its own plugin: the picture body parser must not apply to the JSON routes here.
  await app.register(thumbnailRoutes, { platform, services });

  routes.post(
    '/videos',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: 'Create a video (metadata first); the answer says where to upload its file',
        description:
          'Creators and admins only. Send an Idempotency-Key header to make retries safe: the same key returns the same video.',
        headers: idempotencyHeaders,
        body: createVideoBody,
        response: { 201: envelope(createdVideoSchema) },
      },
    },
    async (request, reply) => {
      const { video, replayed } = await videos.create(
        requireUser(request),
        request.body,
        request.headers['idempotency-key'],
      );
      markReplayed(reply, replayed);
      reply.status(201);
      return ok({
        video: await presenter.present(video, requestOrigin(request, config), request.user?.id),
        upload: {
          protocol: 'tus' as const,
          endpoint: TUS_ENDPOINT,
          metadata: { videoId: video.id },
          maxSizeBytes: config.uploads.maxBytes,
        },
      });
    },
  );

  routes.get(
    '/videos/:id',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['videos'],
        summary: 'A video: anyone for ready public/unlisted ones, the owner or an admin otherwise',
        params: videoIdParams,
        response: { 200: envelope(videoSchema) },
      },
    },
    async (request) => {
      const video = await presenter.present(
        await videos.getVisible(request.user, request.params.id),
        requestOrigin(request, config),
        request.user?.id,
      );
      return ok({ ...video, insights: await videoInsights(platform.database.db, video.id) });
    },
  );

  routes.put(
    '/videos/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: "Edit a video's metadata and visibility (owner or admin)",
        params: videoIdParams,
        body: updateVideoBody,
        response: { 200: envelope(videoSchema) },
      },
    },
    async (request) => {
      const updated = await videos.update(requireUser(request), request.params.id, request.body);
      return ok(await presenter.present(updated, requestOrigin(request, config), request.user?.id));
    },
  );

  routes.delete(
    '/videos/:id',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: 'Delete a video (owner or admin); its files are removed in the background. Idempotent.',
        params: videoIdParams,
        response: { 204: z.null().describe('Deleted') },
      },
    },
    async (request, reply) => {
      await videos.delete(requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  routes.get(
    '/me/videos',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['videos'],
        summary: 'Your own videos in every status, newest first (cursor pagination)',
        querystring: listQuery,
        response: { 200: envelope(z.array(videoSchema)) },
      },
    },
    async (request) => {
      const page = await videos.listByCreator(requireUser(request).id, request.query.limit, request.query.cursor);
      return ok(await presenter.presentMany(page.videos, requestOrigin(request, config), request.user?.id), {
        nextCursor: page.nextCursor,
      });
    },
  );

  routes.get(
    '/videos/:id/stream-url',
    {
      config: { auth: 'optional' },
      schema: {
        tags: ['videos'],
        summary: 'URL of the HLS master playlist; signed and expiring for private videos',
        params: videoIdParams,
        response: { 200: envelope(streamUrlSchema) },
      },
    },
    async (request) => {
      const video = await videos.getVisible(request.user, request.params.id);
      if (video.status !== 'ready')
        throw new AppError(409, ErrorCode.NOT_READY, `The video is not playable yet (status: ${video.status})`);
      const folder = mediaUrls.folder(video, requestOrigin(request, config));
      const master = pathInVideoFolder(video.id, videoKeys(video.id).masterPlaylist);
      return ok({ url: folder.url + master, ...(folder.expiresAt ? { expiresAt: toIso(folder.expiresAt) } : {}) });
    },
  );
}
