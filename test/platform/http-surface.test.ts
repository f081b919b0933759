/**
 * The HTTP surface the request-cost work must not change: the OpenAPI document byte for byte, and the
 * headers and bodies of a set of representative answers (a read, a preflight, allowed and refused
 * origins, errors, the docs page). Compared with a snapshot taken from the app before the
 * hot path was rewritten (precomputed security headers, the CORS hook, compiled serialisation).
 *
 * An intended API change refreshes the snapshot: UPDATE_HTTP_SURFACE_SNAPSHOT=1 node scripts/run-tests.mjs <this file>
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { registerUser, startTestApp, type TestApp } from '../support/app.ts';

const SNAPSHOT = fileURLToPath(new URL('./http-surface.snap', import.meta.url));
const UPDATE = process.env.UPDATE_HTTP_SURFACE_SNAPSHOT === '1';
/** Headers that differ on every request or every run, whatever the code. */
const VOLATILE_HEADERS = new Set(['date', 'x-request-id', 'x-ratelimit-reset', 'etag', 'last-modified']);
const ORIGIN = 'https://app.example.com';

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: unknown;
}

interface Snapshot {
  openapi: unknown;
  answers: Record<string, Answer>;
}

/** Ids and timestamps vary per run; the shape and every other value must not. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, stable(child)]));
  if (typeof value !== 'string') return value;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return '<uuid>';
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(value)) return '<timestamp>';
  return value;
}

function answer(response: LightMyRequestResponse): Answer {
  const headers = Object.fromEntries(
    Object.entries(response.headers)
      .filter(([name]) => !VOLATILE_HEADERS.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
  const type = String(response.headers['content-type'] ?? '');
  const body = type.includes('json') ? stable(response.json()) : `${response.body.length} bytes`;
  return { status: response.statusCode, headers: stable(headers) as Record<string, unknown>, body };
}

describe('HTTP surface stays as it was', () => {
  let t: TestApp;
  let current: Snapshot;
  before(async () => {
    // PGlite only: the surface does not depend on the backend, and the snapshot is one file.
    t = await startTestApp('pglite', { CORS_ORIGINS: ORIGIN });
    const user = await registerUser(t.app, { username: 'surface_user', email: 'surface_user@example.com' });
    const inject = (options: InjectOptions) => t.app.inject(options);
    const openapi = await inject({ method: 'GET', url: '/api/v1/openapi.json' });
    const answers: Record<string, Answer> = {
      'GET user': answer(await inject({ method: 'GET', url: `/api/v1/users/${user.user.id}` })),
      'GET user, allowed origin': answer(
        await inject({ method: 'GET', url: `/api/v1/users/${user.user.id}`, headers: { origin: ORIGIN } }),
      ),
      'GET user, refused origin': answer(
        await inject({
          method: 'GET',
          url: `/api/v1/users/${user.user.id}`,
          headers: { origin: 'https://evil.example.com' },
        }),
      ),
      'GET own profile': answer(
        await inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${user.accessToken}` },
        }),
      ),
      'preflight, allowed origin': answer(
        await inject({
          method: 'OPTIONS',
          url: '/api/v1/videos',
          headers: {
            origin: ORIGIN,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,authorization',
          },
        }),
      ),
      'preflight, refused origin': answer(
        await inject({
          method: 'OPTIONS',
          url: '/api/v1/videos',
          headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
        }),
      ),
      'validation error': answer(await inject({ method: 'GET', url: '/api/v1/users/not-a-uuid' })),
      'missing user': answer(
        await inject({ method: 'GET', url: '/api/v1/users/00000000-0000-4000-8000-000000000000' }),
      ),
      'unknown route': answer(await inject({ method: 'GET', url: '/api/v1/nothing-here' })),
      'bad token': answer(
        await inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer nope' } }),
      ),
      'video list': answer(await inject({ method: 'GET', url: '/api/v1/videos' })),
      search: answer(await inject({ method: 'GET', url: '/api/v1/search?q=anything' })),
      health: answer(await inject({ method: 'GET', url: '/health' })),
      'docs page': answer(await inject({ method: 'GET', url: '/api/v1/docs/' })),
    };
    current = { openapi: openapi.json(), answers };
    if (UPDATE) writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, 2)}\n`);
  });
  after(async () => {
    await t.close();
  });

  const recorded = (): Snapshot => JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;

  test('the OpenAPI document is unchanged', () => {
    // Compared as flat JSON paths, each difference named: one deepEqual of the whole document spends
    // minutes building its diff when something changed (a test that hangs instead of failing).
    const now = flatten(current.openapi);
    const before = flatten(recorded().openapi);
    const changed = [...new Set([...now.keys(), ...before.keys()])].filter((key) => now.get(key) !== before.get(key));
    assert.deepEqual(
      changed.slice(0, 20).map((key) => `${key}: ${before.get(key) ?? '(absent)'} → ${now.get(key) ?? '(absent)'}`),
      [],
      `${changed.length} values differ from the snapshot (the first 20 above)`,
    );
  });

  test('status, headers and bodies of representative answers are unchanged', () => {
    const expected = recorded().answers;
    assert.deepEqual(Object.keys(current.answers), Object.keys(expected));
    for (const [name, actual] of Object.entries(current.answers)) assert.deepEqual(actual, expected[name], name);
  });
});

/** Every leaf of a JSON value under its path ("paths./api/v1/videos.get.summary" → its JSON). */
function flatten(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((item, index) => [String(index), item] as const)
      : Object.entries(value);
    if (entries.length === 0) into.set(path, JSON.stringify(value));
    for (const [key, item] of entries) flatten(item, path ? `${path}.${key}` : key, into);
  } else into.set(path, JSON.stringify(value));
  return into;
}
