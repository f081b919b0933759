import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { JobQueue } from './job-queue.ts';
import { PostgresJobQueue } from './postgres-job-queue.ts';
import { TracedJobQueue } from './traced-job-queue.ts';

export interface CreateJobQueueOptions {
  database: Database;
  /** Set in scale-out deployments: jobs then live in Redis and workers run as separate processes. */
  redisUrl?: string;
  /** Prefix of every Redis key StreamHub writes (default `streamhub:`); BullMQ's keys go under `<prefix>jobs`. */
  redisKeyPrefix?: string;
  /** How soon the job of a dead worker is recovered: the Postgres lease or the BullMQ lock duration. */
  leaseMs?: number;
  logger?: Logger;
}

/**
 * BullMQ when Redis is configured, otherwise the queue inside the application database; jobs carry trace
 * context. BullMQ is loaded only when used, so an embedded server does not carry it (~25 MB resident).
 */
export async function createJobQueue(options: CreateJobQueueOptions): Promise<JobQueue> {
  return new TracedJobQueue(await createAdapter(options));
}

async function createAdapter(options: CreateJobQueueOptions): Promise<JobQueue> {
  if (options.redisUrl) {
    const { BullMqJobQueue } = await import('./bullmq-job-queue.ts');
    return new BullMqJobQueue({
      redisUrl: options.redisUrl,
      prefix: `${options.redisKeyPrefix ?? 'streamhub:'}jobs`,
      lockDurationMs: options.leaseMs,
      logger: options.logger,
    });
  }
  return new PostgresJobQueue({ database: options.database, leaseMs: options.leaseMs, logger: options.logger });
}
