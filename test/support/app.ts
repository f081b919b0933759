import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { DatabaseKind } from '../../src/platform/db/database.ts';
import { createLogger } from '../../src/platform/observability/logger.ts';
import { createPlatform, type Platform } from '../../src/platform/platform.ts';
import { createServices, type ServiceParts, type Services } from '../../src/modules/services.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: App;
  platform: Platform;
  /** The services the app (and any workers a test starts) use, built by the same composition root as `serve`. */
  services: Services;
  testDatabase: TestDatabase;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * A full StreamHub app on a fresh database of the given kind, with Redis when REDIS_URL is set.
 * Rate limits are generous unless the test overrides them, so unrelated tests do not trip them.
 * `replace` swaps service parts (a fake mailer, counters) before the services are built.
 */
export async function startTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  replace: Partial<ServiceParts> = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase(kind);
  const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    RATE_LIMIT_LOGIN_PER_MINUTE: '1000',
    RATE_LIMIT_REGISTER_PER_HOUR: '1000',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '100000',
    ...(testDatabase.url ? { DATABASE_URL: testDatabase.url } : {}),
    ...(process.env.REDIS_URL
      ? { REDIS_URL: process.env.REDIS_URL, REDIS_KEY_PREFIX: `test-${randomUUID().slice(0, 8)}:` }
      : {}),
    ...env,
  });
  const platform = await createPlatform(config, {
    database: testDatabase.database,
    logger: createLogger(config.logLevel),
  });
  const services = createServices(platform, replace);
  const app = await buildApp(platform, services);
  await app.ready();
  return {
    app,
    platform,
    services,
    testDatabase,
    dataDir,
    close: async () => {
      await app.close();
      // The platform owns the job queue, pub/sub and Redis connections; leaving any open keeps the test process alive.
      await platform.close().catch(() => undefined);
      await testDatabase.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export function json<T = { success: boolean; data: any; meta?: any; error?: any }>(
  response: LightMyRequestResponse,
): T {
  return response.json() as T;
}

let counter = 0;
/** Registers a user through the API and returns its session. */
export async function registerUser(
  app: App,
  overrides: Partial<{ username: string; email: string; password: string; role: string }> = {},
) {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const body = {
    username: `user_${unique}`,
    email: `user_${unique}@example.com`,
    password: 'a sturdy passphrase 42',
    ...overrides,
  };
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const data = response.json().data as {
    user: { id: string; username: string; email: string; role: string };
    accessToken: string;
    refreshToken: string;
  };
  return { ...data, password: body.password };
}
