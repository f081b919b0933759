import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { ListFailedOptions, QueueCounts } from './job-queue.ts';
import type { ResolvedEnqueueOptions } from './job-options.ts';
import type { JobsTable } from './job-tables.ts';
import { isUniqueViolation } from '../db/pg-errors.ts';

export type JobRow = Selectable<JobsTable>;

/** One run of a job by one worker. Every write about a run is fenced on it, so a worker that lost its
 * lease (and whose job another worker has since claimed) can no longer change the job. */
export interface RunClaim {
  id: string;
  workerId: string;
  attempt: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STALLED_ERROR = 'stalled: the worker stopped heartbeating before the job finished';

/** Database time, not this process's clock, so workers on different hosts agree on leases. */
function msFromNow(ms: number) {
  return sql<Date>`now() + make_interval(secs => ${ms / 1000})`;
}

/** The SQL of the Postgres job queue; one statement per state transition. */
export class PostgresJobStore {
  constructor(private readonly db: Kysely<DB>) {}

  /** Inserts a job, or returns the live job holding the same dedupe key. */
  async insert(queue: string, name: string, payload: unknown, options: ResolvedEnqueueOptions): Promise<string> {
    // The key holder may finish between our insert and our lookup; then the insert wins next time round.
    for (;;) {
      const inserted = await this.db
        .insertInto('jobs')
        .values({
          queue,
          name,
          payload: JSON.stringify(payload ?? null),
          priority: options.priorityRank,
          max_attempts: options.attempts,
          backoff_ms: options.backoffMs,
          timeout_ms: options.timeoutMs,
          run_at: msFromNow(options.delayMs),
          dedupe_key: options.dedupeKey,
        })
        .onConflict((conflict) =>
          conflict.columns(['queue', 'dedupe_key']).where('status', 'in', ['waiting', 'active']).doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (inserted) return inserted.id;
      const existing = await this.db
        .selectFrom('jobs')
        .select('id')
        .where('queue', '=', queue)
        .where('dedupe_key', '=', options.dedupeKey)
        .where('status', 'in', ['waiting', 'active'])
        .executeTakeFirst();
      if (existing) return existing.id;
    }
  }

  /**
   * Claims up to `limit` due jobs of `queue`. SKIP LOCKED lets concurrent workers claim different
   * rows instead of queueing behind each other; the CTE is materialised so it runs exactly once.
   */
  async claim(queue: string, workerId: string, limit: number, leaseMs: number): Promise<JobRow[]> {
    const result = await sql<JobRow>`
      with next as materialized (
        select id from jobs
        where queue = ${queue} and status = 'waiting' and run_at <= now()
        order by priority, run_at
        limit ${limit}
        for update skip locked
      )
      update jobs set
        status = 'active',
        attempts = jobs.attempts + 1,
        locked_by = ${workerId},
        lease_expires_at = ${msFromNow(leaseMs)},
        updated_at = now()
      from next
      where jobs.id = next.id
      returning jobs.*`.execute(this.db);
    return result.rows.sort((a, b) => a.priority - b.priority || a.run_at.getTime() - b.run_at.getTime());
  }

  private updateRun(run: RunClaim) {
    return this.db
      .updateTable('jobs')
      .where('id', '=', run.id)
      .where('status', '=', 'active')
      .where('locked_by', '=', run.workerId)
      .where('attempts', '=', run.attempt);
  }

  /** False when the run no longer holds the job (its lease expired and it was swept). */
  async extendLease(run: RunClaim, leaseMs: number): Promise<boolean> {
    const result = await this.updateRun(run)
      .set({ lease_expires_at: msFromNow(leaseMs), updated_at: sql<Date>`now()` })
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async setProgress(run: RunClaim, percent: number): Promise<void> {
    await this.updateRun(run)
      .set({ progress: percent, updated_at: sql<Date>`now()` })
      .execute();
  }

  async complete(run: RunClaim): Promise<void> {
    await this.updateRun(run)
      .set({
        status: 'completed',
        locked_by: null,
        lease_expires_at: null,
        finished_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .execute();
  }

  /** The last attempt failed (its dead-letter hook has run): failed for good, with all attempts used. */
  async deadLetter(run: RunClaim, error: string): Promise<void> {
    await this.updateRun(run)
      .set({
        status: 'failed',
        // A run claimed only to dead-letter the job (its worker died on the last attempt) is no attempt.
        attempts: sql<number>`least(attempts, max_attempts)`,
        finished_at: sql<Date>`now()`,
        last_error: error,
        locked_by: null,
        lease_expires_at: null,
        updated_at: sql<Date>`now()`,
      })
      .execute();
  }

  /** Back to waiting after `retryInMs` while attempts remain, else dead-lettered as failed. */
  async fail(run: RunClaim, error: string, retryInMs: number): Promise<void> {
    await this.updateRun(run)
      .set({
        status: sql`case when attempts < max_attempts then 'waiting' else 'failed' end`,
        run_at: sql`case when attempts < max_attempts then ${msFromNow(retryInMs)} else run_at end`,
        finished_at: sql`case when attempts < max_attempts then null else now() end`,
        last_error: error,
        locked_by: null,
        lease_expires_at: null,
        updated_at: sql<Date>`now()`,
      })
      .execute();
  }

  /** An interrupted run (shutdown) hands the job back at once and does not use up an attempt. */
  async release(run: RunClaim): Promise<void> {
    await this.updateRun(run)
      .set({
        status: 'waiting',
        attempts: sql<number>`attempts - 1`,
        run_at: sql<Date>`now()`,
        locked_by: null,
        lease_expires_at: null,
        updated_at: sql<Date>`now()`,
      })
      .execute();
  }

  /**
   * Stalled-job recovery: an active job whose lease ran out belongs to a worker that died or froze.
   * Its run counts as an attempt (a job that kills its worker every time must not loop forever). It
   * goes back to waiting even when that was its last attempt: the consumer that claims it next finds
   * no attempt left and dead-letters it, running the queue's dead-letter hook, which only a process
   * consuming the queue has (the sweeper may run in any process).
   */
  async sweepExpiredLeases(): Promise<number> {
    const result = await this.db
      .updateTable('jobs')
      .where('status', '=', 'active')
      .where('lease_expires_at', '<', sql<Date>`now()`)
      .set({
        status: 'waiting',
        run_at: sql<Date>`now()`,
        last_error: STALLED_ERROR,
        locked_by: null,
        lease_expires_at: null,
        updated_at: sql<Date>`now()`,
      })
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async find(id: string): Promise<JobRow | undefined> {
    if (!UUID.test(id)) return undefined;
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listFailed(options: ListFailedOptions): Promise<JobRow[]> {
    let query = this.db.selectFrom('jobs').selectAll().where('status', '=', 'failed');
    if (options.queue !== undefined) query = query.where('queue', '=', options.queue);
    return query
      .orderBy('finished_at', 'desc')
      .orderBy('id')
      .limit(options.limit)
      .offset(options.offset ?? 0)
      .execute();
  }

  /**
   * Dead letter back to waiting with fresh attempts. False when it is not failed, or when a live job
   * already holds its dedupe key (that job does the same work; a second copy would duplicate it).
   */
  async deleteFailed(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const result = await this.db
      .deleteFrom('jobs')
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async retryFailed(id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    try {
      const result = await this.db
        .updateTable('jobs')
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .set({
          status: 'waiting',
          attempts: 0,
          progress: 0,
          run_at: sql<Date>`now()`,
          last_error: null,
          finished_at: null,
          updated_at: sql<Date>`now()`,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  async counts(): Promise<QueueCounts[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select((eb) => [
        'queue',
        'status',
        eb.fn.countAll<string>().as('count'),
        sql<string | null>`extract(epoch from now() - min(created_at) filter (where status = 'waiting'))`.as('oldest'),
      ])
      .groupBy(['queue', 'status'])
      .execute();
    const byQueue = new Map<string, QueueCounts>();
    for (const row of rows) {
      let counts = byQueue.get(row.queue);
      if (!counts) {
        counts = { queue: row.queue, waiting: 0, active: 0, completed: 0, failed: 0, oldestWaitingSeconds: 0 };
        byQueue.set(row.queue, counts);
      }
      counts[row.status] = Number(row.count);
      if (row.oldest !== null) counts.oldestWaitingSeconds = Math.max(0, Number(row.oldest));
    }
    return [...byQueue.values()].sort((a, b) => a.queue.localeCompare(b.queue));
  }

  async deleteCompletedBefore(olderThanMs: number): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'completed')
      .where('finished_at', '<', msFromNow(-olderThanMs))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
