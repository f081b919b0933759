import { randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createLogger } from '../observability/logger.ts';
import { MemoryTokenBucket } from './memory-token-bucket.ts';
import type { RateLimiter, TokenBucketPolicy } from './rate-limiter.ts';
import { RedisTokenBucket } from './redis-token-bucket.ts';

const policy: TokenBucketPolicy = { name: 'test', capacity: 3, refillPerMinute: 60 };

async function takeMany(limiter: RateLimiter, key: string, count: number) {
  return Promise.all(Array.from({ length: count }, () => limiter.take(key)));
}

describe('in-process token bucket', () => {
  test('a full bucket lets the burst through, then spaces actions by the refill rate', async () => {
    let now = 1_000_000;
    const limiter = new MemoryTokenBucket(policy, () => now);
    const burst = await takeMany(limiter, 'alice', 3);
    assert.deepEqual(
      burst.map((decision) => decision.allowed),
      [true, true, true],
    );
    assert.equal(burst[2]?.remaining, 0);

    const refused = await limiter.take('alice');
    assert.equal(refused.allowed, false);
    assert.ok(Math.abs(refused.retryAfterSeconds - 1) < 1e-9, `one token per second, got ${refused.retryAfterSeconds}`);

    now += 500;
    const halfway = await limiter.take('alice');
    assert.equal(halfway.allowed, false);
    assert.ok(Math.abs(halfway.retryAfterSeconds - 0.5) < 1e-9);
    now += 500;
    assert.equal((await limiter.take('alice')).allowed, true);
    assert.equal((await limiter.take('alice')).allowed, false);
  });

  test('keys have their own buckets, and a long pause refills only up to the capacity', async () => {
    let now = 0;
    const limiter = new MemoryTokenBucket(policy, () => now);
    await takeMany(limiter, 'alice', 3);
    assert.equal((await limiter.take('bob')).allowed, true);
    now += 3_600_000;
    const afterAnHour = await takeMany(limiter, 'alice', 4);
    assert.deepEqual(
      afterAnHour.map((decision) => decision.allowed),
      [true, true, true, false],
    );
  });
});

describe('Redis token bucket', { skip: !process.env.REDIS_URL && 'REDIS_URL is not set' }, () => {
  const redis = process.env.REDIS_URL ? new Redis(process.env.REDIS_URL) : undefined;
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  const logger = createLogger('silent');
  after(async () => {
    if (!redis) return;
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  test('concurrent takes are atomic: exactly the capacity gets through', async () => {
    const limiter = new RedisTokenBucket(redis!, { name: 'atomic', capacity: 10, refillPerMinute: 1 }, prefix, logger);
    const decisions = await takeMany(limiter, 'alice', 50);
    assert.equal(decisions.filter((decision) => decision.allowed).length, 10);
    const refused = decisions.find((decision) => !decision.allowed);
    assert.ok(
      refused && refused.retryAfterSeconds > 50 && refused.retryAfterSeconds <= 60,
      `retry after ${refused?.retryAfterSeconds}`,
    );
  });

  test('the bucket refills with time and its key expires once full again', async () => {
    // A token every 500 ms: slow enough that a busy machine cannot refill between the first three takes.
    const limiter = new RedisTokenBucket(redis!, { name: 'refill', capacity: 2, refillPerMinute: 120 }, prefix, logger);
    assert.deepEqual((await takeMany(limiter, 'bob', 3)).map((decision) => decision.allowed).sort(), [
      false,
      true,
      true,
    ]);
    const ttl = await redis!.pttl(`${prefix}bucket:refill:bob`);
    assert.ok(ttl > 1000 && ttl <= 2000, `expires when full again (≤ 1 s) plus 1 s of slack: ttl ${ttl}`);
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal((await limiter.take('bob')).allowed, true);
  });

  test('a Redis outage lets requests through instead of failing them', async () => {
    const broken = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const limiter = new RedisTokenBucket(broken, policy, prefix, logger);
    assert.equal((await limiter.take('carol')).allowed, true);
    broken.disconnect();
  });
});
