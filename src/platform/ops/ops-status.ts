import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { EdgeAccessLog, EdgeTotals } from '../edge/edge-stats.ts';
import { edgeHitRatio } from '../edge/edge-stats.ts';
import type { QueueCounts } from '../jobs/job-queue.ts';
import type { Platform } from '../platform.ts';

export interface ProcessStatus {
  id: string;
  kind: string;
  host: string;
  pid: number;
  startedAt: Date;
  lastSeenAt: Date;
  /** No heartbeat for three periods: the process died or hangs. */
  stale: boolean;
  stats: Record<string, unknown>;
}

export interface CacheStatus {
  cache: string;
  lookups: number;
  hits: number;
  hitRatio: number | null;
}

export interface OpsStatus {
  processes: ProcessStatus[];
  queues: QueueCounts[];
  deadLetters: number;
  replicas: Array<{ name: string; up: boolean; lagSeconds: number }>;
  caches: CacheStatus[];
  edge: (EdgeTotals & { hitRatio: number | null }) | null;
}

/** Sums the per-process lookups (`<cache>.<outcome>`) of live processes into one ratio per cache. */
export function cacheRatios(processes: ProcessStatus[]): CacheStatus[] {
  const byCache = new Map<string, { lookups: number; hits: number }>();
  for (const process of processes) {
    const lookups = (process.stats.cacheLookups ?? {}) as Record<string, number>;
    for (const [key, count] of Object.entries(lookups)) {
      const [cache = '?', outcome] = key.split('.');
      const entry = byCache.get(cache) ?? { lookups: 0, hits: 0 };
      entry.lookups += count;
      if (outcome !== 'miss') entry.hits += count;
      byCache.set(cache, entry);
    }
  }
  return [...byCache].map(([cache, { lookups, hits }]) => ({
    cache,
    lookups,
    hits,
    hitRatio: lookups ? hits / lookups : null,
  }));
}

/** Everything the admin ops console shows, read from the heartbeats, the queue, the replicas and the edge log. */
export async function readOpsStatus(
  platform: Platform,
  options: { heartbeatMs: number; edgeLog?: EdgeAccessLog },
): Promise<OpsStatus> {
  const rows = await platform.database.db
    .selectFrom('ops_processes')
    .selectAll()
    .select(sql<number>`extract(epoch from now() - last_seen_at)`.as('silent_seconds'))
    .orderBy('kind')
    .orderBy('started_at')
    .execute();
  const processes = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    host: row.host,
    pid: row.pid,
    startedAt: row.started_at,
    lastSeenAt: row.last_seen_at,
    stale: Number(row.silent_seconds) * 1000 > options.heartbeatMs * 3,
    stats: typeof row.stats === 'string' ? (JSON.parse(row.stats) as Record<string, unknown>) : row.stats,
  }));
  const [queues, edge] = await Promise.all([platform.jobs.counts(), options.edgeLog?.read()]);
  return {
    processes,
    queues,
    deadLetters: queues.reduce((sum, queue) => sum + queue.failed, 0),
    replicas: (platform.database.replicas?.states ?? []).map((state) => ({
      name: state.name,
      up: state.up,
      lagSeconds: state.lagMs / 1000,
    })),
    caches: cacheRatios(processes.filter((process) => !process.stale)),
    edge: edge ? { ...edge, hitRatio: edgeHitRatio(edge) } : null,
  };
}

export interface LogQuery {
  level?: number;
  requestId?: string;
  /** A route pattern as Fastify knows it (`/api/v1/videos/:id`): that route's request lines. */
  route?: string;
  text?: string;
  since?: Date;
  until?: Date;
  limit: number;
}

/** Newest first; `level` is a minimum (pino numbers: 30 info, 40 warn, 50 error); text matches the message or the line. */
export function searchLogs(db: Kysely<DB>, query: LogQuery) {
  let select = db
    .selectFrom('ops_logs')
    .select(['id', 'at', 'level', 'process_id', 'request_id', 'route', 'method', 'message', 'line']);
  if (query.level !== undefined) select = select.where('level', '>=', query.level);
  if (query.requestId) select = select.where('request_id', '=', query.requestId);
  if (query.route) select = select.where('route', '=', query.route);
  if (query.since) select = select.where('at', '>=', query.since);
  if (query.until) select = select.where('at', '<=', query.until);
  if (query.text) {
    const pattern = `%${query.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) =>
      eb.or([eb('message', 'ilike', pattern), eb(sql<string>`line::text`, 'ilike', pattern)]),
    );
  }
  return select.orderBy('id', 'desc').limit(query.limit).execute();
}

/** The routes the stored lines were logged for, with their line counts: the log search's route picker. */
export function logRoutes(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('ops_logs')
    .select(['route', sql<number>`count(*)::int`.as('lines')])
    .where('route', 'is not', null)
    .groupBy('route')
    .orderBy('route')
    .limit(limit)
    .$narrowType<{ route: string }>()
    .execute();
}
