import assert from 'node:assert/strict';
import { it } from 'node:test';
import {
  describeJobQueues,
  eventually,
  FAST_POSTGRES,
  redisUrl,
  sleep,
  waitForStatus,
  whenAborted,
  type PostgresBackend,
  type QueueCases,
} from '../../../test/support/job-queue-backends.ts';
import { BullMqJobQueue } from './bullmq-job-queue.ts';
import { createJobQueue } from './create-job-queue.ts';
import { PostgresJobQueue } from './postgres-job-queue.ts';
import { TracedJobQueue } from './traced-job-queue.ts';

// The behaviour every JobQueue adapter promises, for jobs whose workers stay alive; the recovery of
// dead workers, shutdown and dead-letter hooks are in job-recovery.test.ts.
describeJobQueues(
  'job queue',
  ({ open, newQueueName }) => {
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
      assert.throws(
        () => jobs.process(newQueueName('options'), async () => undefined, { concurrency: 0 }),
        /concurrency/,
      );
    });

    it('runs higher priorities first', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('priorities');
      await jobs.enqueue(queue, 'housekeeping', {}, { priority: 'low' });
      await jobs.enqueue(queue, 'transcode', {}, { priority: 'normal' });
      const last = await jobs.enqueue(queue, 'finalise-upload', {}, { priority: 'high' });
      const order: string[] = [];
      jobs.process(
        queue,
        async (job) => {
          order.push(job.name);
        },
        { concurrency: 1 },
      );
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
      jobs.process(
        queue,
        async () => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await sleep(150);
          running -= 1;
        },
        { concurrency: 2 },
      );
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
      assert.deepEqual(
        deadLetters.map((job) => [job.id, job.status, job.lastError]),
        [[id, 'failed', 'boom on attempt 2']],
      );
      assert.deepEqual(deadLetters[0]?.payload, { video: 7 });
      assert.ok(
        (await jobs.listFailed({ limit: 100 })).some((job) => job.id === id),
        'listed across all queues',
      );
      assert.deepEqual(await jobs.listFailed({ queue, limit: 10, offset: 1 }), []);

      fixed = true;
      assert.equal(await jobs.retry(id), true);
      const retried = await waitForStatus(jobs, id, 'completed');
      assert.equal(retried.attempts, 1);
      assert.deepEqual(await jobs.listFailed({ queue, limit: 10 }), []);
      assert.equal(await jobs.retry(id), false, 'a completed job is not a dead letter');
      assert.equal(await jobs.retry('no-such-job'), false);
    });

    it('discards a dead letter for good, and nothing else', async (t) => {
      const jobs = open(t);
      const queue = newQueueName('discard');
      jobs.process(queue, async () => {
        throw new Error('always');
      });
      const { id } = await jobs.enqueue(queue, 'hopeless', {}, { attempts: 1, backoffMs: 10 });
      await waitForStatus(jobs, id, 'failed');
      const { id: pending } = await jobs.enqueue(queue, 'later', {}, { delayMs: 60_000 });
      assert.equal(await jobs.discard(pending), false, 'a waiting job is not a dead letter');
      assert.equal(await jobs.discard('no-such-job'), false);
      const [first, second] = await Promise.all([jobs.discard(id), jobs.discard(id)]);
      assert.equal(Number(first) + Number(second), 1, 'two admins discarding at once remove it once');
      assert.equal(await jobs.getJob(id), null);
      assert.deepEqual(await jobs.listFailed({ queue, limit: 10 }), []);
      assert.equal((await jobs.getJob(pending))?.status, 'waiting');
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
      const finished = new Promise<void>((resolve) => {
        finish = resolve;
      });
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
      jobs.process(queue, async (job) => {
        payloads.push(job.payload);
      });
      await waitForStatus(jobs, first.id, 'completed');
      await waitForStatus(jobs, other.id, 'completed');
      assert.deepEqual(
        payloads.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
        [{ take: 1 }, { take: 3 }],
      );

      const afterCompletion = await jobs.enqueue(queue, 'transcode', { take: 4 }, { dedupeKey: 'video-1' });
      assert.notEqual(afterCompletion.id, first.id, 'a finished job no longer holds its key');
      await waitForStatus(jobs, afterCompletion.id, 'completed');
    });
  },
  postgresAdapterCases,
);

/** Cases beyond the port, for the Postgres adapter; they run after the contract, on its database. */
function postgresAdapterCases({ backend }: QueueCases<PostgresBackend>): void {
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
    assert.ok((await jobs.pruneCompleted(0)) >= 1);
    assert.equal(await jobs.getJob(done.id), null);
    assert.equal((await jobs.getJob(dead.id))?.status, 'failed');
    assert.equal((await jobs.getJob(waiting.id))?.status, 'waiting');
  });

  it('createJobQueue picks BullMQ when Redis is configured and the database queue otherwise, both traced', async (t) => {
    const { database } = backend();
    const embedded = await createJobQueue({ database });
    t.after(() => embedded.close());
    assert.ok(embedded instanceof TracedJobQueue && embedded.adapter instanceof PostgresJobQueue);
    if (!redisUrl) return t.skip('REDIS_URL is not set');
    const scaledOut = await createJobQueue({ database, redisUrl, redisKeyPrefix: 'streamhub-test:' });
    t.after(() => scaledOut.close());
    assert.ok(scaledOut instanceof TracedJobQueue && scaledOut.adapter instanceof BullMqJobQueue);
  });
}
