// A StreamHub server for browser tests: the built web app, the API and in-process job workers on
// the embedded database, listening on a free port.
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureWebBuilt } from '../../../scripts/build-web.ts';
import { startWorkers } from '../../../src/workers.ts';
import type { DatabaseKind } from '../../../src/platform/db/database.ts';
import { startTestApp, type TestApp } from '../../support/app.ts';

export interface WebTestApp extends TestApp {
  baseUrl: string;
}

/** On PGlite unless `kind` says otherwise (`e2eDatabaseKind()` picks PostgreSQL when DATABASE_URL is set). */
export async function startWebTestApp(
  env: Record<string, string> = {},
  kind: DatabaseKind = 'pglite',
): Promise<WebTestApp> {
  await ensureWebBuilt();
  const t = await startTestApp(kind, env);
  startWorkers(t.platform, t.services);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  return { ...t, baseUrl: `http://127.0.0.1:${port}` };
}

/** PostgreSQL when DATABASE_URL is set, else PGlite: for browser tests that should cover both in CI. */
export const e2eDatabaseKind = (): DatabaseKind => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

const SCREENSHOT_DIR = new URL('../../../test-results/', import.meta.url).pathname;

/**
 * Saves a screenshot under test-results/ (ignored by git) for people to review: the whole page, or
 * just the viewport for pages too tall for Chromium to capture (a list scrolled 10,000 items down).
 */
export async function screenshot(
  page: Page,
  name: string,
  { fullPage = true, scale = 'device' as 'device' | 'css' } = {},
): Promise<void> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // `css`: one image pixel per CSS pixel, for a phone's dense screen a third of the size.
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage, scale });
}
