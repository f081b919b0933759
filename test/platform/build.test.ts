/**
 * The production start: `npm run build` output run by plain node, with no tsx and no src/ around.
 * The test lays out a package the way a deployment has it (package.json, dist/, migrations/, web/dist/,
 * node_modules/) in a temporary folder, so paths that only work from the source tree fail here.
 */
import assert from 'node:assert/strict';
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ensureWebBuilt } from '../../scripts/build-web.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
// Generous: the compile and the first PGlite open share two cores with other test files.
const START_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Compiles the server exactly as `npm run build:server` does, into `outDir`. */
async function buildServer(outDir: string): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await run(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', outDir], { cwd: ROOT });
  await run(process.execPath, [join(ROOT, 'scripts', 'copy-server-assets.mjs'), outDir], { cwd: ROOT });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output()}`);
    const health = await fetch(`${baseUrl}/health`).catch(() => null);
    if (health?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no /health within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

describe('the production build', () => {
  const packageDir = mkdtempSync(join(tmpdir(), 'streamhub-build-'));
  const dataDir = join(packageDir, 'data');
  let server: ChildProcess | undefined;
  let baseUrl = '';
  let output = '';

  before(async () => {
    await Promise.all([ensureWebBuilt(), buildServer(join(packageDir, 'dist'))]);
    copyFileSync(join(ROOT, 'package.json'), join(packageDir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(packageDir, 'node_modules'));
    symlinkSync(join(ROOT, 'migrations'), join(packageDir, 'migrations'));
    mkdirSync(join(packageDir, 'web'));
    symlinkSync(join(ROOT, 'web', 'dist'), join(packageDir, 'web', 'dist'));

    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    // Embedded mode whatever this run's environment points at: the build, not the backends, is under test.
    const { DATABASE_URL: _db, REDIS_URL: _redis, DATABASE_REPLICA_URLS: _replicas, ...env } = process.env;
    server = spawn(process.execPath, [join(packageDir, 'dist', 'main.js'), 'serve'], {
      cwd: packageDir,
      env: {
        ...env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitForHealth(baseUrl, server, () => output);
  });

  after(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(packageDir, { recursive: true, force: true });
  });

  it('emits dist/main.js and the runtime assets, and no tests or test support', () => {
    const files = filesUnder(join(packageDir, 'dist')).map((file) => file.slice(packageDir.length + 1));
    assert.ok(files.includes(join('dist', 'main.js')));
    assert.ok(files.includes(join('dist', 'platform', 'ai', 'moderation', 'weights.json')));
    assert.deepEqual(
      files.filter((file) => /\.test\.js$|test-support/.test(file)),
      [],
    );
    assert.deepEqual(
      files.filter((file) => file.endsWith('.ts')),
      [],
    );
  });

  it('answers /health and /ready, having migrated its embedded database', async () => {
    const health = await fetch(`${baseUrl}/health`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${baseUrl}/ready`);
    assert.equal(ready.status, 200, await ready.text());
  });

  it('serves the web app at / and its assets, and the API next to it', async () => {
    const page = await fetch(`${baseUrl}/`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    const html = await page.text();
    const script = html.match(/<script[^>]+src="([^"]+\.js)"/)?.[1];
    assert.ok(script, `no script tag in the served page:\n${html.slice(0, 500)}`);
    const asset = await fetch(new URL(script, baseUrl));
    assert.equal(asset.status, 200);
    assert.match(asset.headers.get('content-type') ?? '', /javascript/);

    const openapi = await fetch(`${baseUrl}/api/v1/openapi.json`);
    assert.equal(openapi.status, 200);
    assert.ok(((await openapi.json()) as { paths?: object }).paths);
  });
});
