import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../src/app.ts';
import { createServices } from '../../src/modules/services.ts';
import { loadConfig } from '../../src/config.ts';
import { createPlatform } from '../../src/platform/platform.ts';
import { createTestDatabase } from '../support/databases.ts';

/** A TCP relay to PostgreSQL that the test can switch on and off, to play a database outage. */
function startRelay(port: number, target: URL): Promise<Server> {
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('database outage at start', { skip: !process.env.DATABASE_URL && 'needs DATABASE_URL' }, () => {
  test('the server starts, /ready is 503 while the database is away, and 200 once it is back', async () => {
    const testDatabase = await createTestDatabase('postgres');
    const target = new URL(testDatabase.url!);
    const port = await freePort();
    const viaRelay = new URL(target);
    viaRelay.host = `127.0.0.1:${port}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'streamhub-outage-')),
      DATABASE_URL: viaRelay.toString(),
    });
    const platform = await createPlatform(config);
    const app = await buildApp(platform, createServices(platform));
    let relay: Server | undefined;
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/health' })).statusCode, 200);
      const down = await app.inject({ method: 'GET', url: '/ready' });
      assert.equal(down.statusCode, 503);
      assert.equal(down.json().checks.database.status, 'down');
      // An API call meanwhile is a retryable 503 with Retry-After, not a 500.
      const call = await app.inject({ method: 'GET', url: '/api/v1/users/00000000-0000-4000-8000-000000000000' });
      assert.equal(call.statusCode, 503, call.body);
      assert.equal(call.json().error.code, 'SERVICE_UNAVAILABLE');
      assert.equal(call.headers['retry-after'], '5');

      relay = await startRelay(port, target);
      const deadline = Date.now() + 15_000;
      let status = 503;
      while (status !== 200 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        status = (await app.inject({ method: 'GET', url: '/ready' })).statusCode;
      }
      assert.equal(status, 200, 'ready once the database is reachable and migrated');
    } finally {
      await app.close();
      await platform.close();
      relay?.close();
      await testDatabase.drop();
    }
  });
});
