/**
 * The environment of a `real` bench target (bench/support/serve-target.ts): the parent's, less what
 * points at the parent's own database, Redis or port, in production mode without in-process job
 * workers (their polling is noise here) and without the global rate limit (the load is the point).
 */
export function appTargetEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'REDIS_URL', 'PORT', 'HOST', 'JWT_SECRET', 'WORKERS_IN_PROCESS'])
    delete env[name];
  return {
    ...env,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000000',
    WORKERS_IN_PROCESS: 'false',
    ...extra,
  };
}
