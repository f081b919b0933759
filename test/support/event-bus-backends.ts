/**
 * The event-bus tests' backends: each EventBus adapter on a fresh store, a consumer instance that dies
 * mid-event, and child processes (test/support/event-bus-child.ts). Shared by src/platform/events/*.test.ts.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import type { Database, DatabaseKind } from '../../src/platform/db/database.ts';
import { publishEvent, type DomainEvent, type EventBus } from '../../src/platform/events/event-bus.ts';
import { OutboxDispatcher } from '../../src/platform/events/outbox-dispatcher.ts';
import { RedisStreamBus } from '../../src/platform/events/redis-stream-bus.ts';
import { createTestDatabase, testDatabaseKinds } from './databases.ts';
import { FAST_EMBEDDED, FAST_REDIS, type ChildConfig } from './event-bus-settings.ts';

const CHILD_SCRIPT = fileURLToPath(new URL('./event-bus-child.ts', import.meta.url));
export interface Backend {
  database: Database;
  /** A new bus instance, on `database` by default: to the store, another process. */
  open(database?: Database): EventBus;
  /** A second connection to the same database (PostgreSQL), or the same one where it cannot be shared (PGlite). */
  otherDatabase(): Promise<Database>;
  /** A store of this kind of its own for a child process, so the child and the cases never meet. */
  childStore(): Promise<{ config: Omit<ChildConfig, 'mode' | 'consumer' | 'topic'>; drop(): Promise<void> }>;
  /** A bus instance on this store that takes an event of `topic` for `consumer`, then dies mid-handler. */
  startDoomedConsumer(consumer: string, topic: string): Promise<DoomedConsumer>;
  tearDown(): Promise<void>;
}

