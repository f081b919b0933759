import pg from 'pg';
import { cpuSecondsOf } from './process-cpu.ts';

/**
 * CPU seconds used so far by each PostgreSQL backend serving one database (every client connected to
 * it: a target's pool, a worker), by process id, read from /proc. Needs the server on this machine;
 * the backends of a fresh bench database belong to that benchmark alone, unlike the server's total.
 */
export async function postgresBackendCpu(url: string): Promise<Map<number, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const seconds = new Map<number, number>();
    for (const { pid } of rows) {
      try {
        seconds.set(pid, cpuSecondsOf(pid));
      } catch {
        // The backend ended between the listing and the read.
      }
    }
    return seconds;
  } finally {
    await client.end();
  }
}

/** CPU seconds the backends used between two readings (a backend started in between counts whole). */
export function backendCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let seconds = 0;
  for (const [pid, value] of after) seconds += value - (before.get(pid) ?? 0);
  return seconds;
}
