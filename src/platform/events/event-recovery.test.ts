import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql } from 'kysely';
import {
  describeEventBuses,
  eventually,
  publish,
  recorder,
  sleep,
  spawnChild,
  type Backend,
} from '../../../test/support/event-bus-backends.ts';
import { publishEvent, type DomainEvent } from './event-bus.ts';

// Several bus instances, instances that die mid-event, history pruning and shutdown.
describeEventBuses('event recovery', ({ backend, newCase, topic, consumer, open }) => {
  // The process-exit case's child starts right away and runs beside the other cases, on a store of its own.
  let child: ReturnType<typeof spawnChild> | undefined;
  let childStore: Awaited<ReturnType<Backend['childStore']>> | undefined;
  before(async () => {
    childStore = await backend().childStore();
    child = spawnChild({ ...childStore.config, mode: 'exit', consumer: 'exit-check', topic: 'child.started' });
  });
  after(async () => {
    child?.child.kill('SIGKILL');
    await childStore?.drop();
  });

  it('shares the work between two bus instances: each event once per consumer, keys in order', async (t) => {
    newCase();
    const otherDatabase = await backend().otherDatabase();
    const buses = [open(t), open(t, otherDatabase)];
    const handled = new Map<string, Array<{ id: string; key: string; n: number; instance: number }>>();
    for (const name of [consumer('counters'), consumer('feed')]) {
      const log: Array<{ id: string; key: string; n: number; instance: number }> = [];
      handled.set(name, log);
      buses.forEach((bus, instance) => {
        bus.subscribe(
          name,
          [topic('created')],
          async (event: DomainEvent<{ n: number }>) => {
            await sleep(1);
            log.push({ id: event.id, key: event.key, n: event.payload.n, instance });
          },
          { concurrency: 2 },
        );
      });
    }
    for (const bus of buses) bus.start();
    const keys = ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
    const ids: string[] = [];
    for (let batch = 0; batch < 4; batch++) {
      await backend()
        .database.db.transaction()
        .execute(async (trx) => {
          for (const key of keys) {
            await publishEvent(trx, { topic: topic('created'), key, payload: { n: batch } });
            ids.push(
              (
                await sql<{
                  id: string;
                }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(trx)
              ).rows[0]?.id ?? '',
            );
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
        assert.deepEqual(
          log.filter((item) => item.key === key).map((item) => item.n),
          [0, 1, 2, 3],
          `${name}: order of ${key}`,
        );
      }
    }
  });

  it('hands the event of a consumer instance that died mid-event to another instance', async (t) => {
    newCase();
    const doomed = await backend().startDoomedConsumer(consumer('search'), topic('ready'));
    await doomed.kill();
    const rescuer = open(t);
    const seen = recorder();
    rescuer.subscribe(consumer('search'), [topic('ready')], seen.handler);
    rescuer.start();
    await eventually("the dead instance's event", () => seen.ids().includes(doomed.eventId), 20_000);
    await doomed.dispose();
    await sleep(100);
    assert.deepEqual(seen.ids(), [doomed.eventId]);
  });

  it('prunes old history, and still replays a dead letter whose outbox row was pruned', async (t) => {
    newCase();
    const bus = open(t);
    let fixed = false;
    const done = recorder();
    bus.subscribe(
      consumer('history'),
      [topic('created')],
      async (event) => {
        if (!fixed) throw new Error('not yet');
        await done.handler(event);
      },
      { maxAttempts: 1 },
    );
    bus.start();
    const id = await publish(backend().database, topic('created'), 'k', { keep: 'me' });
    const letter = await eventually(
      'the dead letter',
      async () => (await bus.listDeadLetters({ consumer: consumer('history'), limit: 1 }))[0],
    );
    assert.deepEqual(await bus.prune(3_600_000), { outbox: 0, processed: 0 }, 'nothing is an hour old');
    const pruned = await bus.prune(0);
    assert.ok(pruned.outbox >= 1 && pruned.processed >= 1, JSON.stringify(pruned));
    const left = await sql<{ n: number }>`select count(*)::int as n from outbox_events where id = ${id}`.execute(
      backend().database.db,
    );
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
        new Promise<'hung'>((resolve) => {
          timer = setTimeout(() => resolve('hung'), 45_000);
        }),
      ]);
      assert.match(child.output(), /^delivered$/m);
      assert.equal(code, 0, 'the child exited on its own after closing the bus');
    } finally {
      clearTimeout(timer);
    }
  });
});
