import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EdgeAccessLog } from '../../platform/edge/edge-stats.ts';
import { envelope, isoDate, isoDateInput, ok, toIso } from '../../platform/http/envelope.ts';
import { loadOpsConfig } from '../../platform/ops/ops-config.ts';
import { logRoutes, readOpsStatus, searchLogs } from '../../platform/ops/ops-status.ts';
import type { Platform } from '../../platform/platform.ts';
import { limitParam } from '../../platform/pagination/page-query.ts';

const counts = z.record(z.string(), z.number());

const statusSchema = z.object({
  processes: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      host: z.string(),
      pid: z.number(),
      startedAt: isoDate,
      lastSeenAt: isoDate,
      stale: z.boolean(),
      stats: z.record(z.string(), z.unknown()),
    }),
  ),
  queues: z.array(
    z.object({
      queue: z.string(),
      waiting: z.number(),
      active: z.number(),
      completed: z.number(),
      failed: z.number(),
      oldestWaitingSeconds: z.number(),
    }),
  ),
  deadLetters: z.number(),
  replicas: z.array(z.object({ name: z.string(), up: z.boolean(), lagSeconds: z.number() })),
  caches: z.array(
    z.object({ cache: z.string(), lookups: z.number(), hits: z.number(), hitRatio: z.number().nullable() }),
  ),
  edge: z.object({ requests: counts, bytes: counts, hitRatio: z.number().nullable() }).nullable(),
});

const logSchema = z.object({
  id: z.string(),
  at: isoDate,
  level: z.number(),
  processId: z.string(),
  requestId: z.string().nullable(),
  route: z.string().nullable(),
  method: z.string().nullable(),
  message: z.string(),
  line: z.record(z.string(), z.unknown()),
});

/** A route pattern as Fastify registers it: a path with `:params` or `*`, no spaces, no query string. */
const routePattern = z
  .string()
  .max(300)
  .regex(/^\/[^\s?#]*$/, 'a route pattern such as /api/v1/videos/:id');

/** More than the API has routes: the picker lists them all. */
const MAX_PICKER_ROUTES = 1000;

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 } as const;

/** The admin ops console's data: process and cluster health, and the structured-log search. */
export async function adminOpsRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const routes = app.withTypeProvider<ZodTypeProvider>();
  const config = loadOpsConfig();
  const edgeLog = config.edge.accessLog ? new EdgeAccessLog(config.edge.accessLog) : undefined;

  routes.get(
    '/ops/status',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Processes (heartbeats), queue depths, dead letters, replica lag, cache and edge hit ratios',
        response: { 200: envelope(statusSchema) },
      },
    },
    async () => {
      const status = await readOpsStatus(platform, { heartbeatMs: config.heartbeatMs, edgeLog });
      return ok({
        ...status,
        processes: status.processes.map((process) => ({
          ...process,
          startedAt: toIso(process.startedAt),
          lastSeenAt: toIso(process.lastSeenAt),
        })),
      });
    },
  );

  routes.get(
    '/ops/logs',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'Search the structured logs of every process, newest first',
        querystring: z.object({
          level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).optional(),
          requestId: z.string().min(1).max(200).optional(),
          route: routePattern.optional(),
          q: z.string().min(1).max(200).optional(),
          since: isoDateInput.optional(),
          until: isoDateInput.optional(),
          limit: limitParam(),
        }),
        response: { 200: envelope(z.array(logSchema)) },
      },
    },
    async (request) => {
      const { level, requestId, route, q, since, until, limit } = request.query;
      const rows = await searchLogs(platform.database.db, {
        level: level ? LEVELS[level] : undefined,
        requestId,
        route,
        text: q,
        since,
        until,
        limit,
      });
      return ok(
        rows.map((row) => ({
          id: String(row.id),
          at: toIso(row.at),
          level: row.level,
          processId: row.process_id,
          requestId: row.request_id,
          route: row.route,
          method: row.method,
          message: row.message,
          line: typeof row.line === 'string' ? (JSON.parse(row.line) as Record<string, unknown>) : row.line,
        })),
        { limit },
      );
    },
  );

  routes.get(
    '/ops/log-routes',
    {
      config: { auth: { role: 'admin' } },
      schema: {
        tags: ['admin'],
        summary: 'The route patterns the stored log lines were logged for, with their line counts (the route filter)',
        response: { 200: envelope(z.array(z.object({ route: z.string(), lines: z.number() }))) },
      },
    },
    async () => ok(await logRoutes(platform.database.db, MAX_PICKER_ROUTES)),
  );
}
