import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { fromPackageRoot } from '../package-root.ts';
import type { Database } from './database.ts';
import { isUniqueViolation } from './pg-errors.ts';

const MIGRATIONS_DIR = fromPackageRoot('migrations');
// Any constant works; it only has to be the same for every StreamHub process migrating this database.
const MIGRATION_LOCK_ID = 7_310_551;

export interface MigrationFile {
  version: string;
  script: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort()
    .map((name) => ({ version: name.replace(/\.sql$/, ''), script: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Applies pending migrations in order, each in one transaction with its bookkeeping row.
 * Two processes starting at once (API and worker) serialise on a transaction-scoped advisory lock;
 * the loser's bookkeeping insert then hits the primary key and its transaction rolls back untouched.
 */
export async function migrate(database: Database, logger?: Logger, migrations = readMigrations()): Promise<string[]> {
  await database.execScript(`create table if not exists schema_migrations (
    version text primary key,
    applied_at timestamptz not null default now()
  );`);
  const applied = await sql<{ version: string }>`select version from schema_migrations`.execute(database.db);
  const done = new Set(applied.rows.map((row) => row.version));
  const newlyApplied: string[] = [];
  for (const migration of migrations.filter((candidate) => !done.has(candidate.version))) {
    try {
      await database.execScript(`begin;
select pg_advisory_xact_lock(${MIGRATION_LOCK_ID});
insert into schema_migrations (version) values ('${migration.version}');
${migration.script}
;
commit;`);
      newlyApplied.push(migration.version);
      logger?.info({ version: migration.version }, 'applied migration');
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return newlyApplied;
}
