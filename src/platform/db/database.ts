import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { Kysely, PostgresDialect, sql, type Driver, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { NamedStatementClient } from './named-statements.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { primaryWalPosition } from './replicas/primary-position.ts';
import { ReplicaSet } from './replicas/replica-set.ts';
import { RoutingDriver } from './replicas/routing-driver.ts';
import type { DB } from './schema.ts';

// int8 (COUNT, BIGINT counters) as JS numbers on both backends; PGlite already does this.
pg.types.setTypeParser(20, (value) => Number(value));

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script (migrations); bypasses the query builder. */
  execScript(script: string): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** Read replicas (PostgreSQL with DATABASE_REPLICA_URLS): stale-tolerant reads may go there. */
  replicas?: ReplicaSet;
  /** The primary's WAL position past every returned commit (replicas/primary-position.ts), for read-your-writes; undefined without replicas. */
  currentWalLsn?(): Promise<bigint>;
  /** Connection pool figures for /metrics (PostgreSQL only). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export interface DatabaseOptions {
  /** postgres:// URL; absent means embedded PGlite. */
  url?: string;
  /** PGlite data directory; absent with no url means an in-memory database (tests). */
  dataDir?: string;
  poolSize?: number;
  /** How long a query may wait for a pooled connection before failing (bursts queue up to this). */
  poolTimeoutMs?: number;
  slowQueryMs?: number;
  /** Prepare marked statements once per connection (named-statements.ts); off behind a transaction-mode pooler. */
  namedStatements?: boolean;
  logger?: Logger;
  /** Streaming replicas of the PostgreSQL primary (ignored on PGlite). */
  replicas?: { urls: string[]; maxLagMs: number; checkIntervalMs: number };
}

function slowQueryLogger(logger: Logger | undefined, thresholdMs: number) {
  return (event: LogEvent) => {
    if (!logger) return;
    if (event.level === 'error') {
      logger.debug({ err: event.error, sql: event.query.sql }, 'query failed');
    } else if (event.queryDurationMillis >= thresholdMs) {
      logger.warn({ sql: event.query.sql, durationMs: Math.round(event.queryDurationMillis) }, 'slow query');
    }
  };
}

/**
 * PostgreSQL's default (128MB) is all WebAssembly memory in the server's own process, touched as
 * pages are read; embedded data directories sit in the OS page cache anyway, so a smaller pool keeps
 * an embedded server's resident memory down (about 100 MB less) without another copy of hot pages.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/**
 * pgvector's HNSW search settings for the embedded database. At its default ef_search (40) the index
 * found 86.5 % of the true 10 nearest of 200,000 vectors, at 100 97.3 % for about 2 ms more at p95
 * (docs/BENCHMARKS.md, pass 5). Strict-order iterative scans keep searching when the query's own
 * conditions (ready, public, not this video) drop candidates, so a filtered search still fills its
 * page, still in exact distance order.
 */
const PGLITE_VECTOR_SEARCH = ['-c', 'hnsw.ef_search=100', '-c', 'hnsw.iterative_scan=strict_order'];

async function openPglite(options: DatabaseOptions): Promise<Database> {
  let location: string | undefined;
  if (options.dataDir) {
    location = join(options.dataDir, 'db');
    mkdirSync(location, { recursive: true });
  }
  const pglite = await PGlite.create(location, {
    extensions: { pg_trgm, vector },
    startParams: [
      ...PGlite.defaultStartParams,
      '-c',
      `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
      ...PGLITE_VECTOR_SEARCH,
    ],
  });
  const db = new Kysely<DB>({
    dialect: new PGliteDialect(pglite),
    log: slowQueryLogger(options.logger, options.slowQueryMs ?? 200),
  });
  return {
    kind: 'pglite',
    db,
    execScript: async (script) => {
      try {
        await pglite.exec(script);
      } catch (error) {
        // A failed script may leave its explicit transaction open; the next caller must not inherit it.
        await pglite.exec('rollback').catch(() => undefined);
        throw error;
      }
    },
    ping: async () => {
      await pglite.query('select 1');
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/** PostgreSQL with reads inside replica-read contexts sent to the replicas (replicas/routing-driver.ts). */
class ReplicaRoutingDialect extends PostgresDialect {
  constructor(
    config: ConstructorParameters<typeof PostgresDialect>[0],
    private readonly replicas: ReplicaSet,
  ) {
    super(config);
  }

  override createDriver(): Driver {
    return new RoutingDriver(super.createDriver(), this.replicas, (target) => this.replicas.reads[target]++);
  }
}

function openPostgres(url: string, options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: url,
    ...(options.namedStatements === false ? {} : { Client: NamedStatementClient }),
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.poolTimeoutMs ?? 15_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server (restart, failover) must not crash the process.
  pool.on('error', (err) => options.logger?.warn({ err }, 'idle database connection failed'));
  const currentWalLsn = primaryWalPosition(pool);
  const replicas = options.replicas?.urls.length
    ? new ReplicaSet({
        ...options.replicas,
        poolSize: options.poolSize ?? 10,
        primaryLsn: currentWalLsn,
        logger: options.logger,
      })
    : undefined;
  const db = new Kysely<DB>({
    dialect: replicas ? new ReplicaRoutingDialect({ pool }, replicas) : new PostgresDialect({ pool }),
    log: slowQueryLogger(options.logger, options.slowQueryMs ?? 200),
  });
  return {
    kind: 'postgres',
    db,
    replicas,
    ...(replicas ? { currentWalLsn } : {}),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    execScript: async (script) => {
      const client = await pool.connect();
      try {
        await client.query(script);
      } catch (error) {
        // Never hand a connection stuck in an aborted transaction back to the pool.
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
    },
  };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}
