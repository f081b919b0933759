import { readFileSync } from 'node:fs';

/**
 * User and system CPU seconds a process (all its threads) has used so far, from /proc/<pid>/stat
 * (Linux, clock ticks of 1/100 s). For processes the benchmark starts but cannot ask over IPC; the
 * split tells JavaScript's share from the kernel's (socket reads and writes are system time).
 */
export function cpuSplitOf(pid: number): { user: number; system: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { user: Number(fields[11]) / 100, system: Number(fields[12]) / 100 };
}

/** User + system CPU seconds of a process so far (cpuSplitOf). */
export function cpuSecondsOf(pid: number): number {
  const { user, system } = cpuSplitOf(pid);
  return user + system;
}
