import type { FastifyInstance, RouteHandlerMethod } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { runWithReplicaReads } from '../db/replicas/read-context.ts';
import type { WriteMarks } from '../db/replicas/write-marks.ts';
import { STALE_TOLERANT_ROUTES } from './stale-tolerant-routes.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes reads to replicas where staleness is fine, and keeps read-your-writes: a signed-in user's
 * successful write records the primary's WAL position before the response leaves, so that user's
 * next read (on any API process) waits for a replica that has replayed it, or uses the primary.
 * Must be installed before the routes are registered (it wraps their handlers as they are added).
 */
export function installReplicaReads(
  app: FastifyInstance,
  { database, marks, logger }: { database: Database; marks: WriteMarks; logger: Logger },
): void {
  const currentWalLsn = database.currentWalLsn;
  if (!database.replicas || !currentWalLsn) return;
  const tolerant = new Set(STALE_TOLERANT_ROUTES);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.includes('GET') || !tolerant.has(route.url)) return;
    const handler = route.handler as RouteHandlerMethod;
    route.handler = async function (request, reply) {
      let minLsn: bigint | undefined;
      try {
        minLsn = request.user ? await marks.get(request.user.id) : undefined;
      } catch (error) {
        // Not knowing whether this user just wrote: the primary answers.
        request.log.warn({ err: error }, 'reading the read-your-writes mark failed; reading from the primary');
        return handler.call(this, request, reply);
      }
      return runWithReplicaReads({ minLsn }, () => handler.call(this, request, reply));
    };
  });

  app.addHook('onSend', async (request, reply) => {
    if (SAFE_METHODS.has(request.method) || !request.user || reply.statusCode >= 400) return;
    try {
      await marks.mark(request.user.id, await currentWalLsn());
    } catch (error) {
      // Without a mark the user's next reads may be a moment stale; the write itself succeeded.
      logger.warn({ err: error }, 'recording a write position for read-your-writes failed');
    }
  });
}
