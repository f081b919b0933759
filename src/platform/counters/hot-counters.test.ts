import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { HotCounters } from './hot-counters.ts';
import { MemoryHotCounters } from './memory-hot-counters.ts';
import { RedisHotCounters } from './redis-hot-counters.ts';

const adapters: { name: string; open(): HotCounters; close(): Promise<void> }[] = [
  { name: 'in-process', open: () => new MemoryHotCounters(), close: async () => undefined },
];
if (process.env.REDIS_URL) {
  const redis = new Redis(process.env.REDIS_URL);
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  adapters.push({
    name: 'Redis',
    open: () => new RedisHotCounters(redis, prefix),
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    },
  });
}

for (const adapter of adapters) {
  describe(`hot counters (${adapter.name})`, () => {
    const counters = adapter.open();
    after(() => adapter.close());

    test('increment answers the pending delta; pending and pendingMany read it; counters are independent', async () => {
      assert.equal(await counters.increment('a', 'x', 2), 2);
      assert.equal(await counters.increment('a', 'x', -3), -1);
      assert.equal(await counters.increment('b', 'x', 5), 5);
      assert.equal(await counters.pending('a', 'x'), -1);
      assert.equal(await counters.pending('a', 'missing'), 0);
      assert.deepEqual(
        await counters.pendingMany('b', ['x', 'y']),
        new Map([
          ['x', 5],
          ['y', 0],
        ]),
      );
      assert.deepEqual(await counters.drain('a'), new Map([['x', -1]]));
      assert.deepEqual(await counters.drain('a'), new Map());
      await counters.drain('b');
    });

    test('increments racing drains are never lost nor counted twice', async () => {
      const drained: Map<string, number>[] = [];
      const work: Promise<unknown>[] = [];
      for (let n = 0; n < 2000; n += 1) {
        work.push(counters.increment('race', `id${n % 7}`, 1));
        if (n % 250 === 0) work.push(counters.drain('race').then((deltas) => drained.push(deltas)));
      }
      await Promise.all(work);
      drained.push(await counters.drain('race'));
      const total = drained.flatMap((deltas) => [...deltas.values()]).reduce((sum, delta) => sum + delta, 0);
      assert.equal(total, 2000);
    });

    test('restore adds drained deltas back to what arrived meanwhile', async () => {
      await counters.increment('r', 'v', 4);
      const taken = await counters.drain('r');
      await counters.increment('r', 'v', 1);
      await counters.restore('r', taken);
      assert.equal(await counters.pending('r', 'v'), 5);
      await counters.drain('r');
    });
  });
}
