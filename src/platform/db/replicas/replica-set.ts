import pg from 'pg';
import type { Logger } from 'pino';
import { parseLsn } from './lsn.ts';

export interface ReplicaSetOptions {
  urls: string[];
  /** A replica further behind than this is out of rotation until it catches up. */
  maxLagMs: number;
  /** How often each replica's replay position (and the primary's WAL position) is read. */
  checkIntervalMs: number;
  poolSize: number;
  /** The primary's WAL position past every returned commit (primary-position.ts). */
  primaryLsn(): Promise<bigint>;
  logger?: Logger;
}

export interface ReplicaState {
  name: string;
  up: boolean;
  replayLsn?: bigint;
  /** Lower bound of how far behind the primary the replica is, from the primary's recent WAL positions. */
  lagMs: number;
  lastError?: string;
}

interface Replica extends ReplicaState {
  pool: pg.Pool;
  checked: boolean;
}

/** Connection failures and server shutdowns: the replica is taken out of rotation until the next good check. */
const UNAVAILABLE_SQLSTATE = /^(08|57P|53)/;

/**
 * The read replicas: their pools, a health loop that measures replay position and lag, and the choice
 * of a replica for one read (round robin over those that are up, close enough and, for read-your-writes,
 * past the caller's last write).
 */
export class ReplicaSet {
  private readonly replicas: Replica[];
  private readonly primarySamples: Array<{ at: number; lsn: bigint }> = [];
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> | undefined;
  private next = 0;
  private closed = false;
  /** Reads made inside replica-read contexts, by where they went (for /metrics). */
  readonly reads = { replica: 0, primary: 0 };

  constructor(private readonly options: ReplicaSetOptions) {
    this.replicas = options.urls.map((url) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: options.poolSize,
        // A stopped replica must fail fast: the read then goes to the primary.
        connectionTimeoutMillis: 1000,
        idleTimeoutMillis: 30_000,
      });
      pool.on('error', (err) => options.logger?.warn({ err }, 'idle replica connection failed'));
      const parsed = new URL(url);
      return { name: `${parsed.hostname}:${parsed.port || 5432}`, pool, up: false, lagMs: 0, checked: false };
    });
  }

  get states(): ReplicaState[] {
    return this.replicas.map(({ name, up, replayLsn, lagMs, lastError }) => ({
      name,
      up,
      replayLsn,
      lagMs,
      lastError,
    }));
  }

  start(): void {
    if (this.timer || this.closed) return;
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkIntervalMs);
    this.timer.unref();
  }

  /** One round of checks (the loop runs them; tests call it to skip the wait). */
  check(): Promise<void> {
    this.checking ??= this.checkAll().finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** A replica that may answer a read now, or undefined (the read goes to the primary). */
  pick(minLsn?: bigint): { name: string; pool: pg.Pool } | undefined {
    const usable = this.replicas.filter(
      (replica) =>
        replica.up &&
        replica.lagMs <= this.options.maxLagMs &&
        (minLsn === undefined || (replica.replayLsn !== undefined && replica.replayLsn >= minLsn)),
    );
    if (usable.length === 0) return undefined;
    return usable[this.next++ % usable.length];
  }

  /** A read on this replica failed in a way that says the replica is unavailable: out of rotation now. */
  reportFailure(name: string, error: unknown): void {
    const replica = this.replicas.find((candidate) => candidate.name === name);
    const code = (error as { code?: string }).code;
    if (!replica || (code && !UNAVAILABLE_SQLSTATE.test(code))) return;
    if (replica.up)
      this.options.logger?.warn({ err: error, replica: name }, 'replica unavailable; reads go to the primary');
    replica.up = false;
    replica.lastError = (error as Error).message;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    await Promise.all(this.replicas.map((replica) => replica.pool.end().catch(() => undefined)));
  }

  private async checkAll(): Promise<void> {
    if (this.closed) return;
    const now = Date.now();
    try {
      this.primarySamples.push({ at: now, lsn: await this.options.primaryLsn() });
    } catch (error) {
      this.options.logger?.debug({ err: error }, 'reading the primary WAL position failed');
    }
    // Keep enough history to measure a lag a bit past the limit; older samples say nothing more.
    const horizon = now - Math.max(this.options.maxLagMs * 4, this.options.checkIntervalMs * 4, 10_000);
    while (this.primarySamples.length > 1 && this.primarySamples[0]!.at < horizon) this.primarySamples.shift();
    await Promise.all(this.replicas.map((replica) => this.checkOne(replica, now)));
  }

  private async checkOne(replica: Replica, now: number): Promise<void> {
    try {
      const result = await replica.pool.query<{ lsn: string | null }>('select pg_last_wal_replay_lsn()::text as lsn');
      const text = result.rows[0]?.lsn;
      if (!text) throw new Error('not a replica: pg_last_wal_replay_lsn() is null');
      const replayLsn = parseLsn(text);
      // The oldest primary position the replica has not replayed yet: it is at least that old.
      const behind = this.primarySamples.find((sample) => sample.lsn > replayLsn);
      const wasUsable = replica.up && replica.lagMs <= this.options.maxLagMs;
      Object.assign(replica, { up: true, replayLsn, lagMs: behind ? now - behind.at : 0, lastError: undefined });
      const usable = replica.lagMs <= this.options.maxLagMs;
      if (replica.checked && wasUsable !== usable) {
        this.options.logger?.warn(
          { replica: replica.name, lagMs: replica.lagMs },
          usable ? 'replica back in rotation' : 'replica lagging: out of rotation',
        );
      }
    } catch (error) {
      if (replica.up) this.options.logger?.warn({ err: error, replica: replica.name }, 'replica check failed');
      Object.assign(replica, { up: false, lastError: (error as Error).message });
    }
    replica.checked = true;
  }
}
