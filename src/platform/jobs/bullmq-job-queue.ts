import { Queue, UnrecoverableError, WaitingError, Worker, type Job, type JobState } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type {
  DeadLetterHook,
  EnqueueOptions,
  JobHandler,
  JobQueue,
  JobRecord,
  JobStatus,
  ListFailedOptions,
  ProcessOptions,
  QueueCounts,
} from './job-queue.ts';
import {
  assertConcurrency,
  assertQueueName,
  clampProgress,
  isQueueName,
  resolveEnqueueOptions,
} from './job-options.ts';
import { runDeadLetterHook, runJob } from './run-job.ts';

export interface BullMqJobQueueOptions {
  redisUrl: string;
  /** Namespaces every Redis key of this queue (default `streamhub:jobs`). */
  prefix?: string;
  logger?: Logger;
  /** A worker holds a job's lock this long between renewals (default 30 s). */
  lockDurationMs?: number;
  /** How often workers look for jobs whose lock expired (default 30 s). */
  stalledIntervalMs?: number;
  /** How long aborted handlers get to return on timeout and shutdown (default 5 s). */
  shutdownGraceMs?: number;
  /** Completed jobs are kept this long for getJob, then evicted (default 1 day); failed ones stay. */
  keepCompletedMs?: number;
}

/** What a BullMQ job carries: BullMQ has no timeout option, and shutdown releases need counting. */
interface JobEnvelope {
  payload: unknown;
  timeoutMs: number;
  /** Runs handed back on shutdown; BullMQ counts them as started, the port does not. */
  releases: number;
}

// The port counts every started run (stalled ones included) against `attempts`, checked when a run
// starts; BullMQ's own stall limit would fail jobs that still have attempts left, so it is lifted.
const UNLIMITED_STALLS = 1_000_000;
const STALLED_OUT_ERROR = 'stalled: the worker stopped before the job finished, and no attempts are left';

function toStatus(state: JobState | 'unknown'): JobStatus {
  switch (state) {
    case 'active':
      return 'active';
    case 'completed':
      return 'completed';
    case 'failed':
      return 'failed';
    // Delayed (backoff or delayMs), prioritized and plain waiting jobs are all "not started yet".
    default:
      return 'waiting';
  }
}

/** Port job ids are `${queue}:${bullId}`; queue names cannot contain `:`. */
function splitJobId(id: string): { queue: string; bullId: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) return null;
  return { queue: id.slice(0, colon), bullId: id.slice(colon + 1) };
}

/** Runs started, minus shutdown releases; a run that was refused for lack of attempts is not one. */
function attemptsOf(job: Job<JobEnvelope>): number {
  return Math.min(job.attemptsStarted - job.data.releases, job.opts.attempts ?? 1);
}

function toRecord(queue: string, job: Job<JobEnvelope>, status: JobStatus): JobRecord {
  const finished = status === 'completed' || status === 'failed';
  return {
    id: `${queue}:${job.id}`,
    queue,
    name: job.name,
    payload: job.data.payload,
    status,
    attempts: attemptsOf(job),
    maxAttempts: job.opts.attempts ?? 1,
    progress: typeof job.progress === 'number' ? job.progress : 0,
    lastError: job.failedReason || null,
    createdAt: new Date(job.timestamp),
    finishedAt: finished && job.finishedOn ? new Date(job.finishedOn) : null,
  };
}

/**
 * The scale-out job queue: BullMQ on Redis, one Queue and one Worker per queue name. Stalled jobs
 * (their worker died, so its lock expired) are moved back to waiting by BullMQ's stalled checker.
 */
export class BullMqJobQueue implements JobQueue {
  private readonly prefix: string;
  private readonly logger: Logger | undefined;
  private readonly lockDurationMs: number;
  private readonly stalledIntervalMs: number;
  private readonly shutdownGraceMs: number;
  private readonly keepCompletedMs: number;
  /** Enqueueing and admin reads: fails fast while Redis is down instead of queueing commands. */
  private readonly producer: Redis;
  /** Workers block on Redis and must retry forever, as BullMQ requires. */
  private readonly consumer: Redis;
  private readonly queues = new Map<string, Queue<JobEnvelope>>();
  private readonly workers = new Map<string, Worker<JobEnvelope>>();
  private readonly shutdown = new AbortController();
  private closed = false;