export interface DoomedConsumer {
  eventId: string;
  kill(): Promise<void>;
  /** Releases whatever is left of it once its event has been recovered. */
  dispose(): Promise<void>;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function eventually<T>(
  what: string,
  probe: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export async function embeddedBackend(kind: DatabaseKind): Promise<Backend> {
  const test = await createTestDatabase(kind);
  return {
    // It plays dead in this process: it never heartbeats, so its lease runs out exactly as after a
    // crash, while its handler stays stuck.
    startDoomedConsumer: async (consumer, topic) => {
      const doomed = new OutboxDispatcher({
        database: test.database,
        ...FAST_EMBEDDED,
        leaseMs: 300,
        heartbeatIntervalMs: 60_000,
        shutdownGraceMs: 50,
      });
      let release = () => undefined as void;
      const stuck = new Promise<void>((resolve) => {
        release = resolve;
      });
      const started = new Promise<string>((resolve) => {
        doomed.subscribe(consumer, [topic], async (event) => {
          resolve(event.id);
          await stuck;
        });
      });
      doomed.start();
      await publish(test.database, topic, 'k');
      return {
        eventId: await started,
        kill: async () => undefined,
        dispose: async () => {
          await doomed.close();
          release();
        },
      };
    },
    database: test.database,
    open: (database = test.database) => new OutboxDispatcher({ database, ...FAST_EMBEDDED }),
    otherDatabase: () => (kind === 'postgres' ? test.openAnother() : Promise.resolve(test.database)),
    childStore: async () => {
      if (kind === 'pglite') return { config: { bus: 'embedded' }, drop: async () => undefined };
      const own = await createTestDatabase(kind);
      await own.database.close();
      return { config: { bus: 'embedded', databaseUrl: own.url }, drop: own.drop };
    },
    tearDown: test.drop,
  };
}

export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

export async function redisBackend(redisUrl: string): Promise<Backend> {
  const test = await createTestDatabase('postgres');
  const redisPrefix = `streamhub-test-${randomBytes(4).toString('hex')}:`;
  return {
    database: test.database,
    open: (database = test.database) =>
      new RedisStreamBus({ database, redisUrl, keyPrefix: redisPrefix, ...FAST_REDIS }),
    otherDatabase: () => test.openAnother(),
    childStore: async () => {
      const childPrefix = `streamhub-test-${randomBytes(4).toString('hex')}:`;
      const own = await createTestDatabase('postgres');
      await own.database.close();
      return {
        config: { bus: 'redis', databaseUrl: own.url, redisUrl, redisPrefix: childPrefix },
        drop: async () => {
          await deleteRedisKeys(redisUrl, childPrefix);
          await own.drop();
        },
      };
    },
    // A real process killed with SIGKILL mid-handler: none of its shutdown code runs.
    startDoomedConsumer: async (consumer, topic) => {
      const child = spawnChild({
        mode: 'hang',
        bus: 'redis',
        databaseUrl: test.url,
        redisUrl,
        redisPrefix,
        consumer,
        topic,
      });
      const eventId = await eventually(
        'the doomed child to take its event',
        () => child.output().match(/^started (\d+)$/m)?.[1],
        45_000,
      ).catch((error: unknown) => {
        child.child.kill('SIGKILL');
        throw error;
      });
      return {
        eventId,
        kill: async () => {
          child.child.kill('SIGKILL');
          await child.exited;
        },
        dispose: async () => undefined,
      };
    },
    tearDown: async () => {
      await deleteRedisKeys(redisUrl, redisPrefix);
      await test.drop();
    },
  };
}

/** Collects what a consumer was handed, in order. */
export function recorder() {
  const events: DomainEvent[] = [];
  return {
    events,
    ids: () => events.map((event) => event.id),
    handler: async (event: DomainEvent) => {
      events.push(event);
    },
  };
}

/** Publishes in a transaction of its own and returns the event's outbox id. */
export async function publish(database: Database, topic: string, key: string, payload: unknown = {}): Promise<string> {
  return database.db.transaction().execute(async (trx) => {
    await publishEvent(trx, { topic, key, payload });
    const row = await sql<{
      id: string;
    }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(trx);
    return row.rows[0]?.id ?? '';
  });
}

export function spawnChild(config: ChildConfig) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD_SCRIPT], {
    env: { ...process.env, EVENTS_TEST_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** What a group of event-bus cases gets. Every case calls newCase() first: its topics and consumers are its own. */
export interface BusCases {
  backend(): Backend;
  /** Starts a case; returns its tag, also usable in table names. */
  newCase(): string;
  topic(verb: string): string;
  consumer(label: string): string;
  /** A bus instance closed after the case. */
  open(t: TestContext, database?: Database): EventBus;
}

function describeOn(name: string, createBackend: () => Promise<Backend>, cases: (context: BusCases) => void): void {
  describe(name, () => {
    let backend: Backend | undefined;
    let caseCount = 0;
    let tag = '';
    before(async () => {
      backend = await createBackend();
    });
    after(async () => {
      await backend?.tearDown();
    });
    const current = (): Backend => {
      if (!backend) throw new Error('the backend is not up yet');
      return backend;
    };
    cases({
      backend: current,
      newCase: () => (tag = String(++caseCount)),
      topic: (verb) => `t${tag}.${verb}`,
      consumer: (label) => `c${tag}-${label}`,
      open: (t, database) => {
        const bus = current().open(database);
        t.after(() => bus.close());
        return bus;
      },
    });
  });
}

/**
 * Runs `cases` against every EventBus adapter this run can reach: the outbox dispatcher on each test
 * database kind, and Redis Streams when REDIS_URL and DATABASE_URL are set (scale-out keeps the outbox
 * in PostgreSQL; a child process stands in for a crashing worker, and an in-memory PGlite cannot be
 * shared with it).
 */
export function describeEventBuses(title: string, cases: (context: BusCases) => void): void {
  for (const kind of testDatabaseKinds())
    describeOn(`${title}: OutboxDispatcher on ${kind}`, () => embeddedBackend(kind), cases);
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl && process.env.DATABASE_URL) {
    describeOn(`${title}: RedisStreamBus on Redis with the outbox on postgres`, () => redisBackend(redisUrl), cases);
  }
}
