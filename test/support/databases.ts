import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseKind } from '../../src/platform/db/database.ts';
import { migrate, readMigrations, type MigrationFile } from '../../src/platform/db/migrate.ts';

// Concurrency tests queue hundreds of requests on one small pool; on a busy 2-core machine that wait is long.
const TEST_POOL_TIMEOUT_MS = 120_000;

export interface TestDatabase {
  kind: DatabaseKind;
  /** Connection URL of the fresh PostgreSQL database; undefined on PGlite. */
  url?: string;
  database: Database;
  /** A second connection pool to the same PostgreSQL database (to play another process). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

/** The backends every database test runs on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export function testDatabaseKinds(): DatabaseKind[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL database
 * created next to DATABASE_URL's and dropped afterwards, so test files never see each other's rows.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  // A migration's own test applies the ones before it, adds rows, then migrates the rest.
  migrations: MigrationFile[] = readMigrations(),
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database, undefined, migrations);
    return {
      kind,
      database,
      openAnother: () => Promise.reject(new Error('an in-memory PGlite database cannot be shared')),
      drop: () => database.close().catch(() => undefined),
    };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `streamhub_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabaseName(adminUrl, name);
  const database = await openDatabase({ url, poolTimeoutMs: TEST_POOL_TIMEOUT_MS });
  await migrate(database, undefined, migrations);
  const opened: Database[] = [database];
  return {
    kind,
    url,
    database,
    openAnother: async () => {
      const database = await openDatabase({ url, poolTimeoutMs: TEST_POOL_TIMEOUT_MS });
      opened.push(database);
      return database;
    },
    drop: async () => {
      await Promise.all(opened.map((database) => database.close().catch(() => undefined)));
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
