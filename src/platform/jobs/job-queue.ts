/**
 * The job-queue port: long work (transcoding, AI, housekeeping) runs as jobs on named queues.
 * Two adapters implement it: a Postgres-backed queue for the embedded default and BullMQ on Redis
 * for scale-out. Feature modules only ever see this interface. See docs/JOBS.md.
 */

/** Upload finalisation is `high`, transcoding `normal`, AI work and housekeeping `low`. */
export type JobPriority = 'high' | 'normal' | 'low';

export type JobStatus = 'waiting' | 'active' | 'completed' | 'failed';

export interface EnqueueOptions {
  priority?: JobPriority;
  /** Total runs allowed, the first included (default 3). A run that stalls or times out counts. */
  attempts?: number;
  /** Base of the exponential backoff: retry n waits backoffMs·2^(n-1) (default 1000). */
  backoffMs?: number;
  /** A run longer than this is aborted and counts as a failed attempt (default 10 minutes). */
  timeoutMs?: number;
  /** Do not start before this many milliseconds have passed. */
  delayMs?: number;
  /** While a job with the same key is waiting or active in the queue, enqueue returns that job. */
  dedupeKey?: string;
}

export interface JobContext<P> {
  id: string;
  queue: string;
  name: string;
  payload: P;
  /** 1 on the first run, 2 on the first retry, ... */
  attempt: number;
  /** Aborted on timeout or shutdown: stop, clean up and return (or throw) promptly. */
  signal: AbortSignal;
  /** Percent done, 0–100; visible through getJob. */
  reportProgress(percent: number): Promise<void>;
}

/** Resolving completes the job; throwing fails this attempt (retried while attempts remain). */
export type JobHandler<P> = (job: JobContext<P>) => Promise<unknown>;

export interface JobRecord {
  /** Opaque and globally unique; pass it back verbatim to getJob and retry. */
  id: string;
  queue: string;
  name: string;
  payload: unknown;
  /** A job waiting for its retry backoff is `waiting`; `failed` means dead-lettered. */
  status: JobStatus;
  /** Runs started so far (interrupted-by-shutdown runs excluded). */
  attempts: number;
  maxAttempts: number;
  progress: number;
  lastError: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface QueueCounts {
  queue: string;
  waiting: number;
  active: number;
  completed: number;
  failed: number;
  /** Age of the oldest waiting job in seconds (0 when none waits), when the adapter knows it. */
  oldestWaitingSeconds: number;
}

export interface ListFailedOptions {
  queue?: string;
  limit: number;
  offset?: number;
}

/** A job that has failed its last attempt, as its dead-letter hook sees it. */
export interface DeadLetter<P> {
  id: string;
  queue: string;
  name: string;
  payload: P;
  /** Attempts used, all of them. */
  attempts: number;
  /** Why the last attempt failed: the handler's error, a timeout, or a stalled run (its worker died). */
  error: string;
}

/**
 * Runs once a job is out of attempts, before it lands in the dead letters, so the feature can settle
 * what the job left behind (a video must not stay `processing`). At least once: if the worker dies
 * during the hook, the next worker to pick the job up runs the hook again. A hook that throws is
 * logged and the job is dead-lettered anyway.
 */
export type DeadLetterHook<P> = (job: DeadLetter<P>) => Promise<void>;

export interface ProcessOptions<P = unknown> {
  /** Jobs of this queue this process runs at once (default 1). */
  concurrency?: number;
  /** Called for every job of this queue that fails its last attempt (see DeadLetterHook). */
  deadLetter?: DeadLetterHook<P>;
}

export interface JobQueue {
  /** Queue names are letters, digits, `_`, `-` and `.` (BullMQ forbids `:`). */
  enqueue<P>(queue: string, name: string, payload: P, options?: EnqueueOptions): Promise<{ id: string }>;
  /**
   * Starts consuming `queue` in this process; call once per queue. A job whose worker died during its
   * last attempt is dead-lettered (and its hook run) by the next process consuming the queue.
   */
  process<P>(queue: string, handler: JobHandler<P>, options?: ProcessOptions<P>): void;
  getJob(id: string): Promise<JobRecord | null>;
  /** The dead letters: jobs that failed all their attempts, most recently failed first. */
  listFailed(options: ListFailedOptions): Promise<JobRecord[]>;
  /** Jobs per queue and status right now (completed ones until pruned): the ops console's queue depths. */
  counts(): Promise<QueueCounts[]>;
  /** Moves a dead-lettered job back to waiting with fresh attempts; false if not found or not failed. */
  retry(id: string): Promise<boolean>;
  /** Removes a dead-lettered job for good (an admin gave up on it); false if not found or not failed. */
  discard(id: string): Promise<boolean>;
  /** Housekeeping: forgets completed jobs that finished more than `olderThanMs` ago; resolves with how many. */
  pruneCompleted(olderThanMs: number): Promise<number>;
  /** Stops taking jobs, aborts running ones (they go back to waiting) and releases resources. */
  close(): Promise<void>;
}
