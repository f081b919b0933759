import type { Server } from 'node:http';
import { setFlagsFromString } from 'node:v8';

/** V8's default: each scavenge that finds the young generation too small doubles it (up to 16 MiB a semi-space). */
const DEFAULT_GROWTH_FACTOR = 2;
/** Requests in one second that count as real load (one person browsing the web app stays below it). */
export const BUSY_REQUESTS_PER_SECOND = 100;

/**
 * Keeps V8's young generation at its size when called (1 MiB a semi-space in a fresh process) until the
 * returned function is called, then lets it grow as V8 would have. Loading ~900 modules and opening the
 * database make every scavenge find many survivors, so by default V8 grows the young generation to its
 * 32 MiB maximum during start-up, and an idle server's polling workers then keep it committed: a tenth of
 * the embedded server's idle RSS. Only the growth factor is changed (V8 reads it at each resize); the size
 * limits are fixed when the process starts and stay untouched.
 *
 * Does nothing when the operator set a young-generation flag on the command line or in NODE_OPTIONS:
 * theirs wins, and restoring our default would overwrite it.
 */
export function holdYoungGeneration(
  nodeFlags: readonly string[] = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)],
): () => void {
  if (nodeFlags.some((flag) => /semi[-_]space|max[-_]heap[-_]size/.test(flag))) return () => {};
  setFlagsFromString('--semi-space-growth-factor=1');
  let released = false;
  return () => {
    if (released) return;
    released = true;
    setFlagsFromString(`--semi-space-growth-factor=${DEFAULT_GROWTH_FACTOR}`);
  };
}

/**
 * Calls `release` once `server` gets BUSY_REQUESTS_PER_SECOND requests within one second. Released at the
 * end of start-up instead, the young generation grew back to its maximum within ~10 s from the idle
 * workers' polling alone; while held, request throughput on PGlite was ~7 % lower (docs/BENCHMARKS.md), so
 * the hold lasts only as long as the server is quiet. Once released it stays released: V8's own memory
 * reducer may shrink the young generation again when the server goes idle.
 */
export function releaseWhenBusy(
  server: Server,
  release: () => void,
  requestsPerSecond = BUSY_REQUESTS_PER_SECOND,
): void {
  let requests = 0;
  const timer = setInterval(() => {
    requests = 0;
  }, 1000).unref();
  const count = () => {
    requests += 1;
    if (requests < requestsPerSecond) return;
    clearInterval(timer);
    server.off('request', count);
    release();
  };
  server.on('request', count);
}