  constructor(options: BullMqJobQueueOptions) {
    this.prefix = options.prefix ?? 'streamhub:jobs';
    this.logger = options.logger;
    this.lockDurationMs = options.lockDurationMs ?? 30_000;
    this.stalledIntervalMs = options.stalledIntervalMs ?? 30_000;
    this.shutdownGraceMs = options.shutdownGraceMs ?? 5000;
    this.keepCompletedMs = options.keepCompletedMs ?? 24 * 3600_000;
    this.producer = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
    this.consumer = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
    for (const connection of [this.producer, this.consumer]) {
      connection.on('error', (err: Error) =>
        this.logger?.warn({ err: err.message }, 'job queue redis connection problem'),
      );
    }
  }

  /** Queue names ever used under this prefix, so the dead-letter list can span all of them. */
  private get queueNamesKey(): string {
    return `${this.prefix}:streamhub-job-queues`;
  }

  private queueFor(name: string): Queue<JobEnvelope> {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue<JobEnvelope>(name, { connection: this.producer, prefix: this.prefix });
      queue.on('error', (err: Error) => this.logger?.warn({ err, queue: name }, 'job queue error'));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * The Queue for a name enqueued to under this prefix, else null: ids and names that come back from
   * outside (the admin API) must not make this process open and cache arbitrary queues.
   */
  private async knownQueue(name: string): Promise<Queue<JobEnvelope> | null> {
    if (!isQueueName(name)) return null;
    if (!this.queues.has(name) && !(await this.producer.sismember(this.queueNamesKey, name))) return null;
    return this.queueFor(name);
  }

  async enqueue<P>(queue: string, name: string, payload: P, options?: EnqueueOptions): Promise<{ id: string }> {
    this.assertOpen();
    assertQueueName(queue);
    const resolved = resolveEnqueueOptions(options);
    await this.producer.sadd(this.queueNamesKey, queue);
    const job = await this.queueFor(queue).add(
      name,
      { payload: payload ?? null, timeoutMs: resolved.timeoutMs, releases: 0 },
      {
        priority: resolved.priorityRank,
        attempts: resolved.attempts,
        backoff: { type: 'exponential', delay: resolved.backoffMs },
        delay: resolved.delayMs,
        // Simple-mode deduplication holds the key until the job completes or fails for good.
        ...(resolved.dedupeKey === null ? {} : { deduplication: { id: resolved.dedupeKey } }),
        removeOnComplete: { age: Math.ceil(this.keepCompletedMs / 1000) },
        removeOnFail: false,
      },
    );
    return { id: `${queue}:${job.id}` };
  }

  process<P>(queue: string, handler: JobHandler<P>, options: ProcessOptions<P> = {}): void {
    this.assertOpen();
    assertQueueName(queue);
    if (this.workers.has(queue)) throw new Error(`queue ${queue} is already being processed`);
    const worker = new Worker<JobEnvelope>(
      queue,
      (job, token) =>
        this.runOnce(
          queue,
          job,
          token,
          handler as JobHandler<unknown>,
          options.deadLetter as DeadLetterHook<unknown> | undefined,
        ),
      {
        connection: this.consumer,
        prefix: this.prefix,
        concurrency: assertConcurrency(options.concurrency ?? 1),
        lockDuration: this.lockDurationMs,
        stalledInterval: this.stalledIntervalMs,
        maxStalledCount: UNLIMITED_STALLS,
      },
    );
    worker.on('error', (err: Error) => this.logger?.warn({ err, queue }, 'job worker error'));
    worker.on('failed', (job, err) =>
      this.logger?.warn({ jobId: job?.id, queue, error: err.message }, 'job attempt failed'),
    );
    this.workers.set(queue, worker);
  }

  private async runOnce(
    queue: string,
    job: Job<JobEnvelope>,
    token: string | undefined,
    handler: JobHandler<unknown>,
    deadLetter: DeadLetterHook<unknown> | undefined,
  ) {
    const attempt = job.attemptsStarted - job.data.releases;
    const maxAttempts = job.opts.attempts ?? 1;
    // The hook runs while this worker holds the job's lock: a worker dying in between leaves the job
    // stalled, and the next run lands here again with no attempt left and runs the hook again.
    const failForGood = async (error: string): Promise<never> => {
      await runDeadLetterHook(
        deadLetter,
        { id: `${queue}:${job.id}`, queue, name: job.name, payload: job.data.payload, attempts: maxAttempts, error },
        this.logger,
      );
      // Unrecoverable: BullMQ counts only failed runs, not stalled ones, and would otherwise retry.
      throw new UnrecoverableError(error);
    };
    if (attempt > maxAttempts) return failForGood(STALLED_OUT_ERROR);
    const outcome = await runJob(
      handler,
      {
        id: `${queue}:${job.id}`,
        queue,
        name: job.name,
        payload: job.data.payload,
        attempt,
        reportProgress: (percent) => job.updateProgress(clampProgress(percent)),
      },
      { timeoutMs: job.data.timeoutMs, interrupt: this.shutdown.signal, graceMs: this.shutdownGraceMs },
    );
    if (outcome.kind === 'completed') return;
    if (outcome.kind === 'failed') {
      if (attempt >= maxAttempts) return failForGood(outcome.error);
      throw new Error(outcome.error);
    }
    // Shutdown: hand the job straight back instead of failing an attempt that was not the job's fault.
    await job.updateData({ ...job.data, releases: job.data.releases + 1 });
    await job.moveToWait(token);
    throw new WaitingError();
  }

  private async findJob(
    id: string,
  ): Promise<{ queue: string; job: Job<JobEnvelope>; state: JobState | 'unknown' } | null> {
    const parts = splitJobId(id);
    if (!parts) return null;
    const queue = await this.knownQueue(parts.queue);
    if (!queue) return null;
    // The job's data and its state are separate reads, and the job may finish in between (reporting
    // `completed` with no finish time). Data read between two equal state reads belongs to that state.
    let state = await queue.getJobState(parts.bullId);
    for (;;) {
      const job = await queue.getJob(parts.bullId);
      if (!job) return null;
      const stateAfter = await job.getState();
      if (stateAfter === state) return { queue: parts.queue, job, state };
      state = stateAfter;
    }
  }

  async getJob(id: string): Promise<JobRecord | null> {
    const found = await this.findJob(id);
    return found && toRecord(found.queue, found.job, toStatus(found.state));
  }

  async listFailed(options: ListFailedOptions): Promise<JobRecord[]> {
    const offset = options.offset ?? 0;
    const names =
      options.queue === undefined ? (await this.producer.smembers(this.queueNamesKey)).sort() : [options.queue];
    // Each failed set is ordered newest first; the first offset+limit of each cover the merged page.
    const perQueue = await Promise.all(
      names.map(async (name) => {
        const queue = await this.knownQueue(name);
        const jobs = queue ? await queue.getFailed(0, offset + options.limit - 1) : [];
        return jobs.filter(Boolean).map((job) => toRecord(name, job, 'failed'));
      }),
    );
    return perQueue
      .flat()
      .sort((a, b) => (b.finishedAt?.getTime() ?? 0) - (a.finishedAt?.getTime() ?? 0))
      .slice(offset, offset + options.limit);
  }

  async counts(): Promise<QueueCounts[]> {
    const names = (await this.producer.smembers(this.queueNamesKey)).sort();
    return Promise.all(
      names.map(async (name) => {
        const queue = this.queueFor(name);
        const counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'completed', 'failed');
        const [oldest] = await queue.getJobs(['wait', 'prioritized'], -1, -1, true);
        return {
          queue: name,
          waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0) + (counts.delayed ?? 0),
          active: counts.active ?? 0,
          completed: counts.completed ?? 0,
          failed: counts.failed ?? 0,
          oldestWaitingSeconds: oldest ? Math.max(0, (Date.now() - oldest.timestamp) / 1000) : 0,
        };
      }),
    );
  }

  async retry(id: string): Promise<boolean> {
    const found = await this.findJob(id);
    if (found?.state !== 'failed') return false;
    const { job } = found;
    await job.updateData({ ...job.data, releases: 0 });
    try {
      await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
      return true;
    } catch (error) {
      // Someone else retried or removed it between our check and the move.
      this.logger?.info({ err: error, jobId: id }, 'job could not be retried');
      return false;
    }
  }

  async discard(id: string): Promise<boolean> {
    const found = await this.findJob(id);
    const parts = splitJobId(id);
    const queue = parts && (await this.knownQueue(parts.queue));
    if (found?.state !== 'failed' || !parts || !queue) return false;
    // Taking it out of the failed set is the claim: one caller gets 1 (two admins at once, or a retry
    // racing the discard); only that caller removes the job.
    if ((await this.producer.zrem(queue.keys.failed!, parts.bullId)) !== 1) return false;
    await queue.remove(parts.bullId);
    return true;
  }

  /** BullMQ drops completed jobs by itself once they are `keepCompletedMs` old (removeOnComplete). */
  async pruneCompleted(): Promise<number> {
    return 0;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // Workers stop fetching first, then running handlers are aborted and hand their jobs back.
    const workersClosed = Promise.all([...this.workers.values()].map((worker) => worker.close()));
    this.shutdown.abort();
    await workersClosed;
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await Promise.all([this.producer.quit(), this.consumer.quit()]);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the job queue is closed');
  }
}
