/**
 * A job worker in a process of its own, for the job-queue tests that need a real process boundary.
 *
 *   node --import tsx test/support/job-worker-child.ts '<ChildConfig as JSON>'
 *
 * `hang`:  processes `queue`, prints `started <jobId>` when it begins a job and never finishes it, so
 *          the parent can SIGKILL a worker in the middle of a job (stalled-job recovery).
 * `drain`: enqueues one job, processes it, prints `completed`, closes everything and then simply
 *          returns: the process only exits if close() left no timer or socket behind.
 */
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { BullMqJobQueue } from '../../src/platform/jobs/bullmq-job-queue.ts';
import type { JobQueue } from '../../src/platform/jobs/job-queue.ts';
import { PostgresJobQueue } from '../../src/platform/jobs/postgres-job-queue.ts';
import { createTestDatabase } from './databases.ts';

export interface ChildConfig {
  mode: 'hang' | 'drain';
  queue: string;
  /** Lease (Postgres) or lock duration (BullMQ): how soon a killed worker's job can be recovered. */
  leaseMs: number;
  /** `pglite` is only meaningful for `drain`: an in-memory database cannot be shared. */
  backend: 'pglite' | 'postgres' | 'bullmq';
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
}

const STALLED_INTERVAL_MS = 300;

interface Opened {
  queue: JobQueue;
  close(): Promise<void>;
}

async function openQueue(config: ChildConfig): Promise<Opened> {
  if (config.backend === 'bullmq') {
    if (!config.redisUrl) throw new Error('redisUrl is required for bullmq');
    const queue = new BullMqJobQueue({
      redisUrl: config.redisUrl,
      prefix: config.redisPrefix,
      lockDurationMs: config.leaseMs,
      // A stalled check blocks every worker's next check for the checker's interval, so this must be
      // as short as the test's own workers' or the parent could not recover the job in time.
      stalledIntervalMs: STALLED_INTERVAL_MS,
    });
    return { queue, close: () => queue.close() };
  }
  let database: Database;
  let closeDatabase: () => Promise<void>;
  if (config.backend === 'pglite') {
    const test = await createTestDatabase('pglite');
    database = test.database;
    closeDatabase = test.drop;
  } else {
    if (!config.databaseUrl) throw new Error('databaseUrl is required for postgres');
    database = await openDatabase({ url: config.databaseUrl });
    closeDatabase = () => database.close();
  }
  const queue = new PostgresJobQueue({ database, leaseMs: config.leaseMs, pollIntervalMs: 20, maxPollIntervalMs: 100 });
  return {
    queue,
    close: async () => {
      await queue.close();
      await closeDatabase();
    },
  };
}

function hang(config: ChildConfig, queue: JobQueue): void {
  queue.process(config.queue, async (job) => {
    process.stdout.write(`started ${job.id}\n`);
    await new Promise(() => undefined);
  });
}

async function drain(config: ChildConfig, opened: Opened): Promise<void> {
  const done = new Promise<void>((resolve) => {
    opened.queue.process(config.queue, async () => resolve());
  });
  const { id } = await opened.queue.enqueue(config.queue, 'drain', { from: 'child' });
  await done;
  // The handler has returned; wait until the outcome is recorded before closing.
  while ((await opened.queue.getJob(id))?.status !== 'completed')
    await new Promise((resolve) => setTimeout(resolve, 20));
  process.stdout.write('completed\n');
  await opened.close();
}

const config = JSON.parse(process.argv[2] ?? '') as ChildConfig;
const opened = await openQueue(config);
if (config.mode === 'hang') hang(config, opened.queue);
else await drain(config, opened);
