import { sql, type Kysely } from 'kysely';
import { DayPartitions } from '../db/day-partitions.ts';
import type { DB } from '../db/schema.ts';

export interface LogSinkOptions {
  /** This process's id in ops_processes. */
  processId: string;
  /** The ring keeps the newest this many rows (OPS_LOG_MAX_ROWS, default 100,000). */
  maxRows?: number;
  /** Whole days older than this are dropped (OPS_LOG_RETENTION_DAYS, default 7). */
  retentionDays?: number;
  /** How often buffered lines are written (default 1 s). */
  flushMs?: number;
}

const MAX_BUFFERED = 5000;
const logPartitions = new DayPartitions('ops_logs');
const PRUNE_EVERY_FLUSHES = 30;

/**
 * The structured-log ring of the ops console: pino writes every line here as well as to stdout
 * (logger.ts); once attached to the database the lines are inserted in batches into ops_logs, a table
 * partitioned by day: days past `retentionDays` are dropped whole, and at most the newest `maxRows` are kept. A line that cannot be stored (database down, buffer full) is dropped:
 * stdout still has it, and logging must never slow a request or recurse into more logging.
 */
export class OpsLogSink {
  private buffer: Array<{
    at: Date;
    level: number;
    request_id: string | null;
    route: string | null;
    method: string | null;
    message: string;
    line: string;
  }> = [];
  private db: Kysely<DB> | undefined;
  private options: Required<LogSinkOptions> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private flushes = 0;
  dropped = 0;

  /** pino's destination interface: one JSON line per call. */
  write(line: string): void {
    if (this.buffer.length >= MAX_BUFFERED) {
      this.dropped++;
      return;
    }
    try {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      const requestId = parsed.reqId ?? parsed.requestId;
      this.buffer.push({
        at: new Date(typeof parsed.time === 'number' ? parsed.time : Date.now()),
        level: typeof parsed.level === 'number' ? parsed.level : 30,
        request_id: typeof requestId === 'string' ? requestId.slice(0, 200) : null,
        // A request's lines carry its route pattern and method (request-log-bindings.ts).
        route: typeof parsed.route === 'string' ? parsed.route.slice(0, 300) : null,
        method: typeof parsed.method === 'string' ? parsed.method.slice(0, 16) : null,
        message: String(parsed.msg ?? parsed.err ?? '').slice(0, 2000),
        line: line.replaceAll('\\u0000', ''),
      });
    } catch {
      this.dropped++;
    }
  }

  attach(db: Kysely<DB>, options: LogSinkOptions): void {
    this.db = db;
    this.options = { maxRows: 100_000, retentionDays: 7, flushMs: 1000, ...options };
    this.flushes = 0;
    clearInterval(this.timer);
    this.timer = setInterval(() => void this.flush(), this.options.flushMs);
    this.timer.unref();
  }

  /** Writes what is buffered; resolves when it is stored (or dropped). */
  flush(): Promise<void> {
    this.flushing ??= this.write_().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  async detach(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.flush();
    this.db = undefined;
  }

  private async write_(): Promise<void> {
    const { db, options } = this;
    if (!db || !options || this.buffer.length === 0) return;
    const rows = this.buffer;
    this.buffer = [];
    try {
      // The first flush and every PRUNE_EVERY_FLUSHES-th: day partitions ahead, old days dropped, row cap.
      const maintain = this.flushes++ % PRUNE_EVERY_FLUSHES === 0;
      if (maintain) await logPartitions.maintain(db, options.retentionDays);
      await db
        .insertInto('ops_logs')
        .values(rows.map((row) => ({ ...row, process_id: options.processId })))
        .execute();
      if (maintain) {
        await sql`delete from ops_logs where id <= (select max(id) from ops_logs) - ${options.maxRows}`.execute(db);
      }
    } catch {
      this.dropped += rows.length;
    }
  }
}

/** One sink per process: every logger createLogger makes writes to it; serve and worker attach it. */
export const opsLogSink = new OpsLogSink();
