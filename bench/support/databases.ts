import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import type { DB } from '../../src/platform/db/schema.ts';

export interface BenchDatabase<T> {
  kind: DatabaseKind;
  /** What a target server needs in its environment to open this database (DATA_DIR, DATABASE_URL). */
  env: Record<string, string>;
  /** Whatever the seed function returned. */
  seeded: T;
  /** Drops the PostgreSQL database / removes the PGlite data directory. Safe to call twice. */
  drop(): Promise<void>;
}

/** The backends to benchmark: PGlite always, PostgreSQL too when DATABASE_URL is set, narrowed by BENCH_DATABASES. */
export function benchDatabaseKinds(): DatabaseKind[] {
  const available: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  // BENCH_DATABASES=postgres (or pglite) narrows a run to one backend, e.g. when the other takes too long.
  const wanted = process.env.BENCH_DATABASES?.split(',').map((name) => name.trim());
  return wanted ? available.filter((kind) => wanted.includes(kind)) : available;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated and seeded database that a separate server process can open afterwards (the seed
 * function also gets the opened Database and the data directory, for object storage):
 * an on-disk PGlite data directory (PGlite is single-process, so the seeding connection is closed
 * before this returns), or a new PostgreSQL database created next to DATABASE_URL's, like the tests do.
 */
export async function prepareBenchDatabase<T>(
  kind: DatabaseKind,
  seed: (db: Kysely<DB>, opened: { database: Database; dataDir: string }) => Promise<T>,
): Promise<BenchDatabase<T>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-bench-'));
  let dropped = false;

  if (kind === 'pglite') {
    const drop = async () => {
      if (dropped) return;
      dropped = true;
      rmSync(dataDir, { recursive: true, force: true });
    };
    try {
      const database = await openDatabase({ dataDir });
      try {
        await migrate(database);
        const seeded = await seed(database.db, { database, dataDir });
        return { kind, env: { DATA_DIR: dataDir }, seeded, drop };
      } finally {
        await database.close();
      }
    } catch (error) {
      await drop();
      throw error;
    }
  }

  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `streamhub_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = withDatabaseName(adminUrl, name);
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    rmSync(dataDir, { recursive: true, force: true });
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  };
  try {
    const database = await openDatabase({ url });
    try {
      await migrate(database);
      const seeded = await seed(database.db, { database, dataDir });
      // The data dir only holds the target's generated JWT secret.
      return { kind, env: { DATABASE_URL: url, DATA_DIR: dataDir }, seeded, drop };
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
}
