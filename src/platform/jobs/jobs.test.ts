import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import type { Database } from '../db/database.ts';
import { createTestDatabase, testDatabaseKinds } from '../../../test/support/databases.ts';
import type { ChildConfig } from '../../../test/support/job-worker-child.ts';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import { createJobQueue } from './create-job-queue.ts';
import type { JobQueue, JobRecord, JobStatus } from './job-queue.ts';
import { PostgresJobQueue } from './postgres-job-queue.ts';

const redisUrl = process.env.REDIS_URL;
const CHILD_SCRIPT = fileURLToPath(new URL('../../../test/support/job-worker-child.ts', import.meta.url));
// Short enough that a killed worker's job comes back within a couple of seconds.
const CHILD_LEASE_MS = 1000;
// Upper bounds only, generous because a child boots PGlite or BullMQ on a possibly busy machine.
const CHILD_START_TIMEOUT_MS = 60_000;
const FAST_POSTGRES = { pollIntervalMs: 20, maxPollIntervalMs: 100, leaseMs: 2000, sweepIntervalMs: 100, shutdownGraceMs: 1000 };
const FAST_BULLMQ = { lockDurationMs: 2000, stalledIntervalMs: 300, shutdownGraceMs: 1000 };

/** A worker that has started a job and will never finish it. */
interface DoomedWorker {
  jobId: string;
  kill(): Promise<void>;
  /** Releases whatever is left of it once its job has been recovered. */
  dispose(): Promise<void>;
}

interface Backend {
  /** A new queue instance on the shared store: to the store, another worker process. */
  open(): JobQueue;
  startDoomedWorker(queue: string): Promise<DoomedWorker>;
  /** Where a child process finds a store of this kind. */
  childConfig: Pick<ChildConfig, 'backend' | 'databaseUrl' | 'redisUrl' | 'redisPrefix'>;
  tearDown(): Promise<void>;
}

