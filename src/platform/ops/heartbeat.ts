import { hostname } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Registry } from 'prom-client';
import type { Platform } from '../platform.ts';
import { opsLogSink } from './log-sink.ts';
import { loadOpsConfig } from './ops-config.ts';

export type ProcessKind = 'api' | 'worker' | 'live' | 'cli';

/** This process's id in ops_processes and ops_logs: host and pid, unique while it runs. */
export const processId = () => `${hostname()}:${process.pid}`;

/** The /metrics figures the console shows per process, summed over their labels where noted. */
async function processStats(registry: Registry, loop: ReturnType<typeof monitorEventLoopDelay>) {
  const stats: Record<string, unknown> = {
    rssBytes: process.memoryUsage.rss(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    uptimeSeconds: Math.round(process.uptime()),
    eventLoopP99Ms: Math.round(loop.percentile(99) / 1e4) / 100,
  };
  loop.reset();
  for (const metric of await registry.getMetricsAsJSON()) {
    const values = metric.values as Array<{ labels: Record<string, string | number>; value: number }>;
    if (metric.name === 'http_requests_total') stats.httpRequests = values.reduce((sum, v) => sum + v.value, 0);
    if (metric.name === 'streamhub_cache_lookups_total') {
      stats.cacheLookups = Object.fromEntries(values.map((v) => [`${v.labels.cache}.${v.labels.outcome}`, v.value]));
    }
    if (metric.name === 'streamhub_db_replica_lag_seconds') {
      stats.replicaLagSeconds = Object.fromEntries(values.map((v) => [String(v.labels.replica), v.value]));
    }
    if (metric.name === 'streamhub_db_replica_up') {
      stats.replicaUp = Object.fromEntries(values.map((v) => [String(v.labels.replica), v.value === 1]));
    }
    if (metric.name === 'streamhub_db_pool_connections') {
      stats.dbPool = Object.fromEntries(values.map((v) => [String(v.labels.state), v.value]));
    }
  }
  return stats;
}

/**
 * Makes this process visible to the ops console: a heartbeat row in ops_processes every
 * OPS_HEARTBEAT_MS with its figures, and its log lines stored in the ops_logs ring. A process that
 * stops cleanly removes its row; one that dies leaves a row that goes stale (the console says so) and
 * is removed an hour later.
 */
export function startOps(platform: Platform, kind: ProcessKind): { stop(): Promise<void> } {
  const config = loadOpsConfig();
  const id = processId();
  const db = platform.database.db;
  const loop = monitorEventLoopDelay({ resolution: 20 });
  loop.enable();
  opsLogSink.attach(db, { processId: id, maxRows: config.logMaxRows, retentionDays: config.logRetentionDays });
  const beat = async () => {
    if (!platform.migrated) return;
    try {
      const stats = JSON.stringify(await processStats(platform.metrics, loop));
      await db
        .insertInto('ops_processes')
        .values({ id, kind, host: hostname(), pid: process.pid, stats })
        .onConflict((oc) => oc.column('id').doUpdateSet({ kind, stats, last_seen_at: new Date() }))
        .execute();
      // A process killed an hour ago has been shown as silent long enough.
      await db
        .deleteFrom('ops_processes')
        .where('last_seen_at', '<', new Date(Date.now() - 3600_000))
        .execute();
    } catch (error) {
      platform.logger.debug({ err: error }, 'ops heartbeat failed');
    }
  };
  let beating: Promise<void> | undefined;
  const tick = () => {
    beating ??= beat().finally(() => (beating = undefined));
  };
  tick();
  const timer = setInterval(tick, config.heartbeatMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      loop.disable();
      await beating;
      await opsLogSink.detach();
      await db
        .deleteFrom('ops_processes')
        .where('id', '=', id)
        .execute()
        .catch(() => undefined);
    },
  };
}
