import type { EnqueueOptions, JobPriority } from './job-queue.ts';

/** Lower runs first; the numbers are BullMQ priorities and the Postgres `priority` column alike. */
export const PRIORITY_RANK: Record<JobPriority, number> = { high: 1, normal: 5, low: 10 };

const DEFAULT_ATTEMPTS = 3;
const DEFAULT_BACKOFF_MS = 1000;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
// The Postgres columns are `integer` milliseconds.
const MAX_MS = 2 ** 31 - 1;

export interface ResolvedEnqueueOptions {
  priorityRank: number;
  attempts: number;
  backoffMs: number;
  timeoutMs: number;
  delayMs: number;
  dedupeKey: string | null;
}

function checkInteger(label: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${label} must be an integer from ${min} to ${max}, got ${value}`);
  }
  return value;
}

/** Fills in defaults and rejects nonsense before it reaches either backend. */
export function resolveEnqueueOptions(options: EnqueueOptions = {}): ResolvedEnqueueOptions {
  if (options.dedupeKey !== undefined && options.dedupeKey.length === 0) {
    throw new RangeError('dedupeKey must not be empty');
  }
  return {
    priorityRank: PRIORITY_RANK[options.priority ?? 'normal'],
    attempts: checkInteger('attempts', options.attempts ?? DEFAULT_ATTEMPTS, 1, 1000),
    backoffMs: checkInteger('backoffMs', options.backoffMs ?? DEFAULT_BACKOFF_MS, 0, MAX_MS),
    timeoutMs: checkInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1, MAX_MS),
    delayMs: checkInteger('delayMs', options.delayMs ?? 0, 0, MAX_MS),
    dedupeKey: options.dedupeKey ?? null,
  };
}

/** BullMQ forbids `:` in queue names and uses it to build keys; the same rule holds on Postgres. */
export function isQueueName(queue: string): boolean {
  return /^[A-Za-z0-9_.-]{1,100}$/.test(queue);
}

export function assertQueueName(queue: string): void {
  if (!isQueueName(queue)) {
    throw new RangeError(`invalid queue name ${JSON.stringify(queue)}: use letters, digits, _ - .`);
  }
}

export function assertConcurrency(concurrency: number): number {
  return checkInteger('concurrency', concurrency, 1, 1000);
}

export function clampProgress(percent: number): number {
  if (!Number.isFinite(percent)) throw new RangeError(`progress must be a finite number, got ${percent}`);
  return Math.min(100, Math.max(0, percent));
}
