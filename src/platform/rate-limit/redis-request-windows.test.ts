// Request windows shared through Redis by two "API processes" (two RedisRequestWindows on their own
// connections): nothing counted is lost, the limit holds across both, small limits stay exact, and a
// window ends on time.
import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { RedisRequestWindows, SYNC_INTERVAL_MS } from './redis-request-windows.ts';

const url = process.env.REDIS_URL;

describe('request windows shared through Redis', { skip: !url && 'REDIS_URL is not set' }, () => {
  const clients = [new Redis(url!), new Redis(url!), new Redis(url!)];
  const [first, second, reader] = clients as [Redis, Redis, Redis];
  const failures: unknown[] = [];
  const processes = [first, second].map((redis) => new RedisRequestWindows(redis, (error) => failures.push(error)));
  const [a, b] = processes as [RedisRequestWindows, RedisRequestWindows];
  after(async () => {
    await Promise.all(processes.map((windows) => windows.close()));
    clients.forEach((redis) => redis.disconnect());
  });

  test('two processes admit no more than the limit between them, and every request is counted', async () => {
    const key = `test-windows:${randomUUID()}`;
    const max = 1000;
    let admitted = 0;
    // Alternating one request at a time: far faster than the sync, the case batching could get wrong.
    for (let request = 0; request < 1500; request += 1) {
      const { current } = await (request % 2 === 0 ? a : b).add(key, 60_000, max);
      if (current <= max) admitted += 1;
    }
    assert.ok(admitted <= max, `admitted ${admitted} requests for a limit of ${max}`);
    assert.ok(admitted >= max * 0.9, `admitted only ${admitted} of a limit of ${max}`);
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS * 3));
    assert.equal(Number(await reader.get(key)), 1500, 'every request is in the shared count after the sync');
    const ttl = await reader.pttl(key);
    assert.ok(ttl > 55_000 && ttl <= 60_000, `the window keeps its length, ttl ${ttl}`);
    assert.deepEqual(failures, []);
  });

  test('below half the limit requests are answered without Redis, and counted in Redis by the next sync', async () => {
    const key = `test-windows:${randomUUID()}`;
    await a.add(key, 60_000, 1000); // the window's first request is exact
    const before = Number(await reader.get(key));
    const answers = [];
    for (let request = 0; request < 50; request += 1) answers.push(await a.add(key, 60_000, 1000));
    assert.deepEqual(
      answers.map((answer) => answer.current),
      Array.from({ length: 50 }, (_, index) => before + index + 1),
      'each answer counts the ones before it',
    );
    assert.equal(Number(await reader.get(key)), before, 'not sent yet');
    await new Promise((resolve) => setTimeout(resolve, SYNC_INTERVAL_MS * 3));
    assert.equal(Number(await reader.get(key)), before + 50);
  });

  test('a small limit (sign-in) is counted in Redis request by request, on both processes', async () => {
    const key = `test-windows:${randomUUID()}`;
    const currents = [];
    for (let request = 0; request < 8; request += 1) {
      currents.push((await (request % 2 === 0 ? a : b).add(key, 60_000, 5)).current);
    }
    assert.deepEqual(currents, [1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('a window ends after its length and the next request starts a new one', async () => {
    const key = `test-windows:${randomUUID()}`;
    for (let request = 0; request < 10; request += 1) await a.add(key, 300, 1000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const fresh = await a.add(key, 300, 1000);
    assert.equal(fresh.current, 1, 'the old window and its local requests are gone');
    assert.ok(fresh.ttl > 200 && fresh.ttl <= 300);
    assert.equal((await b.read(key)).current, 1, 'another process reads the new window from Redis');
  });
});
