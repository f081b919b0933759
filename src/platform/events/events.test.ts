import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { sql } from 'kysely';
import { createTestDatabase, testDatabaseKinds } from '../../../test/support/databases.ts';
import { openDatabase, type Database, type DatabaseKind } from '../db/database.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { createEventBus } from './create-event-bus.ts';
import { processOnce, publishEvent, type DomainEvent, type EventBus } from './event-bus.ts';
import { OutboxDispatcher } from './outbox-dispatcher.ts';
import { RedisStreamBus } from './redis-stream-bus.ts';

const THIS_FILE = fileURLToPath(import.meta.url);
const FAST_EMBEDDED = { pollIntervalMs: 10, maxPollIntervalMs: 50, backoffMs: 20, leaseMs: 5000, shutdownGraceMs: 2000 };
const FAST_REDIS = {
  partitions: 4, pollIntervalMs: 10, maxPollIntervalMs: 50, backoffMs: 20, blockMs: 100,
  partitionLeaseMs: 1000, claimIdleMs: 1000, shutdownGraceMs: 2000,
};

type BusKind = 'embedded' | 'redis';

/**
 * What a child process needs to play a worker: `exit` uses the bus (built by createEventBus with its
 * defaults), closes it and should then exit by itself; `hang` gets stuck in its handler until killed.
 */
interface ChildConfig {
  mode: 'exit' | 'hang';
  bus: BusKind;
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  consumer: string;
  topic: string;
}

