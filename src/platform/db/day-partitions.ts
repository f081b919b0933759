import { sql } from 'kysely';
import type { Executor } from './transaction.ts';

const DAY_MS = 86_400_000;

/** UTC midnight of the day holding `epochMs`. */
export const dayStart = (epochMs: number) => Math.floor(epochMs / DAY_MS) * DAY_MS;

export interface PartitionMaintenance {
  created: string[];
  dropped: string[];
}

/**
 * Day partitions of a table partitioned by range on a timestamp (`<parent>_YYYYMMDD`, one per UTC day):
 * created ahead so inserts never wait for DDL, and old days dropped whole (instant, unlike deleting rows).
 */
export class DayPartitions {
  private readonly pattern: RegExp;

  constructor(private readonly parent: string) {
    this.pattern = new RegExp(`^${parent}_(\\d{4})(\\d{2})(\\d{2})$`);
  }

  partitionName(dayStartMs: number): string {
    return `${this.parent}_${new Date(dayStartMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
  }

  /**
   * Creates the day's partition if it is missing. `if not exists` plus a retry on a racing creator keeps
   * two processes (or a writer and the maintenance job) from failing each other.
   */
  async ensure(db: Executor, dayStartMs: number): Promise<void> {
    const from = new Date(dayStartMs).toISOString();
    const to = new Date(dayStartMs + DAY_MS).toISOString();
    try {
      await sql`create table if not exists ${sql.table(this.partitionName(dayStartMs))} partition of ${sql.table(this.parent)}
        for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(db);
    } catch (error) {
      // 42P07 duplicate table / 23505 on the catalog: another process created it between the check and the create.
      const code = (error as { code?: string }).code;
      if (code !== '42P07' && code !== '23505') throw error;
    }
  }

  /** The existing day partitions, oldest first, as UTC day starts. */
  async list(db: Executor): Promise<number[]> {
    const { rows } = await sql<{ name: string }>`select c.relname as name from pg_inherits i
      join pg_class c on c.oid = i.inhrelid where i.inhparent = ${this.parent}::regclass`.execute(db);
    return rows
      .map((row) => this.pattern.exec(row.name))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
      .sort((a, b) => a - b);
  }

  /**
   * Keeps `daysAhead` partitions ready beyond today and yesterday's (late rows must have somewhere to go),
   * and drops whole days older than `retentionDays`.
   */
  async maintain(db: Executor, retentionDays: number, now = Date.now(), daysAhead = 3): Promise<PartitionMaintenance> {
    const existing = new Set(await this.list(db));
    const created: string[] = [];
    const today = dayStart(now);
    for (let day = today - DAY_MS; day <= today + daysAhead * DAY_MS; day += DAY_MS) {
      if (existing.has(day)) continue;
      await this.ensure(db, day);
      created.push(this.partitionName(day));
    }
    const dropped: string[] = [];
    const oldestKept = today - retentionDays * DAY_MS;
    for (const day of existing) {
      if (day >= oldestKept) continue;
      await sql`drop table if exists ${sql.table(this.partitionName(day))}`.execute(db);
      dropped.push(this.partitionName(day));
    }
    return { created, dropped };
  }
}
