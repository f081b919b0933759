import { randomBytes, randomUUID } from 'node:crypto';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { createLogger } from '../observability/logger.ts';
import { createPubSub } from '../pubsub/create-pubsub.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { TieredCache, type CacheOutcome } from './tiered-cache.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const logger = createLogger('silent');

describe('tiered cache', () => {
  const prefix = `test-${randomUUID().slice(0, 8)}:`;
  const redisUrl = process.env.REDIS_URL;
  const redis = redisUrl ? new Redis(redisUrl) : undefined;
  const pubsubs = [createPubSub({ redisUrl, redisKeyPrefix: prefix, logger })];
  const caches: Array<TieredCache<string>> = [];
  const make = (overrides: Partial<ConstructorParameters<typeof TieredCache<string>>[0]> = {}) => {
    const cache = new TieredCache<string>({
      name: 'test',
      redis,
      pubsub: pubsubs[0]!,
      keyPrefix: prefix,
      l1MaxEntries: 100,
      ttlMs: 60_000,
      jitter: 0.2,
      staleMs: 0,
      negativeTtlMs: 60_000,
      logger,
      ...overrides,
    });
    caches.push(cache);
    return cache;
  };
  after(async () => {
    for (const cache of caches) await cache.close();
    for (const pubsub of pubsubs) await pubsub.close();
    redis?.disconnect();
  });

  test('a stampede of 500 concurrent misses runs the loader once', async () => {
    const cache = make();
    let loads = 0;
    const values = await Promise.all(
      Array.from({ length: 500 }, () =>
        cache.get('video:1', 'page', async () => {
          loads++;
          await sleep(50);
          return 'loaded';
        }),
      ),
    );
    assert.equal(loads, 1);
    assert.ok(values.every((value) => value === 'loaded'));
  });

  test('"not found" is remembered too', async () => {
    const cache = make();
    let loads = 0;
    const load = async () => {
      loads++;
      return undefined;
    };
    assert.equal(await cache.get('video:missing', 'page', load), undefined);
    assert.equal(await cache.get('video:missing', 'page', load), undefined);
    assert.equal(loads, 1);
  });

  test('after the TTL the stale value is served at once while one refresh runs', async () => {
    const outcomes: CacheOutcome[] = [];
    const cache = make({ ttlMs: 40, jitter: 0, staleMs: 5_000, onOutcome: (outcome) => outcomes.push(outcome) });
    let version = 0;
    const load = async () => {
      await sleep(30);
      return `v${++version}`;
    };
    assert.equal(await cache.get('trending', 'page', load), 'v1');
    await sleep(60);
    assert.equal(await cache.get('trending', 'page', load), 'v1');
    await sleep(60);
    assert.equal(await cache.get('trending', 'page', load), 'v2');
    assert.deepEqual(outcomes, ['miss', 'stale', 'l1']);
  });

  test('an invalidation drops the tag in every process (each cache here plays one)', async () => {
    // With Redis, a second connection, as another process has; without, processes share nothing, so
    // the two caches share the in-process pub/sub.
    const otherPubSub = redisUrl ? createPubSub({ redisUrl, redisKeyPrefix: prefix, logger }) : pubsubs[0]!;
    if (redisUrl) pubsubs.push(otherPubSub);
    const here = make();
    const there = make({ pubsub: otherPubSub });
    await Promise.all([here.start(), there.start()]);
    let version = 0;
    const load = async () => `v${++version}`;
    assert.equal(await here.get('user:7', 'page', load), 'v1');
    // The other process finds it in Redis (or loads its own without Redis).
    const first = await there.get('user:7', 'page', load);
    await here.invalidate('user:7');
    for (let attempt = 0; attempt < 50; attempt++) {
      const now = await there.get('user:7', 'page', load);
      if (now !== first) return;
      await sleep(20);
    }
    assert.fail('the other process still serves the invalidated value');
  });
});

for (const kind of testDatabaseKinds()) {
  describe(`response cache on the app (${kind})`, () => {
    let t: TestApp;
    after(async () => t?.close());

    test('500 concurrent anonymous profile reads reach the database once; an edit is seen at once; 404s are cached', async () => {
      t = await startTestApp(kind, { CACHE_RESPONSES: 'true' });
      const username = `cached${randomBytes(4).toString('hex')}`;
      const registered = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { username, email: `${username}@example.com`, password: 'a long enough password' },
      });
      const session = registered.json().data as { user: { id: string }; accessToken: string };
      const users = t.services.users;
      const original = users.get.bind(users);
      let reads = 0;
      users.get = async (...args: Parameters<typeof users.get>) => {
        reads++;
        return original(...args);
      };
      const profile = () => t.app.inject({ method: 'GET', url: `/api/v1/users/${session.user.id}` });

      const responses = await Promise.all(Array.from({ length: 500 }, profile));
      assert.ok(responses.every((response) => response.statusCode === 200));
      assert.ok(responses.every((response) => response.json().data.username === username));
      assert.equal(reads, 1);

      const edited = await t.app.inject({
        method: 'PUT',
        url: `/api/v1/users/${session.user.id}`,
        headers: { authorization: `Bearer ${session.accessToken}` },
        payload: { bio: 'fresh bio' },
      });
      assert.equal(edited.statusCode, 200, edited.body);
      assert.equal((await profile()).json().data.bio, 'fresh bio');
      assert.equal(reads, 2);

      const missing = `/api/v1/users/${randomUUID()}`;
      assert.equal((await t.app.inject({ method: 'GET', url: missing })).statusCode, 404);
      assert.equal((await t.app.inject({ method: 'GET', url: missing })).statusCode, 404);
      assert.equal(reads, 3);

      const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
      assert.match(metrics.body, /streamhub_cache_lookups_total\{cache="responses",outcome="l1"\} \d+/);
    });

    test('a stale page is served once while it refreshes in the background, then the fresh one', async () => {
      const stale = await startTestApp(kind, {
        CACHE_RESPONSES: 'true',
        CACHE_TTL_MS: '100',
        CACHE_NEGATIVE_TTL_MS: '100',
        CACHE_STALE_MS: '60000',
      });
      after(async () => stale.close());
      // A profile first read before it exists (as from a lagging replica): the 404 is cached...
      const id = randomUUID();
      const profile = () => stale.app.inject({ method: 'GET', url: `/api/v1/users/${id}` });
      assert.equal((await profile()).statusCode, 404);
      const username = `late${randomBytes(4).toString('hex')}`;
      await stale.platform.database.db
        .insertInto('users')
        .values({ id, username, email: `${username}@example.com`, password_hash: 'x', role: 'viewer' })
        .execute();
      await sleep(300);
      // ...past its TTL it is served once more while the refresh runs, and the refresh replaces it.
      for (let attempt = 0; attempt < 50; attempt++) {
        const response = await profile();
        if (response.statusCode === 200) return assert.equal(response.json().data.username, username);
        await sleep(20);
      }
      assert.fail('the stale 404 was never refreshed');
    });
  });
}
