import assert from 'node:assert/strict';
import { it } from 'node:test';
import { describeJobQueues, waitForStatus } from '../../../test/support/job-queue-backends.ts';

// counts() feeds the ops console and streamhub_queue_jobs: the same figures from both adapters.
describeJobQueues('queue counts', ({ open, newQueueName }) => {
  it('counts jobs per queue and state, and the age of the oldest waiting one', async (t) => {
    const jobs = open(t);
    const busy = newQueueName('counted');
    const idle = newQueueName('unconsumed');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    jobs.process(busy, async (job) => {
      if (job.name === 'fail') throw new Error('no');
      if (job.name === 'hold') await held;
    });
    const done = await jobs.enqueue(busy, 'ok', {});
    const failed = await jobs.enqueue(busy, 'fail', {}, { attempts: 1 });
    const holding = await jobs.enqueue(busy, 'hold', {});
    await jobs.enqueue(idle, 'later', {});
    await jobs.enqueue(idle, 'later', {});
    await waitForStatus(jobs, done.id, 'completed');
    await waitForStatus(jobs, failed.id, 'failed');
    await waitForStatus(jobs, holding.id, 'active');
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const counts = new Map((await jobs.counts()).map((entry) => [entry.queue, entry]));
    assert.deepEqual(
      { ...counts.get(busy), oldestWaitingSeconds: 0 },
      { queue: busy, waiting: 0, active: 1, completed: 1, failed: 1, oldestWaitingSeconds: 0 },
    );
    const waiting = counts.get(idle)!;
    assert.equal(waiting.waiting, 2);
    assert.ok(
      waiting.oldestWaitingSeconds >= 1 && waiting.oldestWaitingSeconds < 60,
      String(waiting.oldestWaitingSeconds),
    );
    release();
    await waitForStatus(jobs, holding.id, 'completed');
  });
});
