import { markdownTable } from './options.ts';

/** The modes of bench/engagement-likes.ts, their figures and the table it prints. */

export type ModeKey = 'embedded' | 'redis' | 'redis-paused' | 'anchor';
export const LABELS: Record<ModeKey, string> = {
  embedded: 'embedded (PGlite, in-process counters)',
  redis: 'Redis (PostgreSQL, Redis counters)',
  'redis-paused': 'Redis, worker paused during the load (diagnostic)',
  anchor: 'anchor: bare Fastify + pg + Redis',
};

export interface Measurement {
  key: ModeKey;
  perSecond: number;
  p50: number;
  p99: number;
  serverCpu: number;
  /** API CPU time (user + system) per toggle in microseconds: far steadier than toggles/s on a busy machine. */
  cpuPerToggle: number;
  /**
   * CPU of the `streamhub worker` per toggle in the same window (Redis mode: it relays each like event
   * and runs the analytics and recommendation consumers on the same cores; the anchor has no worker).
   */
  workerCpuPerToggle: number;
  /** CPU of the PostgreSQL backends of this run's database (the API's pool and the worker's) per toggle. */
  postgresCpuPerToggle: number;
  total: number;
  failures: number;
  likeCount: number;
  likeRows: number;
}

/** API + worker + PostgreSQL backends: what one toggle costs the cores the modes share (Redis and the load generator left out). */
export function totalCpuPerToggle(m: Measurement): number {
  return m.cpuPerToggle + (Number.isNaN(m.workerCpuPerToggle) ? 0 : m.workerCpuPerToggle) + m.postgresCpuPerToggle;
}

/** The table of every mode's figures, one row a mode. */
export function report(measurements: Measurement[]): string {
  return markdownTable(
    [
      'mode',
      'toggles/s',
      'p50 ms',
      'p99 ms',
      'API CPU',
      'API CPU µs/toggle',
      'worker CPU µs/toggle',
      'PostgreSQL CPU µs/toggle',
      'API + worker + PostgreSQL µs/toggle',
      'toggles',
      'errors/non-2xx',
      'like_count = rows after flush',
    ],
    measurements.map((m) => [
      LABELS[m.key],
      Math.round(m.perSecond).toLocaleString('en-US'),
      m.p50.toFixed(m.p50 < 10 ? 1 : 0),
      m.p99.toFixed(m.p99 < 10 ? 1 : 0),
      `${m.serverCpu.toFixed(0)} %`,
      m.cpuPerToggle.toFixed(0),
      Number.isNaN(m.workerCpuPerToggle) ? 'no worker' : m.workerCpuPerToggle.toFixed(0),
      Number.isNaN(m.postgresCpuPerToggle) ? 'n/a (PGlite)' : m.postgresCpuPerToggle.toFixed(0),
      Number.isNaN(m.postgresCpuPerToggle) ? 'n/a (PGlite)' : totalCpuPerToggle(m).toFixed(0),
      m.total.toLocaleString('en-US'),
      m.failures.toLocaleString('en-US'),
      Number.isNaN(m.likeRows)
        ? 'n/a (anchor)'
        : m.likeCount === m.likeRows
          ? `yes (${m.likeRows})`
          : `NO (${m.likeCount} vs ${m.likeRows})`,
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
}