interface Backend {
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

interface DoomedConsumer {
  eventId: string;
  kill(): Promise<void>;
  /** Releases whatever is left of it once its event has been recovered. */
  dispose(): Promise<void>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function eventually<T>(what: string, probe: () => T | null | undefined | false | Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function embeddedBackend(kind: DatabaseKind): Promise<Backend> {
  const test = await createTestDatabase(kind);
  return {
    // It plays dead in this process: it never heartbeats, so its lease runs out exactly as after a
    // crash, while its handler stays stuck.
    startDoomedConsumer: async (consumer, topic) => {
      const doomed = new OutboxDispatcher({ database: test.database, ...FAST_EMBEDDED, leaseMs: 300, heartbeatIntervalMs: 60_000, shutdownGraceMs: 50 });
      let release = () => undefined as void;
      const stuck = new Promise<void>((resolve) => { release = resolve; });
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

async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
}

async function redisBackend(redisUrl: string): Promise<Backend> {
  const test = await createTestDatabase('postgres');
  const redisPrefix = `streamhub-test-${randomBytes(4).toString('hex')}:`;
  return {
    database: test.database,
    open: (database = test.database) => new RedisStreamBus({ database, redisUrl, keyPrefix: redisPrefix, ...FAST_REDIS }),
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
      const child = spawnChild({ mode: 'hang', bus: 'redis', databaseUrl: test.url, redisUrl, redisPrefix, consumer, topic });
      const eventId = await eventually('the doomed child to take its event', () => child.output().match(/^started (\d+)$/m)?.[1], 45_000)
        .catch((error: unknown) => {
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
function recorder() {
  const events: DomainEvent[] = [];
  return {
    events,
    ids: () => events.map((event) => event.id),
    handler: async (event: DomainEvent) => { events.push(event); },
  };
}

/** Publishes in a transaction of its own and returns the event's outbox id. */
async function publish(database: Database, topic: string, key: string, payload: unknown = {}): Promise<string> {
  return database.db.transaction().execute(async (trx) => {
    await publishEvent(trx, { topic, key, payload });
    const row = await sql<{ id: string }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(trx);
    return row.rows[0]?.id ?? '';
  });
}

function spawnChild(config: ChildConfig) {
  const child = spawn(process.execPath, ['--import', 'tsx', THIS_FILE], {
    env: { ...process.env, EVENTS_TEST_CHILD: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** The behaviour every EventBus adapter promises, run against one backend. */
function eventBusContract(name: string, createBackend: () => Promise<Backend>): void {
  describe(name, () => {
    let backend: Backend;
    let caseCount = 0;
    // Every case gets its own topics and consumers, so leftovers of one case never reach another.
    let tag = '';
    const topic = (verb: string) => `t${tag}.${verb}`;
    const consumer = (label: string) => `c${tag}-${label}`;
    const open = (t: TestContext, database?: Database): EventBus => {
      const bus = backend.open(database);
      t.after(() => bus.close());
      return bus;
    };

    // The process-exit case's child starts right away and runs beside the other cases, on a store of its own.
    let child: ReturnType<typeof spawnChild> | undefined;
    let childStore: Awaited<ReturnType<Backend['childStore']>> | undefined;

    before(async () => {
      backend = await createBackend();
      childStore = await backend.childStore();
      child = spawnChild({ ...childStore.config, mode: 'exit', consumer: 'exit-check', topic: 'child.started' });
    });
    after(async () => {
      child?.child.kill('SIGKILL');
      await childStore?.drop();
      await backend?.tearDown();
    });

    it('delivers an event published in a committed transaction to every subscribed consumer', async (t) => {
      tag = String(++caseCount);
      await sql`create table notes_${sql.raw(tag)} (id text primary key, body text not null)`.execute(backend.database.db);
      const bus = open(t);
      const counters = recorder();
      const feed = recorder();
      const other = recorder();
      const visibleToHandler: boolean[] = [];
      bus.subscribe(consumer('counters'), [topic('created')], async (event: DomainEvent<{ noteId: string }>) => {
        // The write the event announces committed with it, so a handler always finds it.
        const row = await sql`select 1 from ${sql.raw(`notes_${tag}`)} where id = ${event.payload.noteId}`.execute(backend.database.db);
        visibleToHandler.push(row.rows.length === 1);
        await counters.handler(event);
      });
      bus.subscribe(consumer('feed'), [topic('created'), topic('deleted')], feed.handler);
      bus.subscribe(consumer('other'), [topic('deleted')], other.handler);
      bus.start();

      const before = new Date(Date.now() - 1000);
      const id = await backend.database.db.transaction().execute(async (trx) => {
        await sql`insert into ${sql.raw(`notes_${tag}`)} (id, body) values ('n1', 'hello')`.execute(trx);
        await publishEvent(trx, { topic: topic('created'), key: 'note-n1', payload: { noteId: 'n1', words: ['hello'] } });
        return (await sql<{ id: string }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(trx)).rows[0]?.id;
      });
      await eventually('both subscribers', () => counters.events.length === 1 && feed.events.length === 1);
      await sleep(100);
      for (const events of [counters.events, feed.events]) {
        assert.equal(events.length, 1);
        const [event] = events;
        assert.equal(event?.id, id);
        assert.match(event?.id ?? '', /^\d+$/);
        assert.equal(event?.topic, topic('created'));
        assert.equal(event?.key, 'note-n1');
        assert.deepEqual(event?.payload, { noteId: 'n1', words: ['hello'] });
        assert.ok(event?.createdAt instanceof Date && event.createdAt >= before);
      }
      assert.deepEqual(visibleToHandler, [true]);
      assert.deepEqual(other.events, [], 'a consumer of other topics is not handed it');
      assert.throws(() => bus.subscribe(consumer('feed'), [topic('created')], feed.handler), /already subscribed/);
      assert.throws(() => bus.subscribe(consumer('bad'), ['NotATopic'], feed.handler), /invalid event topic/);
      assert.throws(() => bus.subscribe('Bad Name', [topic('created')], feed.handler), /invalid consumer name/);
      await assert.rejects(publishEvent(backend.database.db, { topic: 'video', key: 'k', payload: {} }), /invalid event topic/);
      await assert.rejects(publishEvent(backend.database.db, { topic: topic('created'), key: '', payload: {} }), /invalid event key/);
    });

    it('never delivers an event published in a transaction that rolled back', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      const seen = recorder();
      bus.subscribe(consumer('feed'), [topic('created')], seen.handler);
      bus.start();
      await assert.rejects(backend.database.db.transaction().execute(async (trx) => {
        await publishEvent(trx, { topic: topic('created'), key: 'k', payload: { n: 'rolled back' } });
        throw new Error('the write failed');
      }), /the write failed/);
      const committed = await publish(backend.database, topic('created'), 'k', { n: 'committed' });
      await eventually('the committed event', () => seen.events.length >= 1);
      await sleep(100);
      assert.deepEqual(seen.events.map((event) => [event.id, event.payload]), [[committed, { n: 'committed' }]]);
    });

    it('retries a failing handler with exponential backoff until it succeeds', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      const calls: Array<{ id: string; at: number }> = [];
      bus.subscribe(consumer('flaky'), [topic('created')], async (event) => {
        calls.push({ id: event.id, at: Date.now() });
        if (calls.length < 3) throw new Error(`flaky ${calls.length}`);
      }, { backoffMs: 60, maxAttempts: 5 });
      bus.start();
      const id = await publish(backend.database, topic('created'), 'k');
      await eventually('the third attempt', () => calls.length === 3);
      await sleep(150);
      assert.deepEqual(calls.map((call) => call.id), [id, id, id]);
      const [first = 0, second = 0, third = 0] = calls.map((call) => call.at);
      // backoff·2^(n-1): 60 ms after the first failure, 120 ms after the second (timer slack allowed).
      assert.ok(second - first >= 55, `first retry came after ${second - first} ms`);
      assert.ok(third - second >= 110, `second retry came after ${third - second} ms`);
      assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('flaky'), limit: 10 }), []);
    });

    it('dead-letters an event whose handler keeps failing, moves on, and replays it on request', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      let fixed = false;
      const calls: string[] = [];
      const done: string[] = [];
      bus.subscribe(consumer('search'), [topic('ready')], async (event: DomainEvent<{ n: number }>) => {
        calls.push(`${event.payload.n}`);
        if (event.payload.n === 1 && !fixed) throw new Error(`index offline (call ${calls.length})`);
        done.push(`${event.payload.n}`);
      }, { maxAttempts: 3, backoffMs: 10 });
      bus.start();
      const doomed = await publish(backend.database, topic('ready'), 'video-7', { n: 1 });
      await publish(backend.database, topic('ready'), 'video-7', { n: 2 });

      await eventually('the next event of the key', () => done.includes('2'));
      // The key's later event waited until the earlier one was given up on.
      assert.deepEqual(calls, ['1', '1', '1', '2']);
      const letters = await bus.listDeadLetters({ consumer: consumer('search'), limit: 10 });
      assert.equal(letters.length, 1);
      const [letter] = letters;
      assert.equal(letter?.consumer, consumer('search'));
      assert.equal(letter?.eventId, doomed);
      assert.equal(letter?.topic, topic('ready'));
      assert.equal(letter?.key, 'video-7');
      assert.deepEqual(letter?.payload, { n: 1 });
      assert.equal(letter?.error, 'index offline (call 3)');
      assert.equal(letter?.attempts, 3);
      assert.ok(letter?.failedAt instanceof Date);
      assert.ok(letter?.eventCreatedAt instanceof Date);
      assert.equal(letter?.replayedAt, null);
      assert.ok((await bus.listDeadLetters({ limit: 100 })).some((candidate) => candidate.id === letter?.id), 'listed across consumers');
      assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('nobody'), limit: 10 }), []);

      fixed = true;
      assert.equal(await bus.replayDeadLetter(letter?.id ?? ''), true);
      await eventually('the replayed event', () => done.includes('1'));
      assert.deepEqual(done, ['2', '1']);
      assert.equal(await bus.replayDeadLetter(letter?.id ?? ''), false, 'a dead letter is replayed once');
      assert.equal(await bus.replayDeadLetter('not-an-id'), false);
      assert.equal(await bus.replayDeadLetter('987654321'), false);
      assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('search'), limit: 10 }), []);
      const history = await bus.listDeadLetters({ consumer: consumer('search'), limit: 10, includeReplayed: true });
      assert.ok(history[0]?.replayedAt instanceof Date);
      await sleep(100);
      assert.deepEqual(done, ['2', '1'], 'the replay reached only its consumer, once');
    });

    it('keeps each key in order for a consumer, through retries, while other keys go ahead', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      const running = new Map<string, number>();
      let overlapped = false;
      let failedOnce = false;
      const completed: Array<{ key: string; n: number }> = [];
      bus.subscribe(consumer('feed'), [topic('created')], async (event: DomainEvent<{ n: number }>) => {
        running.set(event.key, (running.get(event.key) ?? 0) + 1);
        if ((running.get(event.key) ?? 0) > 1) overlapped = true;
        try {
          await sleep(2);
          if (event.key === 'a' && event.payload.n === 0 && !failedOnce) {
            failedOnce = true;
            throw new Error('transient');
          }
          completed.push({ key: event.key, n: event.payload.n });
        } finally {
          running.set(event.key, (running.get(event.key) ?? 1) - 1);
        }
      }, { concurrency: 4, backoffMs: 400 });
      bus.start();
      const keys = ['a', 'b', 'c'];
      await backend.database.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 6; n++) {
          for (const key of keys) await publishEvent(trx, { topic: topic('created'), key, payload: { n } });
        }
      });
      await eventually('every event', () => completed.length === 18);
      assert.equal(overlapped, false, 'two events of one key never ran at once');
      for (const key of keys) {
        assert.deepEqual(completed.filter((item) => item.key === key).map((item) => item.n), [0, 1, 2, 3, 4, 5], `order of key ${key}`);
      }
      const firstOfA = completed.findIndex((item) => item.key === 'a');
      assert.ok(completed.slice(0, firstOfA).some((item) => item.key === 'b'), 'key b went ahead while key a waited for its retry');
    });

    it('processes a duplicate (a relay that crashed before recording its progress) once', async (t) => {
      tag = String(++caseCount);
      await sql`create table notes_${sql.raw(tag)} (event_id text primary key)`.execute(backend.database.db);
      const bus = open(t);
      const plain = recorder();
      const atomicRuns: string[] = [];
      bus.subscribe(consumer('plain'), [topic('created')], plain.handler);
      // Exactly-once effect: the handler's write and the processed mark commit together.
      bus.subscribe(consumer('atomic'), [topic('created')], async (event) => {
        await processOnce(backend.database.db, consumer('atomic'), event, async (trx) => {
          atomicRuns.push(event.id);
          await sql`insert into ${sql.raw(`notes_${tag}`)} (event_id) values (${event.id})`.execute(trx);
        });
      });
      bus.start();
      const first = await publish(backend.database, topic('created'), 'k', { n: 1 });
      await eventually('the first event', () => plain.events.length === 1 && atomicRuns.length === 1);
      // The relay handed the event on but "crashed" before marking it relayed: it goes out again.
      await sql`update outbox_events set relayed_at = null where id = ${first}`.execute(backend.database.db);
      const second = await publish(backend.database, topic('created'), 'k', { n: 2 });
      await eventually('the event after the duplicate', () => plain.events.length === 2 && atomicRuns.length === 2);
      await eventually('the duplicate relayed', async () => {
        const row = await sql<{ relayed: boolean }>`select relayed_at is not null as relayed from outbox_events where id = ${first}`.execute(backend.database.db);
        return row.rows[0]?.relayed;
      });
      await sleep(150);
      assert.deepEqual(plain.ids(), [first, second]);
      assert.deepEqual(atomicRuns, [first, second]);
      const notes = await sql<{ event_id: string }>`select event_id from ${sql.raw(`notes_${tag}`)} order by event_id`.execute(backend.database.db);
      assert.equal(notes.rows.length, 2);
      assert.equal(await processOnce(backend.database.db, consumer('atomic'), { id: first }, async () => {
        throw new Error('must not run');
      }), false);
    });

    it('gives every consumer of a topic its own copy; one failing does not hold back another', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      const healthy = recorder();
      let brokenCalls = 0;
      bus.subscribe(consumer('broken'), [topic('liked')], async () => {
        brokenCalls += 1;
        throw new Error('broken');
      }, { maxAttempts: 2, backoffMs: 200 });
      bus.subscribe(consumer('healthy'), [topic('liked')], healthy.handler);
      bus.start();
      const id = await publish(backend.database, topic('liked'), 'video-1', { by: 'ada' });
      await eventually('the healthy consumer', () => healthy.events.length === 1);
      assert.ok(brokenCalls <= 1, 'the healthy consumer did not wait for the broken one to give up');
      await eventually('the dead letter', async () => (await bus.listDeadLetters({ consumer: consumer('broken'), limit: 1 })).length === 1);
      assert.equal(brokenCalls, 2);
      assert.deepEqual(healthy.ids(), [id]);
      assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('healthy'), limit: 1 }), []);
    });

    it('shares the work between two bus instances: each event once per consumer, keys in order', async (t) => {
      tag = String(++caseCount);
      const otherDatabase = await backend.otherDatabase();
      const buses = [open(t), open(t, otherDatabase)];
      const handled = new Map<string, Array<{ id: string; key: string; n: number; instance: number }>>();
      for (const name of [consumer('counters'), consumer('feed')]) {
        const log: Array<{ id: string; key: string; n: number; instance: number }> = [];
        handled.set(name, log);
        buses.forEach((bus, instance) => {
          bus.subscribe(name, [topic('created')], async (event: DomainEvent<{ n: number }>) => {
            await sleep(1);
            log.push({ id: event.id, key: event.key, n: event.payload.n, instance });
          }, { concurrency: 2 });
        });
      }
      for (const bus of buses) bus.start();
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
      const ids: string[] = [];
      for (let batch = 0; batch < 4; batch++) {
        await backend.database.db.transaction().execute(async (trx) => {
          for (const key of keys) {
            await publishEvent(trx, { topic: topic('created'), key, payload: { n: batch } });
            ids.push((await sql<{ id: string }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(trx)).rows[0]?.id ?? '');
          }
        });
        await sleep(50);
      }
      for (const [name, log] of handled) {
        await eventually(`${name} to handle every event`, () => new Set(log.map((item) => item.id)).size === ids.length);
      }
      await sleep(300);
      for (const [name, log] of handled) {
        assert.deepEqual(log.map((item) => item.id).sort(), [...ids].sort(), `${name} handled each event exactly once`);
        for (const key of keys) {
          assert.deepEqual(log.filter((item) => item.key === key).map((item) => item.n), [0, 1, 2, 3], `${name}: order of ${key}`);
        }
      }
    });

    it('hands the event of a consumer instance that died mid-event to another instance', async (t) => {
      tag = String(++caseCount);
      const doomed = await backend.startDoomedConsumer(consumer('search'), topic('ready'));
      await doomed.kill();
      const rescuer = open(t);
      const seen = recorder();
      rescuer.subscribe(consumer('search'), [topic('ready')], seen.handler);
      rescuer.start();
      await eventually('the dead instance\'s event', () => seen.ids().includes(doomed.eventId), 20_000);
      await doomed.dispose();
      await sleep(100);
      assert.deepEqual(seen.ids(), [doomed.eventId]);
    });

    it('prunes old history, and still replays a dead letter whose outbox row was pruned', async (t) => {
      tag = String(++caseCount);
      const bus = open(t);
      let fixed = false;
      const done = recorder();
      bus.subscribe(consumer('history'), [topic('created')], async (event) => {
        if (!fixed) throw new Error('not yet');
        await done.handler(event);
      }, { maxAttempts: 1 });
      bus.start();
      const id = await publish(backend.database, topic('created'), 'k', { keep: 'me' });
      const letter = await eventually('the dead letter', async () => (await bus.listDeadLetters({ consumer: consumer('history'), limit: 1 }))[0]);
      assert.deepEqual(await bus.prune(3_600_000), { outbox: 0, processed: 0 }, 'nothing is an hour old');
      const pruned = await bus.prune(0);
      assert.ok(pruned.outbox >= 1 && pruned.processed >= 1, JSON.stringify(pruned));
      const left = await sql<{ n: number }>`select count(*)::int as n from outbox_events where id = ${id}`.execute(backend.database.db);
      assert.equal(left.rows[0]?.n, 0);

      fixed = true;
      assert.equal(await bus.replayDeadLetter(letter.id), true);
      await eventually('the replayed event', () => done.events.length === 1);
      assert.equal(done.events[0]?.id, id);
      assert.deepEqual(done.events[0]?.payload, { keep: 'me' });
    });

    it('leaves nothing running after close(): a process using the bus exits by itself', async () => {
      assert.ok(child);
      let timer: NodeJS.Timeout | undefined;
      try {
        const code = await Promise.race([
          child.exited,
          new Promise<'hung'>((resolve) => { timer = setTimeout(() => resolve('hung'), 45_000); }),
        ]);
        assert.match(child.output(), /^delivered$/m);
        assert.equal(code, 0, 'the child exited on its own after closing the bus');
      } finally {
        clearTimeout(timer);
      }
    });
  });
}

