import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../support/databases.ts';

const CLI = ['--import', 'tsx', 'src/main.ts'];

describe('streamhub CLI on the embedded default', () => {
  test('serve answers /health on a fresh data dir; admin create-user, migrate and rebuild work', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-cli-'));
    // The embedded default: no database or Redis URL, whatever the test environment has.
    const { DATABASE_URL: _database, REDIS_URL: _redis, ...inherited } = process.env;
    const env = { ...inherited, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' };
    const runCli = (args: string[], extra: Record<string, string> = {}) =>
      spawnSync(process.execPath, [...CLI, ...args], { env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });

    const server = spawn(process.execPath, [...CLI, 'serve'], {
      env: { ...env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = '';
        server.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        server.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)));
      });
      const health = await fetch(`${url}/health`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }

    const create = runCli([
      'admin',
      'create-user',
      '--email',
      'root@example.com',
      '--username',
      'root',
      '--password',
      'a long admin passphrase',
    ]);
    assert.equal(create.status, 0, create.stderr);
    assert.match(create.stdout, /Created admin root/);
    const duplicate = runCli([
      'admin',
      'create-user',
      '--email',
      'root@example.com',
      '--username',
      'root2',
      '--password',
      'a long admin passphrase',
    ]);
    assert.equal(duplicate.status, 1);
    assert.match(duplicate.stderr, /email is already taken/);
    assert.match(runCli(['migrate']).stdout, /up to date/);
    assert.match(runCli(['rebuild', 'likes']).stdout, /like counts recomputed/);
    const badConfig = runCli(['migrate'], { DATABASE_URL: 'mysql://nope' });
    assert.equal(badConfig.status, 1);
    assert.match(badConfig.stderr, /DATABASE_URL/);
    rmSync(dataDir, { recursive: true, force: true });
  });
});

describe('streamhub CLI in scale mode (PostgreSQL and Redis)', () => {
  test(
    'seed and rebuild end once their work is done: the services they build leave no connection open',
    { skip: !process.env.DATABASE_URL || !process.env.REDIS_URL },
    async () => {
      const testDatabase = await createTestDatabase('postgres');
      const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-cli-'));
      const env = {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: testDatabase.url!,
        REDIS_KEY_PREFIX: `cli-${Date.now().toString(36)}:`,
        LOG_LEVEL: 'warn',
      };
      // A command kept alive by a forgotten connection is stopped by the timeout: status null, not 0.
      const runCli = (args: string[]) =>
        spawnSync(process.execPath, [...CLI, ...args], { env, encoding: 'utf8', timeout: 120_000 });
      try {
        const seeded = runCli(['seed', '--users', '20', '--videos', '10']);
        assert.equal(seeded.status, 0, `${seeded.signal ?? ''} ${seeded.stderr}`);
        assert.match(seeded.stdout, /Subscriptions feeds:/);
        const rebuilt = runCli(['rebuild', 'feeds']);
        assert.equal(rebuilt.status, 0, `${rebuilt.signal ?? ''} ${rebuilt.stderr}`);
        assert.match(rebuilt.stdout, /subscriptions feeds rebuilt/);
      } finally {
        await testDatabase.drop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
