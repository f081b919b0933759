import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { envelope, ok } from '../../platform/http/envelope.ts';
import { videoIdParams } from '../videos/schemas.ts';
import { idempotencyHeaders, markReplayed } from '../../platform/idempotency/idempotency.ts';
import type { DirectUploadService } from './direct-upload-service.ts';
import { uploadCompleteBody, uploadCompleteResponse, uploadUrlBody, uploadUrlResponse } from './schemas.ts';
import type { UploadService } from './service.ts';

/** Upload actions addressed through the video: the S3 direct flow, and cancelling any upload. */
export async function videoUploadRoutes(
  app: FastifyInstance,
  { direct, uploads }: { direct: DirectUploadService; uploads: UploadService },
) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/upload-url',
    {
      // Before body validation: without a token the answer is 401 whatever the body says.
      config: { auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: "S3 mode: presigned part URLs to upload a video's file straight to storage",
        description:
          'Counts against the daily upload limit. Send an Idempotency-Key to make retries safe (a replay returns the same upload with fresh URLs). ' +
          "PUT each part (partSize bytes, the last one shorter) to its URL, keep each response's ETag, then call upload-complete. " +
          'Without S3 storage: 409 DIRECT_UPLOAD_UNAVAILABLE; use tus at /api/v1/uploads.',
        headers: idempotencyHeaders,
        body: uploadUrlBody,
        response: { 201: envelope(uploadUrlResponse) },
      },
    },
    async (request, reply) => {
      const { plan, replayed } = await direct.createUploadUrl(
        requireUser(request),
        request.body,
        request.headers['idempotency-key'],
      );
      markReplayed(reply, replayed);
      return reply.status(201).send(ok(plan));
    },
  );

  routes.post(
    '/:id/upload-complete',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: 'S3 mode: assemble the uploaded parts, check the file is media and start processing',
        description:
          'Idempotent: repeating it returns the same result. While another call is finalising the same upload: 409 FINALIZE_IN_PROGRESS. ' +
          'A file that is not audio or video: 422 NOT_MEDIA, and its bytes are deleted.',
        params: videoIdParams,
        body: uploadCompleteBody,
        response: { 200: envelope(uploadCompleteResponse) },
      },
    },
    async (request) => {
      const { upload, video } = await direct.complete(
        requireUser(request),
        request.params.id,
        request.body.uploadId,
        request.body.parts,
      );
      return ok({ uploadId: upload.id, video: { id: video.id, status: video.status } });
    },
  );

  routes.delete(
    '/:id/upload',
    {
      config: { auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: "Cancel the video's upload in progress (direct or tus) and delete its bytes",
        params: videoIdParams,
        response: { 204: z.null().describe('Cancelled') },
      },
    },
    async (request, reply) => {
      await uploads.abortActiveForVideo(requireUser(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
