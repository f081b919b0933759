import { z } from 'zod';

/**
 * Operations settings (docs/OPERATIONS.md), read from the environment beside config.ts:
 * - EDGE_CACHE_DIR / EDGE_CACHE_LEVELS: the nginx proxy_cache_path directory and levels the workers purge
 *   when a video is deleted, made private or re-processed (unset: no purge, no edge on this machine).
 * - EDGE_ACCESS_LOG: the edge's access log, read for the edge hit ratio and bytes offloaded in /metrics.
 * - OPS_LOG_MAX_ROWS / OPS_LOG_LEVEL: size of the structured-log ring (ops_logs) and the lowest level it
 *   keeps (default warn, so the database is not written for every request; info keeps every request's lines);
 *   OPS_HEARTBEAT_MS: process heartbeat period.
 */
const schema = z.object({
  EDGE_CACHE_DIR: z.string().min(1).optional(),
  EDGE_CACHE_LEVELS: z
    .string()
    .regex(/^[12](:[12]){0,2}$/)
    .default('1:2'),
  EDGE_ACCESS_LOG: z.string().min(1).optional(),
  OPS_LOG_MAX_ROWS: z.coerce.number().int().min(100).default(100_000),
  OPS_LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('warn'),
  OPS_HEARTBEAT_MS: z.coerce.number().int().min(200).default(5000),
});

export interface OpsConfig {
  edge: { cacheDir?: string; levels: string; accessLog?: string };
  logMaxRows: number;
  /** Lowest level stored in the ring (stdout gets LOG_LEVEL as before). */
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';
  heartbeatMs: number;
}

export function loadOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  const parsed = schema.parse(env);
  return {
    edge: { cacheDir: parsed.EDGE_CACHE_DIR, levels: parsed.EDGE_CACHE_LEVELS, accessLog: parsed.EDGE_ACCESS_LOG },
    logMaxRows: parsed.OPS_LOG_MAX_ROWS,
    logLevel: parsed.OPS_LOG_LEVEL,
    heartbeatMs: parsed.OPS_HEARTBEAT_MS,
  };
}
