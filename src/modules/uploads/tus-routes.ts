import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-guard.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { UploadRow } from './repo.ts';
import type { UploadService } from './service.ts';
import { parseTusCreation } from './tus-creation.ts';
import type { TusEndpoint } from './tus-endpoint.ts';
import type { TusStorage } from './tus-storage.ts';
import { finaliseInProgress, uploadAlreadyCompleted, uploadGone } from './upload-errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Per-route overrides that @fastify/cors reads (its typings do not declare them). */
    cors?: false | { preflight?: boolean };
  }
}

export interface TusRoutesOptions {
  uploads: UploadService;
  tus: TusEndpoint;
  tusStorage: TusStorage;
}

const uploadIdParams = z.object({ uploadId: z.uuid('must be an upload id from the Location of a creation response') });
const TUS_DOCS =
  'tus 1.0 resumable upload (creation, creation-with-upload, termination, expiration). Not JSON: see docs/API.md, "Uploads".';

/**
 * The tus endpoint. Each route checks what we own (who, which video, limits, the upload's state)
 * and answers those errors as JSON; the byte-level protocol is delegated to tus.
 */
export async function tusRoutes(app: FastifyInstance, { uploads, tus, tusStorage }: TusRoutesOptions) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  // Upload bodies are streamed to the store by tus: Fastify must not buffer or parse them.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  // tus answers OPTIONS (protocol discovery and CORS preflight alike) with its own CORS headers;
  // @fastify/cors still decorates the JSON errors our routes send. Every other method needs a
  // user, checked before anything else so an anonymous request always gets 401.
  const tusCors = { cors: { preflight: false } };

  /** Only tus uploads live under this endpoint; direct uploads are reached through their video. */
  const ownTusUpload = async (request: FastifyRequest, uploadId: string) => {
    const upload = await uploads.getOwn(requireUser(request), uploadId);
    if (upload.method !== 'tus') throw notFound('Upload');
    return upload;
  };

  const delegate = async (request: FastifyRequest, reply: FastifyReply, upload?: UploadRow) => {
    reply.hijack();
    try {
      await tus.handle(request.raw, reply.raw, { requestId: String(request.id), upload });
    } catch (error) {
      // Fastify can no longer answer a hijacked reply: end it here, or drop a half-sent one.
      request.log.error({ err: error }, 'tus could not answer');
      if (reply.raw.headersSent) reply.raw.destroy();
      else reply.raw.writeHead(500).end();
    }
  };

  routes.options('/', { config: tusCors, schema: { hide: true } }, (request, reply) => delegate(request, reply));
  routes.options('/:uploadId', { config: tusCors, schema: { hide: true } }, (request, reply) =>
    delegate(request, reply),
  );

  routes.post(
    '/',
    {
      config: { ...tusCors, auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: 'Create a tus upload for a video (Upload-Length, Upload-Metadata: videoId)',
        description: TUS_DOCS,
      },
    },
    async (request, reply) => {
      const creation = parseTusCreation(request.headers);
      const upload = await uploads.start(requireUser(request), {
        method: 'tus',
        videoId: creation.videoId,
        sizeBytes: creation.sizeBytes,
        filename: creation.filename,
        contentType: creation.filetype,
        storeIdFor: (uploadId) => tusStorage.storeIdFor(uploadId, creation.videoId),
      });
      await delegate(request, reply, upload);
      // tus refused or failed the creation after we recorded it: undo, so the video is free again.
      if (reply.raw.statusCode !== 201) await uploads.cancelCreation(upload.id);
    },
  );

  routes.head(
    '/:uploadId',
    {
      config: { ...tusCors, auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: 'Offset of a tus upload (resume from here)',
        description: TUS_DOCS,
        params: uploadIdParams,
      },
    },
    async (request, reply) => {
      const upload = await ownTusUpload(request, request.params.uploadId);
      if (upload.state === 'completed') return sendFinished(reply, upload);
      if (upload.state !== 'pending' && upload.state !== 'completing') throw uploadGone(upload);
      // Every byte arrived but finalisation failed or was cut off (crash, lost response): a resuming
      // client asks HEAD and would see a finished upload, so finish it now, before saying so.
      if (await isFullyReceived(tusStorage, upload)) {
        await uploads.finalise(upload.id);
        return sendFinished(reply, upload);
      }
      return delegate(request, reply, upload);
    },
  );

  routes.patch(
    '/:uploadId',
    {
      config: { ...tusCors, auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: 'Append bytes to a tus upload at Upload-Offset',
        description: TUS_DOCS,
        params: uploadIdParams,
      },
    },
    async (request, reply) => {
      const upload = await ownTusUpload(request, request.params.uploadId);
      if (upload.state === 'pending') return delegate(request, reply, upload);
      if (upload.state === 'completing') throw finaliseInProgress();
      if (upload.state === 'completed') throw uploadAlreadyCompleted();
      throw uploadGone(upload);
    },
  );

  routes.delete(
    '/:uploadId',
    {
      config: { ...tusCors, auth: 'required' },
      schema: {
        tags: ['uploads'],
        summary: 'Cancel a tus upload and remove its bytes',
        description: TUS_DOCS,
        params: uploadIdParams,
      },
    },
    async (request, reply) => {
      const upload = await ownTusUpload(request, request.params.uploadId);
      await uploads.abort(upload.id);
      return reply.header('tus-resumable', '1.0.0').code(204).send();
    },
  );
}

async function isFullyReceived(tusStorage: TusStorage, upload: UploadRow): Promise<boolean> {
  const received = await tusStorage.datastore.getUpload(upload.store_id).catch(() => undefined);
  return received?.offset === upload.size_bytes;
}

/** A finished upload's HEAD: all bytes received, whatever became of its staging files. */
function sendFinished(reply: FastifyReply, upload: UploadRow) {
  return reply
    .code(200)
    .headers({
      'tus-resumable': '1.0.0',
      'upload-offset': String(upload.size_bytes),
      'upload-length': String(upload.size_bytes),
      'cache-control': 'no-store',
    })
    .send();
}
