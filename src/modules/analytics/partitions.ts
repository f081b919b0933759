import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

const DAY_MS = 86_400_000;
const PARTITION_PATTERN = /^analytics_events_(\d{4})(\d{2})(\d{2})$/;

/** UTC midnight of the day holding `epochMs`. */
export const dayStart = (epochMs: number) => Math.floor(epochMs / DAY_MS) * DAY_MS;

export function partitionName(dayStartMs: number): string {
  return `analytics_events_${new Date(dayStartMs).toISOString().slice(0, 10).replaceAll('-', '')}`;
}

/**
 * Creates the day partition of the raw events table if it is missing. `if not exists` plus a retry on a
 * racing creator keeps two workers (or the flusher and the maintenance job) from failing each other.
 */
export async function ensureDayPartition(db: Executor, dayStartMs: number): Promise<void> {
  const name = partitionName(dayStartMs);
  const from = new Date(dayStartMs).toISOString();
  const to = new Date(dayStartMs + DAY_MS).toISOString();
  try {
    await sql`create table if not exists ${sql.table(name)} partition of analytics_events
      for values from (${sql.lit(from)}) to (${sql.lit(to)})`.execute(db);
  } catch (error) {
    // 42P07 duplicate table / 23505 on the catalog: another process created it between the check and the create.
    const code = (error as { code?: string }).code;
    if (code !== '42P07' && code !== '23505') throw error;
  }
}

/** The existing day partitions, oldest first, as UTC day starts. */
export async function listDayPartitions(db: Executor): Promise<number[]> {
  const { rows } = await sql<{ name: string }>`select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid where i.inhparent = 'analytics_events'::regclass`.execute(db);
  return rows
    .map((row) => PARTITION_PATTERN.exec(row.name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
    .sort((a, b) => a - b);
}

export interface PartitionMaintenance {
  created: string[];
  dropped: string[];
}

/**
 * Keeps `daysAhead` partitions ready beyond today (inserts never wait for DDL) and drops whole days older
 * than `retentionDays` (dropping a partition is instant, unlike deleting rows). Rollups are kept.
 */
export async function maintainPartitions(
  db: Executor,
  retentionDays: number,
  now = Date.now(),
  daysAhead = 3,
): Promise<PartitionMaintenance> {
  const existing = new Set(await listDayPartitions(db));
  const created: string[] = [];
  const today = dayStart(now);
  // The oldest day still kept is created too: late events (up to 24 h old) must have somewhere to go.
  for (let day = today - DAY_MS; day <= today + daysAhead * DAY_MS; day += DAY_MS) {
    if (existing.has(day)) continue;
    await ensureDayPartition(db, day);
    created.push(partitionName(day));
  }
  const dropped: string[] = [];
  const oldestKept = today - retentionDays * DAY_MS;
  for (const day of existing) {
    if (day >= oldestKept) continue;
    await sql`drop table if exists ${sql.table(partitionName(day))}`.execute(db);
    dropped.push(partitionName(day));
  }
  return { created, dropped };
}
