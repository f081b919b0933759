import type { FastifyInstance, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { AppError } from '../http/errors.ts';
import type { ErrorCode } from '../http/error-codes.ts';
import type { TieredCache } from './tiered-cache.ts';

/** A cached answer of a public GET route: its payload, or the 404 it gave. */
export interface CachedResponse {
  body?: unknown;
  notFound?: { code: ErrorCode; message: string };
}

type Params = Record<string, string>;

/**
 * Hot public reads answered from the tiered cache for anonymous viewers (a signed-in viewer's page
 * carries their own state: liked, subscribed), tagged by what they show so one invalidation drops
 * every rendering. Trending pages refresh by TTL and on any video change.
 */
export const CACHED_ROUTES: Record<string, (params: Params) => string> = {
  '/api/v1/videos/:id': (params) => `video:${params.id}`,
  '/api/v1/users/:id': (params) => `user:${params.id}`,
  '/api/v1/users/:id/channel': (params) => `user:${params.id}`,
  '/api/v1/videos/trending': () => 'trending',
};

/** Writes through the API that change what a tag shows: the writing process invalidates at once. */
const WRITES: Array<{ method: string; url: string; tags: (params: Params) => string[] }> = [
  { method: 'PUT', url: '/api/v1/videos/:id', tags: (params) => [`video:${params.id}`, 'trending'] },
  { method: 'DELETE', url: '/api/v1/videos/:id', tags: (params) => [`video:${params.id}`, 'trending'] },
  { method: 'PUT', url: '/api/v1/users/:id', tags: (params) => [`user:${params.id}`] },
];

class NotCacheable extends Error {}

/** Must be installed before the routes are registered (it wraps their handlers as they are added). */
export function installResponseCache(app: FastifyInstance, cache: TieredCache<CachedResponse>): void {
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const tagOf = CACHED_ROUTES[route.url];
    if (!tagOf || !methods.includes('GET')) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (request, reply) {
      if (request.user) return handler.call(this, request, reply);
      let direct: unknown;
      const cached = await cache
        .get(tagOf(request.params as Params), variantOf(request), async () => {
          try {
            const body = await handler.call(this, request, reply);
            // A handler that sent its own reply (a stream, a redirect) returns the reply or nothing: not a
            // cacheable payload. (reply.sent is no sign: a background refresh of a stale entry finishes
            // after this request was answered from that entry.)
            if (body === reply || body === undefined) throw new NotCacheable();
            return { body };
          } catch (error) {
            if (error instanceof AppError && error.statusCode === 404) {
              return { notFound: { code: error.code, message: error.message } };
            }
            throw error;
          }
        })
        .catch((error: unknown) => {
          if (!(error instanceof NotCacheable)) throw error;
          direct = reply;
          return undefined;
        });
      if (direct) return direct;
      if (cached?.notFound) throw new AppError(404, cached.notFound.code, cached.notFound.message);
      return cached?.body;
    };
  });

  // Before the response leaves, so the writer's next read (on any process) cannot see the old page.
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode >= 400) return;
    const write = WRITES.find(
      (candidate) => candidate.method === request.method && candidate.url === request.routeOptions.url,
    );
    if (!write) return;
    for (const tag of write.tags(request.params as Params)) {
      await cache
        .invalidate(tag)
        .catch((error: unknown) => request.log.warn({ err: error, tag }, 'cache invalidation failed'));
    }
  });
}

/** One rendering of a page: media URLs carry the origin, lists their query string. */
function variantOf(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${request.url}`;
}
