import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureWebBuilt } from '../../../scripts/build-web.ts';
import { startTestApp, type TestApp } from '../../../test/support/app.ts';
import { WEB_DIST_DIR } from './routes.ts';

describe('the web app served by StreamHub', () => {
  let t: TestApp;
  before(async () => {
    await ensureWebBuilt();
    t = await startTestApp('pglite');
  });
  after(async () => { await t.close(); });

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  test('page paths answer the app\'s index.html, which is never cached stale', async () => {
    for (const path of ['/', '/watch/4b3c0000-0000-4000-8000-000000000000', '/library/history', '/reset-password?token=abc']) {
      const response = await get(path);
      assert.equal(response.statusCode, 200, path);
      assert.match(response.headers['content-type'] as string, /text\/html/);
      assert.match(response.body, /<div id="root">/);
      assert.equal(response.headers['cache-control'], 'no-cache');
    }
  });

  test('hashed assets are served as files, cached for good', async () => {
    const script = readdirSync(join(WEB_DIST_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const response = await get(`/assets/${script}`);
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /javascript/);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('server paths keep their meaning: unknown API and media paths stay JSON 404s', async () => {
    for (const path of ['/api/v1/nothing-here', '/api', '/media/videos/nope/hls/master.m3u8', '/metrics/extra']) {
      const response = await get(path);
      assert.equal(response.statusCode, 404, path);
      assert.equal(response.json().error.code, 'NOT_FOUND', path);
    }
    assert.equal((await get('/health')).json().status, 'ok');
    assert.equal((await t.app.inject({ method: 'POST', url: '/watch/x' })).statusCode, 404);
  });

  test('the content security policy lets hls.js run its worker and play blob: media, and nothing from elsewhere', async () => {
    const policy = (await get('/')).headers['content-security-policy'] as string;
    assert.match(policy, /worker-src 'self' blob:/);
    assert.match(policy, /media-src 'self' blob:/);
    assert.match(policy, /default-src 'self'/);
    assert.doesNotMatch(policy, /script-src[^;]*(\*|https:|blob:)/);
    // Served over plain http on a LAN, the site must not have its own requests upgraded to https.
    assert.doesNotMatch(policy, /upgrade-insecure-requests/);
  });
});
