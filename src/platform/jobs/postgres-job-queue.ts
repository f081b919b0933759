import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type {
  DeadLetterHook,
  EnqueueOptions,
  JobHandler,
  JobQueue,
  JobRecord,
  ListFailedOptions,
  ProcessOptions,
  QueueCounts,
} from './job-queue.ts';
import { assertConcurrency, assertQueueName, clampProgress, resolveEnqueueOptions } from './job-options.ts';
import { PostgresJobStore, type JobRow, type RunClaim } from './postgres-job-store.ts';
import { runDeadLetterHook, runJob } from './run-job.ts';

export interface PostgresJobQueueOptions {
  /** Owned by the caller: close() leaves it open. */
  database: Database;
  logger?: Logger;
  /** Delay between polls while jobs keep coming (default 250 ms). */
  pollIntervalMs?: number;
  /** An idle queue backs off to polling this often (default 1000 ms). */
  maxPollIntervalMs?: number;
  /** How long a claimed job stays ours without a heartbeat (default 30 s). */
  leaseMs?: number;
  /** How often a running job's lease is extended (default leaseMs / 3). */
  heartbeatIntervalMs?: number;
  /** How often expired leases are looked for (default leaseMs / 2). */
  sweepIntervalMs?: number;
  /** How long aborted handlers get to return on timeout and shutdown (default 5 s). */
  shutdownGraceMs?: number;
}

interface Settings {
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  leaseMs: number;
  heartbeatIntervalMs: number;
  sweepIntervalMs: number;
  shutdownGraceMs: number;
}

