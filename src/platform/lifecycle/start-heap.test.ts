import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { releaseWhenBusy } from './start-heap.ts';

const START_HEAP = fileURLToPath(new URL('./start-heap.ts', import.meta.url));

/**
 * Runs the hold in a fresh process (V8 flags are process-wide, so not in the test runner's) with a
 * workload whose survivors make V8 grow the young generation, and reports the new space's committed MiB
 * before the hold (loading tsx already grew it), while held and after the release.
 */
function youngGenerationMiB(nodeFlags: string[] = []): { before: number; held: number; released: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    const { holdYoungGeneration } = await import(${JSON.stringify(START_HEAP)});
    const newSpaceMiB = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const kept = [];
    const churn = () => { for (let i = 0; i < 300_000; i++) { kept.push({ i, text: 'x' + i }); if (kept.length > 50_000) kept.splice(0, 25_000); } };
    const before = newSpaceMiB();
    const release = holdYoungGeneration();
    churn();
    const held = newSpaceMiB();
    release();
    churn();
    console.log(JSON.stringify({ before, held, released: newSpaceMiB() }));
  `;
  const result = spawnSync(process.execPath, [...nodeFlags, '--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout.trim()) as { before: number; held: number; released: number };
}

describe('holdYoungGeneration', () => {
  test('keeps the young generation from growing until released, then lets V8 grow it', () => {
    const { before, held, released } = youngGenerationMiB();
    assert.equal(held, before, `new space ${before} MiB before the hold, ${held} MiB while held`);
    assert.ok(released > held, `new space ${released} MiB after the release (held: ${held})`);
  });

  test('leaves V8 alone when the operator set a young-generation flag, so theirs is not overwritten', () => {
    const { before, held } = youngGenerationMiB(['--max-semi-space-size=8']);
    assert.ok(held > before, `new space ${before} → ${held} MiB: the hold should not have applied`);
  });
});

describe('releaseWhenBusy', () => {
  const withServer = async (run: (server: Server, get: () => Promise<void>) => Promise<void>) => {
    const server = createServer((_req, res) => res.end('ok'));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    try {
      await run(server, async () => {
        await (await fetch(url)).text();
      });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  };

  test('releases on the request that makes the second busy, and only once', async () => {
    await withServer(async (server, get) => {
      let releases = 0;
      releaseWhenBusy(server, () => (releases += 1), 5);
      for (let i = 0; i < 4; i++) await get();
      assert.equal(releases, 0);
      await get();
      assert.equal(releases, 1);
      for (let i = 0; i < 10; i++) await get();
      assert.equal(releases, 1);
      assert.equal(server.listenerCount('request'), 1);
    });
  });

  test('a quiet server keeps the hold: the count starts again every second', async () => {
    await withServer(async (server, get) => {
      let releases = 0;
      releaseWhenBusy(server, () => (releases += 1), 3);
      await get();
      await get();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await get();
      await get();
      assert.equal(releases, 0);
    });
  });
});
