// The chat send path's cache: loads are shared, kept for the TTL, and with refreshAhead a value in
// use is renewed in the background instead of making a caller wait for the read.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TtlCache } from './ttl-cache.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A loader answering 1, 2, 3… after `delayMs`, counting its calls. */
function counter(delayMs: number) {
  const loader = {
    calls: 0,
    load: async () => {
      loader.calls += 1;
      const value = loader.calls;
      await sleep(delayMs);
      return value;
    },
  };
  return loader;
}

describe('chat TTL cache', () => {
  test('concurrent callers share one load; the value is kept for the TTL, then loaded again', async () => {
    const cache = new TtlCache<number>(100);
    const source = counter(5);
    assert.deepEqual(await Promise.all([cache.get('k', source.load), cache.get('k', source.load)]), [1, 1]);
    assert.equal(await cache.get('k', source.load), 1);
    await sleep(120);
    assert.equal(await cache.get('k', source.load), 2, 'an expired value is read again');
    assert.equal(source.calls, 2);
  });

  // Times are wide (a 1 s TTL, reads of 100 ms) so a loaded machine's late timers keep their order.
  test('refreshAhead: after half the TTL the caller gets the value at once and it is renewed behind it', async () => {
    const cache = new TtlCache<number>(1000, { refreshAhead: true });
    const source = counter(100);
    assert.equal(await cache.get('k', source.load), 1);
    await sleep(550);
    const started = performance.now();
    assert.equal(await cache.get('k', source.load), 1, 'the current value, without waiting for the read');
    assert.ok(performance.now() - started < 50);
    assert.equal(await cache.get('k', source.load), 1, 'one background read at a time');
    assert.equal(source.calls, 2);
    await sleep(200);
    assert.equal(await cache.get('k', source.load), 2, 'the renewed value replaces it');
    // Renewed from when its read started: kept past the first value's TTL without another wait.
    await sleep(400);
    assert.equal(await cache.get('k', source.load), 2);
  });

  test('refreshAhead: a delete during the background read is not undone by it, and a failed read is not kept', async () => {
    const cache = new TtlCache<number>(1000, { refreshAhead: true });
    const source = counter(100);
    await cache.get('k', source.load);
    await sleep(550);
    await cache.get('k', source.load); // starts the background read (value 2)
    cache.delete('k'); // an event said the value changed
    await sleep(200);
    assert.equal(await cache.get('k', source.load), 3, 'read afresh, not the read that began before the change');

    const failing = new TtlCache<number>(1000, { refreshAhead: true });
    let fail = false;
    const load = async () => {
      if (fail) throw new Error('database down');
      return 7;
    };
    await failing.get('k', load);
    await sleep(550);
    fail = true;
    assert.equal(await failing.get('k', load), 7, 'the background failure does not reach the caller');
    await sleep(10);
    assert.equal(await failing.get('k', load), 7, 'the value stands until its TTL');
    await sleep(500);
    await assert.rejects(failing.get('k', load), /database down/, 'past the TTL the caller waits for the read');
  });
});
