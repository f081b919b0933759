/**
 * A client that hangs up while an early async hook runs must not make the rate limiter's key
 * generator throw (`normalizeIP` of an undefined address): no error log and no 500 for a request
 * nobody waits for; the request simply runs to its handler as it would have. Logs at warn, as in
 * production (the info-level request log happens to read the address early and hides the bug). The route under test waits in its own onRequest hook until the socket is closed,
 * which is exactly where the global rate limiter then reads `request.ip`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform, type Platform } from '../../src/platform/platform.ts';
import { createServices } from '../../src/modules/services.ts';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.ts';

for (const kind of testDatabaseKinds()) {
  describe(`a client hanging up mid-request on ${kind}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
    let app: App;
    let platform: Platform;
    let database: TestDatabase;
    let dataDir: string;
    const logs: Array<{ level: number; msg?: string; err?: { message?: string } }> = [];
    let handlerRan: Promise<void>;
    let finishHook: () => void;
    let enteredHook: () => void;
    let handled = false;
    let inHook: Promise<void>;

    before(async () => {
      database = await createTestDatabase(kind);
      dataDir = mkdtempSync(join(tmpdir(), 'streamhub-disconnect-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        ...(process.env.REDIS_URL
          ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}:` }
          : {}),
      });
      const sink = new Writable({
        write(chunk: Buffer, _encoding, callback) {
          for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line));
          callback();
        },
      });
      platform = await createPlatform(config, { database: database.database, logger: pino({ level: 'warn' }, sink) });
      app = await buildApp(platform, createServices(platform));
      inHook = new Promise((resolve) => (enteredHook = resolve));
      handlerRan = new Promise((resolve) => (finishHook = resolve));
      app.get(
        '/test/hang-up',
        {
          onRequest: async (request) => {
            enteredHook();
            if (!request.raw.socket.destroyed)
              await new Promise((resolve) => request.raw.socket.once('close', resolve));
          },
        },
        async () => {
          handled = true;
          finishHook();
          return { ok: true };
        },
      );
      await app.listen({ port: 0, host: '127.0.0.1' });
    });

    after(async () => {
      await app.close();
      await platform.close().catch(() => undefined);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    test('goes through to its handler and logs no error', async () => {
      const { port } = app.server.address() as { port: number };
      const socket = connect(port, '127.0.0.1');
      socket.write('GET /test/hang-up HTTP/1.1\r\nHost: localhost\r\n\r\n');
      await inHook;
      socket.destroy();
      // Without the fix the request dies in the rate limiter and never reaches its handler.
      await Promise.race([handlerRan, new Promise((resolve) => setTimeout(resolve, 5000))]);
      const errors = logs.filter((entry) => entry.level >= 50);
      assert.deepEqual(errors, [], 'no error-level logs');
      assert.ok(handled, 'the request went past the rate limiter to its handler');
    });
  });
}
