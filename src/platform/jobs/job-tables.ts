import type { ColumnType, Generated } from 'kysely';
import type { JobStatus } from './job-queue.ts';

/** Column typings for migrations/0002_jobs.sql, which is the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface JobsTable {
  id: Generated<string>;
  queue: string;
  name: string;
  /** Written as JSON text (so strings and arrays survive the `pg` driver), read back parsed. */
  payload: ColumnType<unknown, string, string>;
  priority: number;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  /** Runs started; the claim increments it, so (locked_by, attempts) identifies one run. */
  attempts: Generated<number>;
  max_attempts: number;
  backoff_ms: number;
  timeout_ms: number;
  run_at: Timestamp;
  lease_expires_at: NullableTimestamp;
  locked_by: string | null;
  progress: Generated<number>;
  last_error: string | null;
  dedupe_key: string | null;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  updated_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface JobTables {
  jobs: JobsTable;
}
