import type { IncomingMessage, ServerResponse } from 'node:http';
import { Server, type DataStore, type ServerOptions } from '@tus/server';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { UploadRow } from './repo.ts';
import type { UploadService } from './service.ts';
import { TUS_ENDPOINT } from './upload-policy.ts';

type TusRequest = Parameters<NonNullable<ServerOptions['onUploadFinish']>>[0];

/** What our Fastify route already established about a request before tus sees it. */
export interface TusRequestContext {
  requestId: string;
  /** The upload row the request is about: the one just created (POST) or the one in the URL. */
  upload?: UploadRow;
}

/**
 * The @tus/server protocol engine behind our routes. Routes authenticate, authorise and create the
 * upload row first (with JSON errors and Retry-After), then hand the raw request here; tus only
 * moves bytes. It names its store entries and URLs after our upload rows, found through the request.
 */
export class TusEndpoint {
  private readonly server: Server;
  /** Keyed by the Node request that tus wraps; tus hands its hooks the wrapper, which points back to it. */
  private readonly contexts = new WeakMap<object, TusRequestContext>();

  constructor(options: { config: Config; datastore: DataStore; uploads: UploadService; logger: Logger }) {
    const { config, datastore, uploads, logger } = options;
    const publicOrigin = config.publicUrl?.replace(/\/+$/, '');
    this.server = new Server({
      path: TUS_ENDPOINT,
      datastore,
      maxSize: config.uploads.maxBytes,
      respectForwardedHeaders: config.trustProxy,
      // tus writes its responses itself, so it sets CORS on them itself, with the app's origin list.
      allowedOrigins: (origin) => config.corsOrigins.includes(origin),
      allowedCredentials: true,
      allowedHeaders: ['X-Request-Id'],
      exposedHeaders: ['Upload-Expires', 'X-Request-Id', 'Retry-After'],
      namingFunction: (req) => this.uploadOf(req).store_id,
      getFileIdFromRequest: (req) => this.uploadOf(req).store_id,
      generateUrl: (req, { proto, host, path }) =>
        `${publicOrigin ?? `${proto}://${host}`}${path}/${this.uploadOf(req).id}`,
      onUploadFinish: async (req) => {
        const { upload, requestId } = this.contextOf(req);
        if (!upload) throw new Error('tus finished an upload without an upload row');
        try {
          await uploads.finalise(upload.id);
          return {};
        } catch (error) {
          // Answered, not thrown: a thrown error would reach the client as tus's generic text.
          if (error instanceof AppError) return jsonError(error, requestId);
          throw error;
        }
      },
      onResponseError: (req, error) => {
        if (error instanceof Error)
          logger.error({ err: error, requestId: this.contextOf(req).requestId }, 'tus request failed');
        return undefined;
      },
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse, context: TusRequestContext): Promise<void> {
    this.contexts.set(req, context);
    res.setHeader('x-request-id', context.requestId);
    await this.server.handle(req, res);
  }

  private contextOf(req: TusRequest): TusRequestContext {
    const raw = req.runtime?.node?.req;
    const context = raw ? this.contexts.get(raw) : undefined;
    if (!context) throw new Error('tus request did not come through the uploads routes');
    return context;
  }

  private uploadOf(req: TusRequest): UploadRow {
    const { upload } = this.contextOf(req);
    if (!upload) throw new Error('tus needed an upload row the route did not provide');
    return upload;
  }
}

function jsonError(error: AppError, requestId: string) {
  return {
    status_code: error.statusCode,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...error.headers },
    body: JSON.stringify({ success: false, error: { code: error.code, message: error.message, requestId } }),
  };
}
