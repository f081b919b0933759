import { readFileSync } from 'node:fs';

/**
 * User + system CPU seconds a process (all its threads) has used so far, from /proc/<pid>/stat
 * (Linux, clock ticks of 1/100 s). For processes the benchmark starts but cannot ask over IPC.
 */
export function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
