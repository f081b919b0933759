import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { describeEventBuses, eventually, publish, recorder, sleep } from '../../../test/support/event-bus-backends.ts';
import { processOnce, publishEvent, type DomainEvent } from './event-bus.ts';

// The behaviour every EventBus adapter promises to one running instance: delivery, retries, dead
// letters, ordering, duplicates. Several instances, crashes and shutdown are in event-recovery.test.ts.
describeEventBuses('event bus', ({ backend, newCase, topic, consumer, open }) => {
  it('delivers an event published in a committed transaction to every subscribed consumer', async (t) => {
    const tag = newCase();
    await sql`create table notes_${sql.raw(tag)} (id text primary key, body text not null)`.execute(
      backend().database.db,
    );
    const bus = open(t);
    const counters = recorder();
    const feed = recorder();
    const other = recorder();
    const visibleToHandler: boolean[] = [];
    bus.subscribe(consumer('counters'), [topic('created')], async (event: DomainEvent<{ noteId: string }>) => {
      // The write the event announces committed with it, so a handler always finds it.
      const row = await sql`select 1 from ${sql.raw(`notes_${tag}`)} where id = ${event.payload.noteId}`.execute(
        backend().database.db,
      );
      visibleToHandler.push(row.rows.length === 1);
      await counters.handler(event);
    });
    bus.subscribe(consumer('feed'), [topic('created'), topic('deleted')], feed.handler);
    bus.subscribe(consumer('other'), [topic('deleted')], other.handler);
    bus.start();

    const before = new Date(Date.now() - 1000);
    const id = await backend()
      .database.db.transaction()
      .execute(async (trx) => {
        await sql`insert into ${sql.raw(`notes_${tag}`)} (id, body) values ('n1', 'hello')`.execute(trx);
        await publishEvent(trx, {
          topic: topic('created'),
          key: 'note-n1',
          payload: { noteId: 'n1', words: ['hello'] },
        });
        return (
          await sql<{ id: string }>`select currval(pg_get_serial_sequence('outbox_events', 'id'))::text as id`.execute(
            trx,
          )
        ).rows[0]?.id;
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
    await assert.rejects(
      publishEvent(backend().database.db, { topic: 'video', key: 'k', payload: {} }),
      /invalid event topic/,
    );
    await assert.rejects(
      publishEvent(backend().database.db, { topic: topic('created'), key: '', payload: {} }),
      /invalid event key/,
    );
  });

  it('never delivers an event published in a transaction that rolled back', async (t) => {
    newCase();
    const bus = open(t);
    const seen = recorder();
    bus.subscribe(consumer('feed'), [topic('created')], seen.handler);
    bus.start();
    await assert.rejects(
      backend()
        .database.db.transaction()
        .execute(async (trx) => {
          await publishEvent(trx, { topic: topic('created'), key: 'k', payload: { n: 'rolled back' } });
          throw new Error('the write failed');
        }),
      /the write failed/,
    );
    const committed = await publish(backend().database, topic('created'), 'k', { n: 'committed' });
    await eventually('the committed event', () => seen.events.length >= 1);
    await sleep(100);
    assert.deepEqual(
      seen.events.map((event) => [event.id, event.payload]),
      [[committed, { n: 'committed' }]],
    );
  });

  it('retries a failing handler with exponential backoff until it succeeds', async (t) => {
    newCase();
    const bus = open(t);
    const calls: Array<{ id: string; at: number }> = [];
    bus.subscribe(
      consumer('flaky'),
      [topic('created')],
      async (event) => {
        calls.push({ id: event.id, at: Date.now() });
        if (calls.length < 3) throw new Error(`flaky ${calls.length}`);
      },
      { backoffMs: 60, maxAttempts: 5 },
    );
    bus.start();
    const id = await publish(backend().database, topic('created'), 'k');
    await eventually('the third attempt', () => calls.length === 3);
    await sleep(150);
    assert.deepEqual(
      calls.map((call) => call.id),
      [id, id, id],
    );
    const [first = 0, second = 0, third = 0] = calls.map((call) => call.at);
    // backoff·2^(n-1): 60 ms after the first failure, 120 ms after the second (timer slack allowed).
    assert.ok(second - first >= 55, `first retry came after ${second - first} ms`);
    assert.ok(third - second >= 110, `second retry came after ${third - second} ms`);
    assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('flaky'), limit: 10 }), []);
  });

  it('dead-letters an event whose handler keeps failing, moves on, and replays it on request', async (t) => {
    newCase();
    const bus = open(t);
    let fixed = false;
    const calls: string[] = [];
    const done: string[] = [];
    bus.subscribe(
      consumer('search'),
      [topic('ready')],
      async (event: DomainEvent<{ n: number }>) => {
        calls.push(`${event.payload.n}`);
        if (event.payload.n === 1 && !fixed) throw new Error(`index offline (call ${calls.length})`);
        done.push(`${event.payload.n}`);
      },
      { maxAttempts: 3, backoffMs: 10 },
    );
    bus.start();
    const doomed = await publish(backend().database, topic('ready'), 'video-7', { n: 1 });
    await publish(backend().database, topic('ready'), 'video-7', { n: 2 });

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
    assert.ok(
      (await bus.listDeadLetters({ limit: 100 })).some((candidate) => candidate.id === letter?.id),
      'listed across consumers',
    );
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
    newCase();
    const bus = open(t);
    const running = new Map<string, number>();
    let overlapped = false;
    let failedOnce = false;
    const completed: Array<{ key: string; n: number }> = [];
    bus.subscribe(
      consumer('feed'),
      [topic('created')],
      async (event: DomainEvent<{ n: number }>) => {
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
      },
      { concurrency: 4, backoffMs: 400 },
    );
    bus.start();
    const keys = ['a', 'b', 'c'];
    await backend()
      .database.db.transaction()
      .execute(async (trx) => {
        for (let n = 0; n < 6; n++) {
          for (const key of keys) await publishEvent(trx, { topic: topic('created'), key, payload: { n } });
        }
      });
    await eventually('every event', () => completed.length === 18);
    assert.equal(overlapped, false, 'two events of one key never ran at once');
    for (const key of keys) {
      assert.deepEqual(
        completed.filter((item) => item.key === key).map((item) => item.n),
        [0, 1, 2, 3, 4, 5],
        `order of key ${key}`,
      );
    }
    const firstOfA = completed.findIndex((item) => item.key === 'a');
    assert.ok(
      completed.slice(0, firstOfA).some((item) => item.key === 'b'),
      'key b went ahead while key a waited for its retry',
    );
  });

  it('processes a duplicate (a relay that crashed before recording its progress) once', async (t) => {
    const tag = newCase();
    await sql`create table notes_${sql.raw(tag)} (event_id text primary key)`.execute(backend().database.db);
    const bus = open(t);
    const plain = recorder();
    const atomicRuns: string[] = [];
    bus.subscribe(consumer('plain'), [topic('created')], plain.handler);
    // Exactly-once effect: the handler's write and the processed mark commit together.
    bus.subscribe(consumer('atomic'), [topic('created')], async (event) => {
      await processOnce(backend().database.db, consumer('atomic'), event, async (trx) => {
        atomicRuns.push(event.id);
        await sql`insert into ${sql.raw(`notes_${tag}`)} (event_id) values (${event.id})`.execute(trx);
      });
    });
    bus.start();
    const first = await publish(backend().database, topic('created'), 'k', { n: 1 });
    await eventually('the first event', () => plain.events.length === 1 && atomicRuns.length === 1);
    // The relay handed the event on but "crashed" before marking it relayed: it goes out again.
    await sql`update outbox_events set relayed_at = null where id = ${first}`.execute(backend().database.db);
    const second = await publish(backend().database, topic('created'), 'k', { n: 2 });
    await eventually('the event after the duplicate', () => plain.events.length === 2 && atomicRuns.length === 2);
    await eventually('the duplicate relayed', async () => {
      const row = await sql<{
        relayed: boolean;
      }>`select relayed_at is not null as relayed from outbox_events where id = ${first}`.execute(
        backend().database.db,
      );
      return row.rows[0]?.relayed;
    });
    await sleep(150);
    assert.deepEqual(plain.ids(), [first, second]);
    assert.deepEqual(atomicRuns, [first, second]);
    const notes = await sql<{
      event_id: string;
    }>`select event_id from ${sql.raw(`notes_${tag}`)} order by event_id`.execute(backend().database.db);
    assert.equal(notes.rows.length, 2);
    assert.equal(
      await processOnce(backend().database.db, consumer('atomic'), { id: first }, async () => {
        throw new Error('must not run');
      }),
      false,
    );
  });

  it('gives every consumer of a topic its own copy; one failing does not hold back another', async (t) => {
    newCase();
    const bus = open(t);
    const healthy = recorder();
    let brokenCalls = 0;
    bus.subscribe(
      consumer('broken'),
      [topic('liked')],
      async () => {
        brokenCalls += 1;
        throw new Error('broken');
      },
      { maxAttempts: 2, backoffMs: 200 },
    );
    bus.subscribe(consumer('healthy'), [topic('liked')], healthy.handler);
    bus.start();
    const id = await publish(backend().database, topic('liked'), 'video-1', { by: 'ada' });
    await eventually('the healthy consumer', () => healthy.events.length === 1);
    assert.ok(brokenCalls <= 1, 'the healthy consumer did not wait for the broken one to give up');
    await eventually(
      'the dead letter',
      async () => (await bus.listDeadLetters({ consumer: consumer('broken'), limit: 1 })).length === 1,
    );
    assert.equal(brokenCalls, 2);
    assert.deepEqual(healthy.ids(), [id]);
    assert.deepEqual(await bus.listDeadLetters({ consumer: consumer('healthy'), limit: 1 }), []);
  });
});
