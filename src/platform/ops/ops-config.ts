import { z } from 'zod';

/**
 * Operations settings (docs/OPERATIONS.md), read from the environment beside config.ts:
 * - EDGE_CACHE_DIR / EDGE_CACHE_LEVELS: the nginx proxy_cache_path directory and levels the workers purge
 *   when a video is deleted, made private or re-processed (unset: no purge, no edge on this machine).
 * - EDGE_ACCESS_LOG: the edge's access log, read for the edge hit ratio and bytes offloaded in /metrics.
 * - OPS_LOG_MAX_ROWS / OPS_LOG_RETENTION_DAYS / OPS_LOG_LEVEL: the structured logs (ops_logs, partitioned by
 *   day) keep at most that many rows and days (default 100,000 and 7), from that level up (default warn, so
 *   the database is not written for every request; info keeps every request's lines).
 * - OPS_HEARTBEAT_MS: process heartbeat period.
 */
const schema = z.object({
  EDGE_CACHE_DIR: z.string().min(1).optional(),
  EDGE_CACHE_LEVELS: z
    .string()
    .regex(/^[12](:[12]){0,2}$/)
    .default('1:2'),
  EDGE_ACCESS_LOG: z.string().min(1).optional(),
  OPS_LOG_MAX_ROWS: z.coerce.number().int().min(100).default(100_000),
  OPS_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  OPS_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('warn'),
  OPS_HEARTBEAT_MS: z.coerce.number().int().min(200).default(5000),
});

export interface OpsConfig {
  edge: { cacheDir?: string; levels: string; accessLog?: string };
  logMaxRows: number;
  /** Whole days of logs older than this are dropped. */
  logRetentionDays: number;
  /** Lowest level stored in the ring (stdout gets LOG_LEVEL as before). */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  heartbeatMs: number;
}

export function loadOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = schema.parse(env);
  return {
    edge: { cacheDir: parsed.EDGE_CACHE_DIR, levels: parsed.EDGE_CACHE_LEVELS, accessLog: parsed.EDGE_ACCESS_LOG },
    logMaxRows: parsed.OPS_LOG_MAX_ROWS,
    logRetentionDays: parsed.OPS_LOG_RETENTION_DAYS,
    logLevel: parsed.OPS_LOG_LEVEL,
    heartbeatMs: parsed.OPS_HEARTBEAT_MS,
  };
}
