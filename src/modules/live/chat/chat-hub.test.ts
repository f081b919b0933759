// The room's delivery ticks: a quiet room's event goes out at once, a busy room's events go out
// together as one frame built once for every member, in order; a held message reaches only its
// author's members, and presence rides in the same ticks.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryPubSub } from '../../../platform/pubsub/memory-pubsub.ts';
import { ChatHub, type ChatMember, type RoomBatch } from './chat-hub.ts';
import type { ChatMessage } from './chat-repo.ts';

const TICK_MS = 80;

function message(id: number, status: ChatMessage['status'] = 'visible', authorId = 'author'): ChatMessage {
  return {
    id: String(id),
    streamId: 'room',
    authorId,
    authorName: 'someone',
    body: `m${id}`,
    status,
    offsetMs: 0,
    createdAt: new Date(0).toISOString(),
  };
}

interface Recorder extends ChatMember {
  batches: Array<{ at: number; batch: RoomBatch }>;
  own: string[];
}

function recorder(userId?: string): Recorder {
  const member: Recorder = {
    userId,
    batches: [],
    own: [],
    deliver: (batch) => member.batches.push({ at: Date.now(), batch }),
    deliverOwn: (_event, text) => member.own.push(text),
  };
  return member;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const messageIds = (member: Recorder) =>
  member.batches.flatMap(({ batch }) =>
    batch.events.flatMap((event) => (event.type === 'message' ? [event.message.id] : [])),
  );

describe('chat hub delivery ticks', () => {
  test('a quiet room sends at once; a busy one sends one shared frame per tick, in order', async () => {
    const hub = new ChatHub(new MemoryPubSub(), undefined, TICK_MS);
    const viewers = [recorder(), recorder()];
    const leaves = await Promise.all(viewers.map((viewer) => hub.join('room', viewer)));
    await sleep(TICK_MS * 4); // the join's presence tick passes; the room is quiet again

    const sentAt = Date.now();
    await hub.publish('room', { type: 'message', message: message(1) });
    await sleep(TICK_MS / 4);
    const quiet = viewers[0]!.batches.find(({ batch }) => batch.events.some((event) => event.type === 'message'));
    assert.ok(quiet, 'the first message after a quiet tick is not held back for the next tick');
    assert.ok(quiet.at - sentAt < TICK_MS / 2);

    // Ten messages within one tick after that: one or two frames, not ten.
    const before = viewers[0]!.batches.length;
    for (let id = 2; id <= 11; id += 1) await hub.publish('room', { type: 'message', message: message(id) });
    await sleep(TICK_MS * 3);
    const frames = viewers[0]!.batches.slice(before);
    assert.ok(frames.length <= 2, `10 messages in one tick went out as ${frames.length} frames`);
    const batch = frames.find(({ batch }) => batch.events.length > 1)!.batch;
    const parsed = JSON.parse(batch.frame.toString()) as { type: string; events: Array<{ message: ChatMessage }> };
    assert.equal(parsed.type, 'batch');
    assert.deepEqual(
      parsed.events.map((event) => event.message.id),
      batch.events.map((event) => (event.type === 'message' ? event.message.id : '')),
    );
    assert.equal(viewers[1]!.batches.at(-1)!.batch, viewers[0]!.batches.at(-1)!.batch, 'one frame for every member');
    for (const viewer of viewers) {
      assert.deepEqual(
        messageIds(viewer),
        Array.from({ length: 11 }, (_, index) => String(index + 1)),
      );
    }
    for (const leave of leaves) await leave();
    hub.close();
  });

  test("a busy room's tick follows its fan-out cost, bounded by the configured tick", async () => {
    /** Frames' times while one message is published every 5 ms for 600 ms. */
    async function frameGaps(deliverMs: number): Promise<number[]> {
      const hub = new ChatHub(new MemoryPubSub(), undefined, 200);
      const viewer = recorder();
      const slow: ChatMember = {
        deliver: (batch) => {
          viewer.deliver(batch);
          for (const until = performance.now() + deliverMs; performance.now() < until;);
        },
        deliverOwn: () => undefined,
      };
      const leave = await hub.join('room', slow);
      await sleep(500); // the join's presence tick passes
      const before = viewer.batches.length;
      for (let id = 1; id <= 120; id += 1) {
        await hub.publish('room', { type: 'message', message: message(id) });
        await sleep(5);
      }
      await sleep(300);
      await leave();
      hub.close();
      assert.deepEqual(
        messageIds(viewer),
        Array.from({ length: 120 }, (_, index) => String(index + 1)),
        'every message once, in order',
      );
      const times = viewer.batches.slice(before).map(({ at }) => at);
      return times.slice(1).map((at, index) => at - times[index]!);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const cheap = await frameGaps(0);
    assert.ok(
      median(cheap) < 60,
      `a cheap fan-out goes out about every 20 ms, not every 200 (median gap ${median(cheap)} ms)`,
    );
    const costly = await frameGaps(15);
    // 4 × 15 ms = 60 ms between frames (timers fire late, never early).
    assert.ok(median(costly) >= 55, `a 15 ms fan-out waits about 60 ms (median gap ${median(costly)} ms)`);
    assert.ok(median(costly) < 150, `within the 200 ms tick (median gap ${median(costly)} ms)`);
  });

  test("a large room's fan-out lets other work run between slices; every member gets every frame in order", async () => {
    const hub = new ChatHub(new MemoryPubSub(), undefined, 40);
    const holdsFirst = (member: Recorder) => messageIds(member).includes('1');
    /** How many members held message 1 when work queued by its first delivery ran (the next I/O turn). */
    let heldWhenOtherWorkRan: number | undefined;
    // 400 members at 0.1 ms each: a 40 ms fan-out if written in one go.
    const members: Recorder[] = Array.from({ length: 400 }, (_, index) => {
      const member = recorder();
      const deliver = member.deliver;
      member.deliver = (batch) => {
        deliver(batch);
        if (index === 0 && heldWhenOtherWorkRan === undefined && holdsFirst(member)) {
          setImmediate(() => (heldWhenOtherWorkRan = members.filter(holdsFirst).length));
        }
        for (const until = performance.now() + 0.1; performance.now() < until;);
      };
      return member;
    });
    const leaves = await Promise.all(members.map((member) => hub.join('room', member)));
    await sleep(300); // the joins' presence tick passes
    for (let id = 1; id <= 30; id += 1) {
      await hub.publish('room', { type: 'message', message: message(id) });
      await sleep(3);
    }
    await sleep(400);
    const expected = Array.from({ length: 30 }, (_, index) => String(index + 1));
    for (const member of members) assert.deepEqual(messageIds(member), expected);
    assert.ok(
      heldWhenOtherWorkRan !== undefined && heldWhenOtherWorkRan > 0 && heldWhenOtherWorkRan < members.length,
      `other work ran after ${heldWhenOtherWorkRan} of ${members.length} members got the frame, not after all of them`,
    );
    for (const leave of leaves) await leave();
    hub.close();
  });

  test("instances holding a busy room's sockets take turns: their frames go out half a tick apart", async () => {
    const pubsub = new MemoryPubSub();
    const hubs = [new ChatHub(pubsub, undefined, 100), new ChatHub(pubsub, undefined, 100)];
    // A 15 ms fan-out each: a 60 ms tick wanted, rounded to the shared 100 ms.
    const viewers = hubs.map(() => recorder());
    const leaves = await Promise.all(
      hubs.map((hub, index) =>
        hub.join('room', {
          deliver: (batch) => {
            viewers[index]!.deliver(batch);
            for (const until = performance.now() + 15; performance.now() < until;);
          },
          deliverOwn: () => undefined,
        }),
      ),
    );
    await sleep(500); // both instances' presence reports arrive
    const started = Date.now();
    for (let id = 1; id <= 100; id += 1) {
      await hubs[0]!.publish('room', { type: 'message', message: message(id) });
      await sleep(10);
    }
    await sleep(300);
    const expected = Array.from({ length: 100 }, (_, index) => String(index + 1));
    for (const viewer of viewers) assert.deepEqual(messageIds(viewer), expected, 'every message once, in order');
    // Where in the 100 ms tick each instance's frames went out (the busy part, after the first 300 ms).
    const phases = viewers.map((viewer) =>
      viewer.batches.filter(({ at }) => at - started > 300 && at - started < 1000).map(({ at }) => at % 100),
    );
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const apart = Math.abs(median(phases[0]!) - median(phases[1]!));
    const distance = Math.min(apart, 100 - apart);
    assert.ok(distance >= 30, `the instances' frames are ${distance} ms apart in each 100 ms tick (phases ${phases})`);
    for (const leave of leaves) await leave();
    for (const hub of hubs) hub.close();
  });

  test('a held message goes to its author only, outside the shared frames', async () => {
    const hub = new ChatHub(new MemoryPubSub(), undefined, TICK_MS);
    const author = recorder('author');
    const other = recorder('other');
    const leaves = [await hub.join('room', author), await hub.join('room', other)];
    await hub.publish('room', { type: 'message', message: message(5, 'held') });
    await hub.publish('room', { type: 'message', message: message(6) });
    await sleep(500); // past the joins' coalesced presence report (200 ms)
    assert.equal(author.own.length, 1);
    assert.equal((JSON.parse(author.own[0]!) as { message: ChatMessage }).message.status, 'held');
    assert.equal(other.own.length, 0);
    for (const member of [author, other]) assert.deepEqual(messageIds(member), ['6']);
    const presence = author.batches.flatMap(({ batch }) => batch.events).find((event) => event.type === 'presence');
    assert.deepEqual(presence, { type: 'presence', count: 2 }, 'presence goes out in the ticks too');
    for (const leave of leaves) await leave();
    hub.close();
  });
});