interface PostgresBackend extends Backend {
  database: Database;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

async function eventually<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function waitForStatus(queue: JobQueue, id: string, status: JobStatus): Promise<JobRecord> {
  return eventually(`job ${id} to be ${status}`, async () => {
    const job = await queue.getJob(id);
    return job?.status === status && job;
  });
}

function spawnChild(config: ChildConfig): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
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

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<number | null> {
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

async function postgresBackend(kind: 'pglite' | 'postgres'): Promise<PostgresBackend> {
  const test = await createTestDatabase(kind);
  const { database } = test;
  const open = (): JobQueue => new PostgresJobQueue({ database, ...FAST_POSTGRES });
  const childConfig = { backend: kind, databaseUrl: test.url };
  if (kind === 'postgres') {
    return { database, open, childConfig, startDoomedWorker: (queue) => startDoomedChild({ ...childConfig, queue }), tearDown: test.drop };
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

function bullMqBackend(redisUrl: string): Backend {
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

/** The behaviour every JobQueue adapter promises, run against one backend. */
function jobQueueContract<B extends Backend>(
  name: string,
  createBackend: () => Promise<B>,
  adapterCases?: (backend: () => B) => void,
): void {
  describe(name, () => {
    let backend: B;
    let queueCount = 0;
    // Every case gets its own queue, so leftovers of one case never reach another.
    const newQueueName = (label: string) => `${label}-${++queueCount}`;
    const open = (t: TestContext): JobQueue => {
      const queue = backend.open();
      t.after(() => queue.close());
      return queue;
    };

    before(async () => { backend = await createBackend(); });
    after(() => backend.tearDown());

    it('runs a job and records its completion', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('basic');
      const seen: Array<{ id: string; queue: string; name: string; payload: unknown; attempt: number }> = [];
      jobs.process<{ to: string }>(queue, async (job) => {
        seen.push({ id: job.id, queue: job.queue, name: job.name, payload: job.payload, attempt: job.attempt });
      });
      const { id } = await jobs.enqueue(queue, 'greet', { to: 'ada' });
      const record = await waitForStatus(jobs, id, 'completed');
      assert.deepEqual(seen, [{ id, queue, name: 'greet', payload: { to: 'ada' }, attempt: 1 }]);
      assert.equal(record.id, id);
      assert.equal(record.queue, queue);
      assert.equal(record.name, 'greet');
      assert.deepEqual(record.payload, { to: 'ada' });
      assert.equal(record.attempts, 1);
      assert.equal(record.maxAttempts, 3);
      assert.equal(record.lastError, null);
      assert.ok(record.createdAt instanceof Date);
      assert.ok(record.finishedAt instanceof Date && record.finishedAt >= record.createdAt);
      assert.equal(await jobs.getJob('no-such-job'), null);
      assert.equal(await jobs.getJob(`${id}0`), null);
    });

    it('rejects queue names and options it cannot honour', async (t) => {
      const jobs = open(t);
      await assert.rejects(jobs.enqueue('videos:transcode', 'x', {}), /invalid queue name/);
      await assert.rejects(jobs.enqueue(newQueueName('options'), 'x', {}, { attempts: 0 }), /attempts/);
      await assert.rejects(jobs.enqueue(newQueueName('options'), 'x', {}, { timeoutMs: 1.5 }), /timeoutMs/);
      assert.throws(() => jobs.process(newQueueName('options'), async () => undefined, { concurrency: 0 }), /concurrency/);
    });

    it('runs higher priorities first', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('priorities');
      await jobs.enqueue(queue, 'housekeeping', {}, { priority: 'low' });
      await jobs.enqueue(queue, 'transcode', {}, { priority: 'normal' });
      const last = await jobs.enqueue(queue, 'finalise-upload', {}, { priority: 'high' });
      const order: string[] = [];
      jobs.process(queue, async (job) => { order.push(job.name); }, { concurrency: 1 });
      await eventually('all three jobs', async () => order.length === 3);
      assert.deepEqual(order, ['finalise-upload', 'transcode', 'housekeeping']);
      await waitForStatus(jobs, last.id, 'completed');
    });

    it('never runs more jobs of a queue at once than its concurrency', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('concurrency');
      const ids = await Promise.all(Array.from({ length: 6 }, (_, n) => jobs.enqueue(queue, 'work', { n })));
      let running = 0;
      let mostAtOnce = 0;
      jobs.process(queue, async () => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        await sleep(150);
        running -= 1;
      }, { concurrency: 2 });
      for (const { id } of ids) await waitForStatus(jobs, id, 'completed');
      assert.equal(mostAtOnce, 2);
    });

    it('retries a failing job with exponential backoff until it succeeds', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('retries');
      const startedAt: number[] = [];
      const attempts: number[] = [];
      jobs.process(queue, async (job) => {
        startedAt.push(Date.now());
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error(`flaky ${job.attempt}`);
      });
      const { id } = await jobs.enqueue(queue, 'flaky', {}, { attempts: 3, backoffMs: 100 });
      const record = await waitForStatus(jobs, id, 'completed');
      assert.deepEqual(attempts, [1, 2, 3]);
      assert.equal(record.attempts, 3);
      const [first = 0, second = 0, third = 0] = startedAt;
      // backoff·2^(n-1): 100 ms after the first failure, 200 ms after the second (timer slack allowed).
      assert.ok(second - first >= 90, `first retry came after ${second - first} ms`);
      assert.ok(third - second >= 190, `second retry came after ${third - second} ms`);
    });

    it('dead-letters a job that used up its attempts, and retries it on request', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('dead-letters');
      let fixed = false;
      jobs.process(queue, async (job) => {
        if (!fixed) throw new Error(`boom on attempt ${job.attempt}`);
      });
      const { id } = await jobs.enqueue(queue, 'doomed', { video: 7 }, { attempts: 2, backoffMs: 10 });
      const failed = await waitForStatus(jobs, id, 'failed');
      assert.equal(failed.attempts, 2);
      assert.equal(failed.lastError, 'boom on attempt 2');
      assert.ok(failed.finishedAt instanceof Date);

      const deadLetters = await jobs.listFailed({ queue, limit: 10 });
      assert.deepEqual(deadLetters.map((job) => [job.id, job.status, job.lastError]), [[id, 'failed', 'boom on attempt 2']]);
      assert.deepEqual(deadLetters[0]?.payload, { video: 7 });
      assert.ok((await jobs.listFailed({ limit: 100 })).some((job) => job.id === id), 'listed across all queues');
      assert.deepEqual(await jobs.listFailed({ queue, limit: 10, offset: 1 }), []);

      fixed = true;
      assert.equal(await jobs.retry(id), true);
      const retried = await waitForStatus(jobs, id, 'completed');
      assert.equal(retried.attempts, 1);
      assert.deepEqual(await jobs.listFailed({ queue, limit: 10 }), []);
      assert.equal(await jobs.retry(id), false, 'a completed job is not a dead letter');
      assert.equal(await jobs.retry('no-such-job'), false);
    });

    it('aborts a run that exceeds its timeout and counts it as a failed attempt', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('timeouts');
      let aborted = false;
      jobs.process(queue, async (job) => {
        await whenAborted(job.signal);
        aborted = true;
        // Returning normally after the timeout must not turn the run into a success.
        return 'too late';
      });
      const startedAt = Date.now();
      const { id } = await jobs.enqueue(queue, 'slow', {}, { attempts: 1, timeoutMs: 150 });
      const record = await waitForStatus(jobs, id, 'failed');
      assert.equal(aborted, true);
      assert.ok(Date.now() - startedAt >= 150);
      assert.match(record.lastError ?? '', /timed out after 150 ms/);
      assert.equal(record.attempts, 1);
    });

