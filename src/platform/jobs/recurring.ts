import type { JobHandler, JobQueue } from './job-queue.ts';

export interface SlotPayload {
  slot: number;
}

/**
 * Recurring work as a chain of delayed jobs, one per time slot of `periodSeconds`: each run schedules
 * the next. The slot in the dedupe key makes every worker's "schedule the next one" collapse into a
 * single job, and the chain survives restarts because each worker (re)schedules the coming slot when
 * it starts. No cron process, no leader election.
 */
export function scheduleRecurring(
  jobs: JobQueue,
  queue: string,
  name: string,
  periodSeconds: number,
  now = Date.now(),
): Promise<{ id: string }> {
  const periodMs = periodSeconds * 1000;
  const slot = Math.floor(now / periodMs) + 1;
  return jobs.enqueue<SlotPayload>(
    queue,
    name,
    { slot },
    {
      priority: 'normal',
      attempts: 1,
      timeoutMs: periodMs,
      delayMs: Math.max(0, slot * periodMs - now),
      dedupeKey: `${name}:${slot}`,
    },
  );
}

/** The handler of a recurring job: does the work, then schedules the next slot whatever happened. */
export function recurringHandler(
  jobs: JobQueue,
  queue: string,
  name: string,
  periodSeconds: number,
  work: () => Promise<void>,
): JobHandler<SlotPayload> {
  return async () => {
    try {
      await work();
    } finally {
      await scheduleRecurring(jobs, queue, name, periodSeconds);
    }
  };
}
