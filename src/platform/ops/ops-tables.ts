import type { ColumnType, Generated } from 'kysely';

/** Column typings for migrations/0110_ops.sql and 0180_ops_log_routes.sql, which are the source of truth. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OpsProcessesTable {
  id: string;
  kind: 'api' | 'worker' | 'live' | 'cli';
  host: string;
  pid: number;
  started_at: Timestamp;
  last_seen_at: Timestamp;
  stats: ColumnType<Record<string, unknown>, string, string>;
}

export interface OpsLogsTable {
  id: Generated<string>;
  at: Timestamp;
  level: number;
  process_id: string;
  request_id: string | null;
  /** The route pattern (`/api/v1/videos/:id`) and method of the request the line was logged for. */
  route: string | null;
  method: string | null;
  message: string;
  line: ColumnType<Record<string, unknown>, string, string>;
}

export interface OpsTables {
  ops_processes: OpsProcessesTable;
  ops_logs: OpsLogsTable;
}