function toRecord(row: JobRow): JobRecord {
  return {
    id: row.id,
    queue: row.queue,
    name: row.name,
    payload: row.payload,
    status: row.status,
    // A run claimed only to dead-letter the job has one more than its attempts for a moment.
    attempts: Math.min(row.attempts, row.max_attempts),
    maxAttempts: row.max_attempts,
    progress: row.progress,
    lastError: row.last_error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

// Keeps a long run of failures from pushing the next retry out of reach (or out of interval range).
const MAX_RETRY_DELAY_MS = 24 * 3600_000;

/** Exponential backoff with up to 10 % jitter, so jobs that failed together do not retry in lockstep. */
function retryDelayMs(backoffMs: number, failedAttempt: number): number {
  const delay = backoffMs * 2 ** (failedAttempt - 1) * (1 + Math.random() * 0.1);
  return Math.round(Math.min(delay, MAX_RETRY_DELAY_MS));
}

/**
 * Consumes one queue: polls for due jobs while it has free slots, runs them with a heartbeat that
 * keeps their lease alive, and records each run's outcome.
 */
class QueueConsumer {
  private readonly running = new Set<Promise<void>>();
  private readonly shutdown = new AbortController();
  private pollTimer: NodeJS.Timeout | undefined;
  private idleDelayMs: number;
  private polling: Promise<void> | undefined;
  private pollRequested = false;

  constructor(
    private readonly store: PostgresJobStore,
    private readonly queue: string,
    private readonly handler: JobHandler<unknown>,
    private readonly concurrency: number,
    private readonly workerId: string,
    private readonly settings: Settings,
    private readonly logger: Logger | undefined,
    private readonly deadLetter: DeadLetterHook<unknown> | undefined,
  ) {
    this.idleDelayMs = settings.pollIntervalMs;
  }

  /** Polls now: a job just became due (enqueued here, swept back, or a slot freed up). */
  wake(): void {
    this.idleDelayMs = this.settings.pollIntervalMs;
    this.schedulePoll(0);
  }

  async stop(): Promise<void> {
    this.shutdown.abort();
    clearTimeout(this.pollTimer);
    await this.polling;
    await Promise.all(this.running);
  }

  private schedulePoll(delayMs: number): void {
    if (this.shutdown.signal.aborted) return;
    clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => this.poll(), delayMs);
  }

  private poll(): void {
    // One claim at a time, or two overlapping claims could both fill the same free slots.
    if (this.polling) {
      this.pollRequested = true;
      return;
    }
    this.polling = this.claimAndStart().finally(() => {
      this.polling = undefined;
      if (this.pollRequested) {
        this.pollRequested = false;
        this.schedulePoll(0);
      } else if (this.running.size < this.concurrency) {
        this.schedulePoll(this.idleDelayMs);
      }
      // With every slot busy there is nothing to poll for; a finishing job wakes the consumer.
    });
  }

  private async claimAndStart(): Promise<void> {
    const free = this.concurrency - this.running.size;
    if (free <= 0 || this.shutdown.signal.aborted) return;
    try {
      const rows = await this.store.claim(this.queue, this.workerId, free, this.settings.leaseMs);
      for (const row of rows) {
        const run = this.execute(row).finally(() => {
          this.running.delete(run);
          this.wake();
        });
        this.running.add(run);
      }
      this.idleDelayMs =
        rows.length > 0
          ? this.settings.pollIntervalMs
          : Math.min(this.idleDelayMs * 2, this.settings.maxPollIntervalMs);
    } catch (error) {
      this.logger?.warn({ err: error, queue: this.queue }, 'claiming jobs failed; backing off');
      this.idleDelayMs = this.settings.maxPollIntervalMs;
    }
  }

  private async execute(row: JobRow): Promise<void> {
    const run: RunClaim = { id: row.id, workerId: this.workerId, attempt: row.attempts };
    const leaseLost = new AbortController();
    // A claim that was in flight when close() began still yields rows: they start out interrupted.
    const interrupt = AbortSignal.any([this.shutdown.signal, leaseLost.signal]);
    let finished = false;
    const heartbeat = setInterval(() => {
      this.store.extendLease(run, this.settings.leaseMs).then(
        (held) => {
          // A heartbeat that crossed paths with the outcome write finds the job no longer active.
          if (held || finished) return;
          this.logger?.warn({ jobId: row.id, queue: this.queue }, 'job lease lost; abandoning the run');
          leaseLost.abort();
        },
        (error: unknown) => this.logger?.warn({ err: error, jobId: row.id }, 'extending job lease failed'),
      );
    }, this.settings.heartbeatIntervalMs);
    try {
      if (row.attempts > row.max_attempts) {
        // Its last run's worker died (the sweeper handed it back): no attempt is left to give it.
        finished = true;
        await this.deadLetterRun(row, run, row.last_error ?? 'stalled');
        return;
      }
      const outcome = await runJob(
        this.handler,
        {
          id: row.id,
          queue: row.queue,
          name: row.name,
          payload: row.payload,
          attempt: row.attempts,
          reportProgress: (percent) => this.store.setProgress(run, clampProgress(percent)),
        },
        { timeoutMs: row.timeout_ms, interrupt, graceMs: this.settings.shutdownGraceMs },
      );
      finished = true;
      if (outcome.kind === 'completed') {
        await this.store.complete(run);
      } else if (outcome.kind === 'failed') {
        this.logger?.warn(
          { jobId: row.id, queue: this.queue, attempt: row.attempts, error: outcome.error },
          'job attempt failed',
        );
        if (row.attempts >= row.max_attempts) await this.deadLetterRun(row, run, outcome.error);
        else await this.store.fail(run, outcome.error, retryDelayMs(row.backoff_ms, row.attempts));
      } else {
        await this.store.release(run);
      }
    } catch (error) {
      // The lease then runs out and the sweeper hands the job to another run.
      this.logger?.error({ err: error, jobId: row.id, queue: this.queue }, 'recording a job outcome failed');
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The hook first, while the lease is still held: a worker dying in between leaves it to be run again. */
  private async deadLetterRun(row: JobRow, run: RunClaim, error: string): Promise<void> {
    await runDeadLetterHook(
      this.deadLetter,
      {
        id: row.id,
        queue: row.queue,
        name: row.name,
        payload: row.payload,
        attempts: row.max_attempts,
        error,
      },
      this.logger,
    );
    await this.store.deadLetter(run, error);
  }
}

/**
 * The embedded job queue: jobs are rows in the `jobs` table of the application database (PGlite or
 * PostgreSQL), claimed with SELECT … FOR UPDATE SKIP LOCKED, held by a heartbeated lease and
 * recovered by a sweeper when their worker dies. Several processes may share one PostgreSQL database.
 */
export class PostgresJobQueue implements JobQueue {
  private readonly store: PostgresJobStore;
  private readonly settings: Settings;
  private readonly logger: Logger | undefined;
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly consumers = new Map<string, QueueConsumer>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private closed = false;

  constructor(options: PostgresJobQueueOptions) {
    this.store = new PostgresJobStore(options.database.db);
    this.logger = options.logger;
    const leaseMs = options.leaseMs ?? 30_000;
    this.settings = {
      pollIntervalMs: options.pollIntervalMs ?? 250,
      maxPollIntervalMs: options.maxPollIntervalMs ?? 1000,
      leaseMs,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? Math.floor(leaseMs / 3),
      sweepIntervalMs: options.sweepIntervalMs ?? Math.floor(leaseMs / 2),
      shutdownGraceMs: options.shutdownGraceMs ?? 5000,
    };
  }

  async enqueue<P>(queue: string, name: string, payload: P, options?: EnqueueOptions): Promise<{ id: string }> {
    this.assertOpen();
    assertQueueName(queue);
    const resolved = resolveEnqueueOptions(options);
    const id = await this.store.insert(queue, name, payload, resolved);
    // Embedded mode runs producer and worker in one process: start the job now, not at the next poll.
    if (resolved.delayMs === 0) this.consumers.get(queue)?.wake();
    return { id };
  }

  process<P>(queue: string, handler: JobHandler<P>, options: ProcessOptions<P> = {}): void {
    this.assertOpen();
    assertQueueName(queue);
    if (this.consumers.has(queue)) throw new Error(`queue ${queue} is already being processed`);
    const consumer = new QueueConsumer(
      this.store,
      queue,
      handler as JobHandler<unknown>,
      assertConcurrency(options.concurrency ?? 1),
      this.workerId,
      this.settings,
      this.logger,
      options.deadLetter as DeadLetterHook<unknown> | undefined,
    );
    this.consumers.set(queue, consumer);
    consumer.wake();
    this.sweepTimer ??= setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => {
        this.sweeping = undefined;
      });
    }, this.settings.sweepIntervalMs);
  }

  async getJob(id: string): Promise<JobRecord | null> {
    const row = await this.store.find(id);
    return row ? toRecord(row) : null;
  }

  async listFailed(options: ListFailedOptions): Promise<JobRecord[]> {
    return (await this.store.listFailed(options)).map(toRecord);
  }

  counts(): Promise<QueueCounts[]> {
    return this.store.counts();
  }

  async retry(id: string): Promise<boolean> {
    const retried = await this.store.retryFailed(id);
    if (retried) for (const consumer of this.consumers.values()) consumer.wake();
    return retried;
  }

  discard(id: string): Promise<boolean> {
    return this.store.deleteFailed(id);
  }

  /** Housekeeping: deletes completed jobs that finished more than `olderThanMs` ago. */
  pruneCompleted(olderThanMs: number): Promise<number> {
    return this.store.deleteCompletedBefore(olderThanMs);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.sweepTimer);
    await Promise.all([...this.consumers.values()].map((consumer) => consumer.stop()));
    await this.sweeping;
  }

  private async sweep(): Promise<void> {
    try {
      const recovered = await this.store.sweepExpiredLeases();
      if (recovered === 0) return;
      this.logger?.warn({ count: recovered }, 'recovered jobs whose worker stopped heartbeating');
      for (const consumer of this.consumers.values()) consumer.wake();
    } catch (error) {
      this.logger?.warn({ err: error }, 'sweeping expired job leases failed');
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the job queue is closed');
  }
}