    it('shows reported progress through getJob', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('progress');
      let finish = () => undefined as void;
      const finished = new Promise<void>((resolve) => { finish = resolve; });
      jobs.process(queue, async (job) => {
        await job.reportProgress(40);
        await finished;
      });
      const { id } = await jobs.enqueue(queue, 'transcode', {});
      const midway = await eventually('progress 40', async () => {
        const job = await jobs.getJob(id);
        return job?.progress === 40 && job;
      });
      assert.equal(midway.status, 'active');
      finish();
      assert.equal((await waitForStatus(jobs, id, 'completed')).progress, 40);
    });

    it('gives one job per dedupe key while that job is waiting or active', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('dedupe');
      const first = await jobs.enqueue(queue, 'transcode', { take: 1 }, { dedupeKey: 'video-1' });
      const again = await jobs.enqueue(queue, 'transcode', { take: 2 }, { dedupeKey: 'video-1' });
      const other = await jobs.enqueue(queue, 'transcode', { take: 3 }, { dedupeKey: 'video-2' });
      assert.equal(again.id, first.id);
      assert.notEqual(other.id, first.id);

      const payloads: unknown[] = [];
      jobs.process(queue, async (job) => { payloads.push(job.payload); });
      await waitForStatus(jobs, first.id, 'completed');
      await waitForStatus(jobs, other.id, 'completed');
      assert.deepEqual(payloads.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), [{ take: 1 }, { take: 3 }]);

      const afterCompletion = await jobs.enqueue(queue, 'transcode', { take: 4 }, { dedupeKey: 'video-1' });
      assert.notEqual(afterCompletion.id, first.id, 'a finished job no longer holds its key');
      await waitForStatus(jobs, afterCompletion.id, 'completed');
    });

    it('recovers the job of a worker that died mid-job', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('stalled');
      const { id } = await jobs.enqueue(queue, 'transcode', { video: 9 }, { attempts: 3 });
      const doomed = await backend.startDoomedWorker(queue);
      assert.equal(doomed.jobId, id);
      await doomed.kill();

      const rescuer = open(t);
      const attempts: number[] = [];
      rescuer.process(queue, async (job) => { attempts.push(job.attempt); });
      const record = await waitForStatus(jobs, id, 'completed');
      assert.deepEqual(attempts, [2], 'the dead run counts as the first attempt');
      assert.equal(record.attempts, 2);
      // Whatever is left of the dead worker can no longer change the job it lost.
      await doomed.dispose();
      assert.equal((await jobs.getJob(id))?.status, 'completed');
    });

    it('close() aborts running handlers and hands their jobs back without using up an attempt', async (t) => {
      const first = backend.open();
      t.after(() => first.close());
      const queue = newQueueName('shutdown');
      let started = () => undefined as void;
      const running = new Promise<void>((resolve) => { started = resolve; });
      let aborted = false;
      first.process(queue, async (job) => {
        started();
        await whenAborted(job.signal);
        aborted = true;
      });
      const { id } = await first.enqueue(queue, 'transcode', {});
      await running;
      await first.close();
      assert.equal(aborted, true);
      await assert.rejects(first.enqueue(queue, 'transcode', {}), /closed/);

      const second = open(t);
      const handedBack = await second.getJob(id);
      assert.equal(handedBack?.status, 'waiting');
      assert.equal(handedBack?.attempts, 0);
      const attempts: number[] = [];
      second.process(queue, async (job) => { attempts.push(job.attempt); });
      await waitForStatus(second, id, 'completed');
      assert.deepEqual(attempts, [1]);
    });

    it('leaves nothing running after close(): a worker process exits by itself', async () => {
      const child = spawnChild({ ...backend.childConfig, mode: 'drain', queue: newQueueName('exit'), leaseMs: 2000 });
      try {
        const [, exitCode] = await Promise.all([
          waitForOutput(child, /^completed$/m, CHILD_START_TIMEOUT_MS),
          waitForExit(child, CHILD_START_TIMEOUT_MS),
        ]);
        assert.equal(exitCode, 0);
      } finally {
        child.kill('SIGKILL');
      }
    });

    adapterCases?.(() => backend);
  });
}

