import type { ColumnType } from 'kysely';

/** migrations/0012_seeded_catalogue.sql */
export interface SeedRunsTable {
  seed: number;
  options: ColumnType<unknown, string, string>;
  anchor_at: ColumnType<Date, Date | string, Date | string>;
  started_at: ColumnType<Date, Date | string | undefined, never>;
  completed_at: Date | null;
}

export interface SeedTables {
  seed_runs: SeedRunsTable;
}
