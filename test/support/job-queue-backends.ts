/**
 * The job-queue tests' backends: each JobQueue adapter on a fresh store, plus worker processes that can
 * be SIGKILLed mid-job (test/support/job-worker-child.ts). Shared by src/platform/jobs/*.test.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Database } from '../../src/platform/db/database.ts';
import { BullMqJobQueue } from '../../src/platform/jobs/bullmq-job-queue.ts';
import type { JobQueue, JobRecord, JobStatus } from '../../src/platform/jobs/job-queue.ts';
import { PostgresJobQueue } from '../../src/platform/jobs/postgres-job-queue.ts';
import { createTestDatabase, testDatabaseKinds } from './databases.ts';
import type { ChildConfig } from './job-worker-child.ts';

export const redisUrl = process.env.REDIS_URL;
const CHILD_SCRIPT = fileURLToPath(new URL('./job-worker-child.ts', import.meta.url));
// Short enough that a killed worker's job comes back within a couple of seconds.
const CHILD_LEASE_MS = 1000;
// Upper bounds only, generous because a child boots PGlite or BullMQ on a possibly busy machine.
export const CHILD_START_TIMEOUT_MS = 120_000;
export const FAST_POSTGRES = {
  pollIntervalMs: 20,
  maxPollIntervalMs: 100,
  leaseMs: 2000,
  sweepIntervalMs: 100,
  shutdownGraceMs: 1000,
};
export const FAST_BULLMQ = { lockDurationMs: 2000, stalledIntervalMs: 300, shutdownGraceMs: 1000 };

/** A worker that has started a job and will never finish it. */
export interface DoomedWorker {
  jobId: string;
  kill(): Promise<void>;
  /** Releases whatever is left of it once its job has been recovered. */
  dispose(): Promise<void>;
}

export interface Backend {
  /** A new queue instance on the shared store: to the store, another worker process. */
  open(): JobQueue;
  startDoomedWorker(queue: string): Promise<DoomedWorker>;
  /** Where a child process finds a store of this kind. */
  childConfig: Pick<ChildConfig, 'backend' | 'databaseUrl' | 'redisUrl' | 'redisPrefix'>;
  tearDown(): Promise<void>;
}

export interface PostgresBackend extends Backend {
  database: Database;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export async function eventually<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

export function waitForStatus(queue: JobQueue, id: string, status: JobStatus): Promise<JobRecord> {
  return eventually(`job ${id} to be ${status}`, async () => {
    const job = await queue.getJob(id);
    return job?.status === status && job;
  });
}

export function spawnChild(config: ChildConfig): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`child printed no ${pattern} within ${timeoutMs} ms`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child still running after ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** A real worker process, killed with SIGKILL mid-job: no cleanup code of it gets to run. */
async function startDoomedChild(config: Omit<ChildConfig, 'mode' | 'leaseMs'>): Promise<DoomedWorker> {
  const child = spawnChild({ ...config, mode: 'hang', leaseMs: CHILD_LEASE_MS });
  try {
    const started = await waitForOutput(child, /^started (\S+)$/m, CHILD_START_TIMEOUT_MS);
    return {
      jobId: started[1] ?? '',
      kill: async () => {
        child.kill('SIGKILL');
        await waitForExit(child, 5000);
      },
      dispose: async () => undefined,
    };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

export async function postgresBackend(kind: 'pglite' | 'postgres'): Promise<PostgresBackend> {
  const test = await createTestDatabase(kind);
  const { database } = test;
  const open = (): JobQueue => new PostgresJobQueue({ database, ...FAST_POSTGRES });
  const childConfig = { backend: kind, databaseUrl: test.url };
  if (kind === 'postgres') {
    return {
      database,
      open,
      childConfig,
      startDoomedWorker: (queue) => startDoomedChild({ ...childConfig, queue }),
      tearDown: test.drop,
    };
  }
  return {
    database,
    open,
    childConfig,
    // An in-memory PGlite lives in this process, which cannot SIGKILL itself. This worker plays dead
    // instead: its heartbeat is slower than its lease, so the database sees the lease run out exactly
    // as it would after a crash, while the handler stays stuck mid-job.
    startDoomedWorker: async (queue) => {
      const doomed = new PostgresJobQueue({ database, ...FAST_POSTGRES, leaseMs: 300, heartbeatIntervalMs: 60_000 });
      const jobId = await new Promise<string>((resolve) => {
        doomed.process(queue, async (job) => {
          resolve(job.id);
          await whenAborted(job.signal);
        });
      });
      return { jobId, kill: async () => undefined, dispose: () => doomed.close() };
    },
    tearDown: test.drop,
  };
}

export function bullMqBackend(redisUrl: string): Backend {
  const prefix = `streamhub-test-${randomBytes(4).toString('hex')}`;
  const childConfig = { backend: 'bullmq' as const, redisUrl, redisPrefix: prefix };
  return {
    open: () => new BullMqJobQueue({ redisUrl, prefix, ...FAST_BULLMQ }),
    childConfig,
    startDoomedWorker: (queue) => startDoomedChild({ ...childConfig, queue }),
    tearDown: async () => {
      const redis = new Redis(redisUrl);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    },
  };
}

/** What a group of job-queue cases gets: the backend, queues opened on it (closed after the case), fresh queue names. */
export interface QueueCases<B extends Backend> {
  backend(): B;
  open(t: TestContext): JobQueue;
  /** Every case gets its own queue, so leftovers of one case never reach another. */
  newQueueName(label: string): string;
}

function describeOn<B extends Backend>(
  name: string,
  createBackend: () => Promise<B>,
  cases: (context: QueueCases<B>) => void,
): void {
  describe(name, () => {
    let backend: B;
    let queueCount = 0;
    before(async () => {
      backend = await createBackend();
    });
    after(() => backend.tearDown());
    cases({
      backend: () => backend,
      open: (t) => {
        const queue = backend.open();
        t.after(() => queue.close());
        return queue;
      },
      newQueueName: (label) => `${label}-${++queueCount}`,
    });
  });
}

/**
 * Runs `cases` against every JobQueue adapter this run can reach: the Postgres queue on each test
 * database kind, and BullMQ when REDIS_URL is set. `postgresCases` run after them, on the Postgres ones only.
 */
export function describeJobQueues(
  title: string,
  cases: (context: QueueCases<Backend>) => void,
  postgresCases?: (context: QueueCases<PostgresBackend>) => void,
): void {
  for (const kind of testDatabaseKinds()) {
    describeOn(
      `${title}: PostgresJobQueue on ${kind}`,
      () => postgresBackend(kind),
      (context) => {
        cases(context);
        postgresCases?.(context);
      },
    );
  }
  if (redisUrl) describeOn(`${title}: BullMqJobQueue on Redis`, async () => bullMqBackend(redisUrl), cases);
}