/** Cases beyond the port, for the Postgres adapter; they run after the contract, on its database. */
function postgresAdapterCases(backend: () => PostgresBackend): void {
  it('pruneCompleted deletes completed jobs older than the cut-off and keeps everything else', async (t) => {
    const jobs = new PostgresJobQueue({ database: backend().database, ...FAST_POSTGRES });
    t.after(() => jobs.close());
    jobs.process('prune', async (job) => {
      if (job.name === 'bad') throw new Error('bad');
    });
    const done = await jobs.enqueue('prune', 'good', {});
    const dead = await jobs.enqueue('prune', 'bad', {}, { attempts: 1 });
    await waitForStatus(jobs, done.id, 'completed');
    await waitForStatus(jobs, dead.id, 'failed');
    const waiting = await jobs.enqueue('prune', 'later', {}, { delayMs: 60_000 });

    assert.equal(await jobs.pruneCompleted(10 * 60_000), 0, 'every job of this run finished within minutes');
    assert.ok(await jobs.pruneCompleted(0) >= 1);
    assert.equal(await jobs.getJob(done.id), null);
    assert.equal((await jobs.getJob(dead.id))?.status, 'failed');
    assert.equal((await jobs.getJob(waiting.id))?.status, 'waiting');
  });

  it('createJobQueue picks BullMQ when Redis is configured and the database queue otherwise', async (t) => {
    const { database } = backend();
    const embedded = createJobQueue({ database });
    t.after(() => embedded.close());
    assert.ok(embedded instanceof PostgresJobQueue);
    if (!redisUrl) return t.skip('REDIS_URL is not set');
    const scaledOut = createJobQueue({ database, redisUrl, redisKeyPrefix: 'streamhub-test:' });
    t.after(() => scaledOut.close());
    assert.ok(scaledOut instanceof BullMqJobQueue);
  });
}

for (const kind of testDatabaseKinds()) {
  jobQueueContract(`PostgresJobQueue on ${kind}`, () => postgresBackend(kind), postgresAdapterCases);
}
if (redisUrl) jobQueueContract('BullMqJobQueue on Redis', async () => bullMqBackend(redisUrl));
