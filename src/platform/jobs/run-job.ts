import type { Logger } from 'pino';
import type { DeadLetter, DeadLetterHook, JobContext, JobHandler } from './job-queue.ts';

/** How one run of a handler ended, as both adapters need to record it. */
export type RunOutcome =
  | { kind: 'completed' }
  | { kind: 'failed'; error: string }
  /** Stopped from outside (shutdown, lost lease): not the job's fault, so it goes back to waiting. */
  | { kind: 'interrupted' };

export interface RunJobOptions {
  timeoutMs: number;
  /** Aborted when this process must stop working on the job. */
  interrupt: AbortSignal;
  /** After aborting, how long the handler gets to wind down before the run is recorded anyway. */
  graceMs: number;
}

class JobTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'JobTimeoutError';
  }
}

const MAX_ERROR_LENGTH = 4000;

export function describeError(error: unknown): string {
  // PostgreSQL text cannot hold NUL characters.
  const text = (error instanceof Error ? error.message || error.name : String(error)).replaceAll('\u0000', '');
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
}

function whenAborted(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));
}

/** Resolves after `ms`, or at once when `settled` does, leaving no timer behind either way. */
async function waitAtMost(settled: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  try {
    await Promise.race([settled, elapsed]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Runs one attempt of a job. A timeout or an interrupt aborts the handler's signal; the handler then
 * gets `graceMs` to return, after which the run is recorded regardless: a handler that ignores its
 * signal cannot hold a queue slot (or a shutdown) hostage, and its late result is discarded.
 */
export async function runJob<P>(
  handler: JobHandler<P>,
  context: Omit<JobContext<P>, 'signal'>,
  options: RunJobOptions,
): Promise<RunOutcome> {
  if (options.interrupt.aborted) return { kind: 'interrupted' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new JobTimeoutError(options.timeoutMs)), options.timeoutMs);
  const onInterrupt = () => controller.abort(options.interrupt.reason);
  options.interrupt.addEventListener('abort', onInterrupt, { once: true });
  // The async wrapper turns a handler that throws synchronously into a rejected promise.
  const settled = (async () => handler({ ...context, signal: controller.signal }))().then(
    (): RunOutcome => ({ kind: 'completed' }),
    (error: unknown): RunOutcome => ({ kind: 'failed', error: describeError(error) }),
  );
  try {
    const first = await Promise.race([settled, whenAborted(controller.signal)]);
    if (first !== 'aborted') return first;
    await waitAtMost(settled, options.graceMs);
    const reason: unknown = controller.signal.reason;
    return reason instanceof JobTimeoutError ? { kind: 'failed', error: reason.message } : { kind: 'interrupted' };
  } finally {
    clearTimeout(timer);
    options.interrupt.removeEventListener('abort', onInterrupt);
  }
}

/** Runs a queue's dead-letter hook, if it has one; a failing hook must not keep the job out of the dead letters. */
export async function runDeadLetterHook<P>(
  hook: DeadLetterHook<P> | undefined,
  job: DeadLetter<P>,
  logger: Logger | undefined,
): Promise<void> {
  if (!hook) return;
  try {
    await hook(job);
  } catch (error) {
    logger?.error({ err: error, jobId: job.id, queue: job.queue }, 'dead-letter hook failed');
  }
}
