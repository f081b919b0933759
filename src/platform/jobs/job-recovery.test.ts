import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { DeadLetter } from './job-queue.ts';
import {
  CHILD_START_TIMEOUT_MS,
  describeJobQueues,
  spawnChild,
  waitForExit,
  waitForOutput,
  waitForStatus,
  whenAborted,
} from '../../../test/support/job-queue-backends.ts';

// Jobs whose worker died, was shut down, or ran out of attempts: recovery, hand-back and dead letters.
describeJobQueues('job recovery', ({ backend, open, newQueueName }) => {
  it('recovers the job of a worker that died mid-job', async (t) => {
    const jobs = open(t);
    const queue = newQueueName('stalled');
    const { id } = await jobs.enqueue(queue, 'transcode', { video: 9 }, { attempts: 3 });
    const doomed = await backend().startDoomedWorker(queue);
    assert.equal(doomed.jobId, id);
    await doomed.kill();

    const rescuer = open(t);
    const attempts: number[] = [];
    rescuer.process(queue, async (job) => {
      attempts.push(job.attempt);
    });
    const record = await waitForStatus(jobs, id, 'completed');
    assert.deepEqual(attempts, [2], 'the dead run counts as the first attempt');
    assert.equal(record.attempts, 2);
    // Whatever is left of the dead worker can no longer change the job it lost.
    await doomed.dispose();
    assert.equal((await jobs.getJob(id))?.status, 'completed');
  });

  it('close() aborts running handlers and hands their jobs back without using up an attempt', async (t) => {
    const first = backend().open();
    t.after(() => first.close());
    const queue = newQueueName('shutdown');
    let started = () => undefined as void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
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
    second.process(queue, async (job) => {
      attempts.push(job.attempt);
    });
    await waitForStatus(second, id, 'completed');
    assert.deepEqual(attempts, [1]);
  });

  it('leaves nothing running after close(): a worker process exits by itself', async () => {
    const child = spawnChild({ ...backend().childConfig, mode: 'drain', queue: newQueueName('exit'), leaseMs: 2000 });
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

  it('runs the dead-letter hook once, with the last error, when the last attempt fails', async (t) => {
    const jobs = open(t);
    const queue = newQueueName('hook');
    const hooked: DeadLetter<unknown>[] = [];
    let fixed = false;
    jobs.process(
      queue,
      async (job) => {
        if (!fixed) throw new Error(`boom on attempt ${job.attempt}`);
      },
      {
        deadLetter: async (job) => {
          hooked.push(job);
        },
      },
    );
    const { id } = await jobs.enqueue(queue, 'doomed', { video: 7 }, { attempts: 2, backoffMs: 10 });
    const failed = await waitForStatus(jobs, id, 'failed');
    assert.equal(failed.lastError, 'boom on attempt 2');
    assert.equal(failed.attempts, 2);
    assert.deepEqual(hooked, [
      { id, queue, name: 'doomed', payload: { video: 7 }, attempts: 2, error: 'boom on attempt 2' },
    ]);

    // A retried dead letter that then succeeds is not dead-lettered again.
    fixed = true;
    assert.equal(await jobs.retry(id), true);
    await waitForStatus(jobs, id, 'completed');
    assert.equal(hooked.length, 1);
  });

  it('dead-letters the job even when its hook throws', async (t) => {
    const jobs = open(t);
    const queue = newQueueName('hook-throws');
    let calls = 0;
    jobs.process(
      queue,
      async () => {
        throw new Error('always');
      },
      {
        deadLetter: async () => {
          calls += 1;
          throw new Error('the hook broke');
        },
      },
    );
    const { id } = await jobs.enqueue(queue, 'doomed', {}, { attempts: 1 });
    assert.equal((await waitForStatus(jobs, id, 'failed')).lastError, 'always');
    assert.equal(calls, 1);
  });

  it('a worker killed during the last attempt: the next consumer dead-letters the job and runs the hook', async (t) => {
    const jobs = open(t);
    const queue = newQueueName('stalled-last');
    const { id } = await jobs.enqueue(queue, 'transcode', { video: 11 }, { attempts: 1 });
    const doomed = await backend().startDoomedWorker(queue);
    assert.equal(doomed.jobId, id);
    await doomed.kill();

    const rescuer = open(t);
    const runs: number[] = [];
    const hooked: DeadLetter<unknown>[] = [];
    rescuer.process(
      queue,
      async (job) => {
        runs.push(job.attempt);
      },
      {
        deadLetter: async (job) => {
          hooked.push(job);
        },
      },
    );
    const failed = await waitForStatus(jobs, id, 'failed');
    assert.deepEqual(runs, [], 'no attempt was left to run the handler again');
    assert.equal(failed.attempts, 1);
    assert.match(failed.lastError ?? '', /stalled/);
    assert.equal(hooked.length, 1);
    assert.deepEqual(
      { ...hooked[0], error: undefined },
      { id, queue, name: 'transcode', payload: { video: 11 }, attempts: 1, error: undefined },
    );
    assert.match(hooked[0]?.error ?? '', /stalled/);
    await doomed.dispose();
    assert.equal((await jobs.getJob(id))?.status, 'failed', 'the dead worker cannot change the job it lost');

    // The admin retry of that dead letter runs it again, with fresh attempts.
    assert.equal(await jobs.retry(id), true);
    const retried = await waitForStatus(jobs, id, 'completed');
    assert.deepEqual(runs, [1]);
    assert.equal(retried.attempts, 1);
    assert.equal(hooked.length, 1);
  });
});
