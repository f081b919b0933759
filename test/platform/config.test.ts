import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { resolveJwtSecret } from '../../src/platform/security/secrets.ts';

describe('configuration', () => {
  test('defaults make the embedded mode work with no environment at all', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, './data');
    assert.equal(config.database.url, undefined);
    assert.equal(config.workersInProcess, true);
    assert.equal(config.holdYoungGenerationAtStart, true);
    assert.deepEqual(config.rateLimits, { loginPerMinute: 5, registerPerHour: 3, globalPerMinute: 1000 });
  });

  test('the young generation is held small at start in embedded mode only, unless set', () => {
    const postgres = 'postgres://postgres@127.0.0.1:5432/streamhub';
    assert.equal(loadConfig({ DATABASE_URL: postgres }).holdYoungGenerationAtStart, false);
    assert.equal(loadConfig({ START_HOLD_YOUNG_GENERATION: 'false' }).holdYoungGenerationAtStart, false);
    assert.equal(
      loadConfig({ DATABASE_URL: postgres, START_HOLD_YOUNG_GENERATION: 'true' }).holdYoungGenerationAtStart,
      true,
    );
  });

  test('bad values fail with a message naming the variable', () => {
    assert.throws(
      () => loadConfig({ DATABASE_URL: 'mysql://nope' }),
      (error: unknown) => error instanceof ConfigError && /DATABASE_URL/.test(error.message),
    );
    assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ JWT_SECRET: 'short' }), /JWT_SECRET: must be at least 32 characters/);
    assert.throws(() => loadConfig({ S3_BUCKET: 'videos' }), /S3_ACCESS_KEY_ID/);
  });

  test('S3, Redis and CORS settings are read', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      CORS_ORIGINS: 'https://a.example, https://b.example',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
    });
    assert.equal(config.workersInProcess, false);
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example']);
    assert.equal(config.s3?.forcePathStyle, true);
  });

  test('a JWT secret is generated once, kept private in the data dir, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'streamhub-secret-'));
    const first = resolveJwtSecret(undefined, dir);
    assert.ok(first.length >= 32);
    assert.equal(resolveJwtSecret(undefined, dir), first);
    assert.equal(readFileSync(join(dir, 'jwt-secret'), 'utf8'), first);
    assert.equal(statSync(join(dir, 'jwt-secret')).mode & 0o777, 0o600);
    assert.equal(resolveJwtSecret('y'.repeat(40), dir), 'y'.repeat(40));
  });
});
