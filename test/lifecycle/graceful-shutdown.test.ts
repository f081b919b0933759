import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase, testDatabaseKinds, type TestDatabase } from '../support/databases.ts';

/** A real `streamhub serve` process, its JSON log lines collected as they come. */
interface ServeProcess {
  child: ChildProcess;
  port: number;
  logs: Array<Record<string, unknown>>;
  exited: Promise<number | null>;
}

async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', 'serve'], {
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info', NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry.msg === 'StreamHub is up') resolve(Number(new URL(String(entry.url)).port));
        } catch {
          logs.push({ level: 60, msg: line });
        }
      }
    });
    void exited.then((code) => reject(new Error(`serve exited (${code}) before it was up: ${stderr}`)));
  });
  return { child, port, logs, exited };
}

/** Sends the head and half the body now, the rest when `finish` is called: a request in flight for as long as the test wants. */
function slowPost(port: number, path: string, body: string) {
  let response: Promise<{ status: number; body: string }> = Promise.resolve({ status: 0, body: '' });
  const req = httpRequest({
    host: '127.0.0.1',
    port,
    path,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  response = new Promise((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.once('error', reject);
  });
  const half = Math.floor(body.length / 2);
  req.write(body.slice(0, half));
  return {
    response,
    finish: () => req.end(body.slice(half)),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the probe returns something (at most 20 s: a loaded machine is slow to react to a signal). */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    const result = await probe();
    if (result !== undefined) return result;
    await sleep(50);
  }
  throw new Error('condition not reached within 20 s');
}

for (const kind of testDatabaseKinds()) {
  describe(`graceful shutdown of serve (${kind})`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    test('SIGTERM: /ready turns 503, a slow in-flight request still completes, then the process exits 0 with no errors', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-shutdown-'));
      cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
      let testDatabase: TestDatabase | undefined;
      if (kind === 'postgres') {
        testDatabase = await createTestDatabase('postgres');
        cleanups.push(() => testDatabase!.drop());
      }
      const serve = await startServe({
        DATA_DIR: dataDir,
        ...(testDatabase?.url ? { DATABASE_URL: testDatabase.url } : {}),
        ...(process.env.REDIS_URL
          ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}:` }
          : {}),
        // The in-process workers must stop between the HTTP server and the pools, on every backend.
        WORKERS_IN_PROCESS: 'true',
        // Long enough for a loaded machine to see the 503 before the listener closes.
        SHUTDOWN_DRAIN_DELAY_MS: '2000',
      });
      cleanups.push(async () => {
        if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
      });
      const base = `http://127.0.0.1:${serve.port}`;
      assert.equal((await fetch(`${base}/ready`)).status, 200);

      const username = `drain${randomBytes(4).toString('hex')}`;
      const slow = slowPost(
        serve.port,
        '/api/v1/auth/register',
        JSON.stringify({ username, email: `${username}@example.com`, password: 'a long enough password' }),
      );
      await sleep(200);
      serve.child.kill('SIGTERM');
      // During the drain delay the process still answers, but tells the load balancer to stop sending.
      const ready = await eventually(async () => {
        const response = await fetch(`${base}/ready`);
        return response.status === 503 ? response : undefined;
      });
      assert.equal(ready.headers.get('connection'), 'close');
      // Then the listener closes while the request is still in flight...
      await eventually(async () =>
        fetch(`${base}/health`).then(
          () => undefined,
          () => true,
        ),
      );
      // ...and its body completes only now: the write it causes needs the database still open.
      slow.finish();
      const response = await slow.response;
      assert.equal(response.status, 201, response.body);

      assert.equal(await serve.exited, 0);
      const problems = serve.logs.filter(
        (entry) => Number(entry.level) >= 50 || /destroyed|closed/i.test(JSON.stringify(entry.err ?? '')),
      );
      assert.deepEqual(problems, []);
      // Ordered by step number: CI runs have read the last lines off the pipe out of order, within one millisecond.
      const steps = serve.logs
        .filter((entry) => entry.msg === 'shutdown step done')
        .sort((a, b) => Number(a.stepNumber) - Number(b.stepNumber))
        .map((entry) => entry.step);
      // The ops heartbeat stops (its row removed) while the database is open; traces flush last.
      assert.deepEqual(steps, ['http', 'live ingest', 'workers', 'ops', 'platform', 'tracing']);
    });
  });
}
