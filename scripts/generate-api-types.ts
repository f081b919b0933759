/**
 * Generates the web app's API types from the server's own OpenAPI document.
 *   tsx scripts/generate-api-types.ts          writes web/src/api/schema.gen.ts   (npm run api:types)
 *   tsx scripts/generate-api-types.ts --check  fails when the committed file is stale (npm run api:check)
 * The app is built on a throwaway in-memory PGlite database with no Redis, so no server or data is needed;
 * the document depends only on the routes' Zod schemas, so it is the same whichever backend is configured.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { createLogger } from '../src/platform/observability/logger.ts';
import { createPlatform } from '../src/platform/platform.ts';
import { createServices } from '../src/modules/services.ts';

const TARGET = fileURLToPath(new URL('../web/src/api/schema.gen.ts', import.meta.url));
const HEADER = [
  '// GENERATED FILE, do not edit: `npm run api:types` writes it from /api/v1/openapi.json',
  '// (scripts/generate-api-types.ts). CI runs `npm run api:check`, which fails when it is stale.',
  '/* eslint-disable */',
  '',
].join('\n');

/** The OpenAPI document exactly as the server serves it. */
async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'streamhub-openapi-'));
  // Routes may read the environment's DATABASE_URL/REDIS_URL through loadConfig: this run needs neither.
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const platform = await createPlatform(config, { database: await openDatabase({}), logger: createLogger('silent') });
  try {
    const app = await buildApp(platform, createServices(platform));
    try {
      await app.ready();
      const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
      if (response.statusCode !== 200) throw new Error(`GET /api/v1/openapi.json answered ${response.statusCode}`);
      return response.json() as Record<string, unknown>;
    } finally {
      await app.close();
    }
  } finally {
    await platform.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function generateApiTypes(): Promise<string> {
  const document = await readOpenApiDocument();
  const ast = await openapiTS(document as never, { alphabetize: true, exportType: true });
  // Formatted with the project's Prettier settings, so `format:check` and `api:check` agree on the bytes.
  const options = (await prettier.resolveConfig(TARGET)) ?? {};
  return prettier.format(HEADER + astToString(ast), { ...options, filepath: TARGET });
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const generated = await generateApiTypes();
  if (!check) {
    writeFileSync(TARGET, generated);
    console.log(`wrote ${TARGET}`);
    return 0;
  }
  let committed = '';
  try {
    committed = readFileSync(TARGET, 'utf8');
  } catch {
    // A missing file is simply stale.
  }
  if (committed === generated) {
    console.log('web/src/api/schema.gen.ts matches the API');
    return 0;
  }
  console.error(
    'web/src/api/schema.gen.ts is stale: the API changed since it was generated. Run `npm run api:types` and commit the result.',
  );
  return 1;
}

process.exitCode = await main();
