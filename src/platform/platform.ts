import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { prepareNewEmbeddedDatabase } from './db/embedded-setup.ts';
import { createEventBus } from './events/create-event-bus.ts';
import type { EventBus } from './events/event-bus.ts';
import { createJobQueue } from './jobs/create-job-queue.ts';
import type { JobQueue } from './jobs/job-queue.ts';
import { createMailer, type Mailer } from './mail/mailer.ts';
import { createMetricsRegistry } from './observability/metrics.ts';
import { installDatabaseMetrics } from './observability/database-metrics.ts';
import { createLogger } from './observability/logger.ts';
import { createRedis } from './redis.ts';
import { resolveJwtSecret } from './security/secrets.ts';
import { createPubSub } from './pubsub/create-pubsub.ts';
import type { PubSub } from './pubsub/pubsub.ts';
import { DrainState } from './lifecycle/drain.ts';
import { createResponseCache } from './cache/create-response-cache.ts';
import type { CachedResponse } from './cache/response-cache.ts';
import type { TieredCache } from './cache/tiered-cache.ts';
import { createObjectStorage } from './storage/create-storage.ts';
import { EdgeAccessLog } from './edge/edge-stats.ts';
import { installEdgeMetrics, installQueueMetrics } from './observability/ops-metrics.ts';
import { loadOpsConfig } from './ops/ops-config.ts';
import type { ObjectStorage } from './storage/object-storage.ts';

/** Everything a feature module may use from the outside world, built once per process. */
export interface Platform {
  config: Config;
  logger: Logger;
  database: Database;
  redis?: Redis;
  mailer: Mailer;
  storage: ObjectStorage;
  jobs: JobQueue;
  /** Outbox-backed domain events; consumers subscribe in workers.ts, which also starts dispatching. */
  events: EventBus;
  /** Live notifications across processes (e.g. processing progress from workers to SSE streams). */
  pubsub: PubSub;
  metrics: Registry;
  jwtSecret: string;
  /** Cached public pages (used when config.cache.responses is on; invalidated by events in every process). */
  responseCache: TieredCache<CachedResponse>;
  /** Set when the process starts shutting down: /ready answers 503 from then on. */
  drain: DrainState;
  /** True once migrations have been applied; /ready stays 503 until then. */
  readonly migrated: boolean;
  close(): Promise<void>;
}

export interface PlatformOverrides {
  logger?: Logger;
  database?: Database;
}

/**
 * Opens the platform. If the database is unreachable at start the process still comes up
 * (liveness OK, /ready 503) and keeps retrying migrations until the database answers.
 */
export async function createPlatform(config: Config, overrides: PlatformOverrides = {}): Promise<Platform> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  if (!overrides.database && !config.database.url) await prepareNewEmbeddedDatabase(config.dataDir, logger);
  const database =
    overrides.database ??
    (await openDatabase({
      url: config.database.url,
      dataDir: config.dataDir,
      poolSize: config.database.poolSize,
      poolTimeoutMs: config.database.poolTimeoutMs,
      slowQueryMs: config.database.slowQueryMs,
      namedStatements: config.database.namedStatements,
      replicas: config.database.replicas,
      logger,
    }));
  const redis = config.redisUrl ? createRedis(config.redisUrl, logger, { autoPipelining: true }) : undefined;
  let migrated = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const runMigrations = async (): Promise<void> => {
    try {
      await migrate(database, logger);
      migrated = true;
    } catch (error) {
      logger.error({ err: error }, 'database unavailable or migration failed; retrying in 2 s');
      retryTimer = setTimeout(() => void runMigrations(), 2000);
    }
  };
  await runMigrations();

  const pubsub = createPubSub({ redisUrl: config.redisUrl, redisKeyPrefix: config.redisKeyPrefix, logger });
  const events = createEventBus({ database, redisUrl: config.redisUrl, redisKeyPrefix: config.redisKeyPrefix, logger });
  const jobs = await createJobQueue({
    database,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    leaseMs: config.jobs.leaseMs,
    logger,
  });

  const metrics = createMetricsRegistry();
  installDatabaseMetrics(metrics, database);
  installQueueMetrics(metrics, jobs);
  const edgeLog = loadOpsConfig().edge.accessLog;
  if (edgeLog) installEdgeMetrics(metrics, new EdgeAccessLog(edgeLog));
  const responseCache = createResponseCache({ config, redis, pubsub, logger, metrics });
  if (config.cache.responses) await responseCache.start();

  return {
    config,
    logger,
    database,
    redis,
    mailer: await createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, db: database.db }),
    storage: await createObjectStorage({ dataDir: config.dataDir, s3: config.s3 }),
    jobs,
    events,
    pubsub,
    metrics,
    jwtSecret: resolveJwtSecret(config.jwtSecret, config.dataDir),
    drain: new DrainState(),
    responseCache,
    get migrated() {
      return migrated;
    },
    close: async () => {
      clearTimeout(retryTimer);
      await responseCache.close();
      await jobs.close();
      await events.close();
      await pubsub.close();
      redis?.disconnect();
      await database.close();
    },
  };
}