/** The child: a worker that uses the bus, closes it and its database, and should then simply exit. */
/** The parent's PostgreSQL database, or an in-memory PGlite with just the event tables. */
async function openChildDatabase(config: ChildConfig): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl });
  const database = await openDatabase({});
  await migrate(database, undefined, readMigrations().filter((migration) => migration.version.endsWith('_events')));
  return database;
}

async function runChild(config: ChildConfig): Promise<void> {
  if (config.mode === 'hang') {
    // Only the Redis backend uses a child for this; its settings must match the parent's (partitions).
    const database = await openChildDatabase(config);
    const bus = new RedisStreamBus({ database, redisUrl: config.redisUrl ?? '', keyPrefix: config.redisPrefix ?? '', ...FAST_REDIS });
    bus.subscribe(config.consumer, [config.topic], async (event) => {
      console.log(`started ${event.id}`);
      await new Promise(() => undefined);
    });
    bus.start();
    await publishEvent(database.db, { topic: config.topic, key: 'k', payload: {} });
    return;
  }
  const database = await openChildDatabase(config);
  const bus = createEventBus({
    database,
    redisUrl: config.bus === 'redis' ? config.redisUrl : undefined,
    redisKeyPrefix: config.redisPrefix ?? 'unused:',
  });
  let delivered = () => undefined as void;
  const received = new Promise<void>((resolve) => { delivered = resolve; });
  bus.subscribe(config.consumer, [config.topic], async () => { delivered(); });
  bus.start();
  await publishEvent(database.db, { topic: config.topic, key: 'k', payload: {} });
  await received;
  await bus.close();
  await database.close();
  console.log('delivered');
}

const childConfig = process.env.EVENTS_TEST_CHILD;
if (childConfig) {
  await runChild(JSON.parse(childConfig) as ChildConfig);
} else {
  for (const kind of testDatabaseKinds()) {
    eventBusContract(`OutboxDispatcher on ${kind}`, () => embeddedBackend(kind));
  }
  // Scale-out keeps the outbox in PostgreSQL (a child process stands in for a crashing worker, and an
  // in-memory PGlite cannot be shared with it).
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl && process.env.DATABASE_URL) {
    eventBusContract('RedisStreamBus on Redis with the outbox on postgres', () => redisBackend(redisUrl));
  }
}
