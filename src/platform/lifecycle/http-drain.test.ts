import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { DrainState } from './drain.ts';
import { installDrainHooks } from './http-drain.ts';

/**
 * An app with one route whose handler runs until the test releases it, and records what it saw of the
 * "pool" when it finished: the stand-in for a database the process closes after the app.
 */
async function appWithSlowHandler(handlerTimeoutMs: number) {
  const app = Fastify({ logger: false });
  const drain = new DrainState();
  installDrainHooks(app, drain, handlerTimeoutMs);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let entered!: () => void;
  const inHandler = new Promise<void>((resolve) => (entered = resolve));
  const pool = { open: true };
  const finishedWith: boolean[] = [];
  app.get('/slow', async () => {
    entered();
    await released;
    finishedWith.push(pool.open);
    return { ok: true };
  });
  app.get('/quick', () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, pool, finishedWith, release, inHandler, port: (app.server.address() as AddressInfo).port };
}

/** Starts a GET and hangs up once the handler is running, as a client that gave up would. */
async function abandon(port: number, inHandler: Promise<void>): Promise<void> {
  const request = httpRequest({ host: '127.0.0.1', port, path: '/slow' });
  request.on('error', () => {});
  request.end();
  await inHandler;
  request.destroy();
}

/** The app closes first, then the "pool", as serve's shutdown steps do. */
function closeAppThenPool(app: FastifyInstance, pool: { open: boolean }): Promise<void> {
  return app.close().then(() => {
    pool.open = false;
  });
}

describe('the drain waits for route handlers', () => {
  test('a handler whose client hung up finishes before the app counts as closed', async () => {
    const { app, pool, finishedWith, release, inHandler, port } = await appWithSlowHandler(10_000);
    await abandon(port, inHandler);
    let closed = false;
    const closing = closeAppThenPool(app, pool).then(() => (closed = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The connection is gone and the listener closed, yet the app waits for the handler.
    assert.equal(app.server.listening, false);
    assert.equal(closed, false);
    release();
    await closing;
    assert.deepEqual(finishedWith, [true]);
  });

  test('a handler that never finishes holds the close only for the timeout', async () => {
    const { app, pool, finishedWith, release, inHandler, port } = await appWithSlowHandler(200);
    await abandon(port, inHandler);
    const startedAt = Date.now();
    await closeAppThenPool(app, pool);
    const waited = Date.now() - startedAt;
    assert.ok(waited >= 150 && waited < 5_000, `closed after ${waited} ms`);
    release();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(finishedWith, [false]);
  });

  test('synchronous handlers answer as before and leave nothing to wait for', async () => {
    const { app, pool, release, port } = await appWithSlowHandler(10_000);
    const response = await fetch(`http://127.0.0.1:${port}/quick`);
    assert.deepEqual(await response.json(), { ok: true });
    const startedAt = Date.now();
    await closeAppThenPool(app, pool);
    assert.ok(Date.now() - startedAt < 1_000);
    release();
  });
});
