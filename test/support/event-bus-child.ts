/**
 * An event-bus worker in a process of its own, for the event-bus tests that need a process boundary.
 *
 *   node --import tsx test/support/event-bus-child.ts   (ChildConfig as JSON in EVENTS_TEST_CHILD)
 *
 * `exit`: uses the bus, closes it and its database, and should then simply exit by itself.
 * `hang`: takes an event and gets stuck in its handler until killed.
 */
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate, readMigrations } from '../../src/platform/db/migrate.ts';
import { createEventBus } from '../../src/platform/events/create-event-bus.ts';
import { publishEvent } from '../../src/platform/events/event-bus.ts';
import { RedisStreamBus } from '../../src/platform/events/redis-stream-bus.ts';
import { FAST_REDIS, type ChildConfig } from './event-bus-settings.ts';

/** The parent's PostgreSQL database, or an in-memory PGlite with just the event tables. */
async function openChildDatabase(config: ChildConfig): Promise<Database> {
  if (config.databaseUrl) return openDatabase({ url: config.databaseUrl });
  const database = await openDatabase({});
  await migrate(
    database,
    undefined,
    readMigrations().filter((migration) => migration.version.endsWith('_events')),
  );
  return database;
}

async function runChild(config: ChildConfig): Promise<void> {
  if (config.mode === 'hang') {
    // Only the Redis backend uses a child for this; its settings must match the parent's (partitions).
    const database = await openChildDatabase(config);
    const bus = new RedisStreamBus({
      database,
      redisUrl: config.redisUrl ?? '',
      keyPrefix: config.redisPrefix ?? '',
      ...FAST_REDIS,
    });
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
  const received = new Promise<void>((resolve) => {
    delivered = resolve;
  });
  bus.subscribe(config.consumer, [config.topic], async () => {
    delivered();
  });
  bus.start();
  await publishEvent(database.db, { topic: config.topic, key: 'k', payload: {} });
  await received;
  await bus.close();
  await database.close();
  console.log('delivered');
}

await runChild(JSON.parse(process.env.EVENTS_TEST_CHILD ?? '') as ChildConfig);
