import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
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
  after(async () => {
    await t.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });

  test("page paths answer the app's index.html, which is never cached stale", async () => {
    for (const path of [
      '/',
      '/watch/4b3c0000-0000-4000-8000-000000000000',
      '/library/history',
      '/reset-password?token=abc',
    ]) {
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

  test('text files are sent precompressed from the build: brotli or gzip by Accept-Encoding, raw otherwise', async () => {
    const script = readdirSync(join(WEB_DIST_DIR, 'assets')).find((name) => name.endsWith('.js'))!;
    const raw = readFileSync(join(WEB_DIST_DIR, 'assets', script));
    const ask = (encoding?: string) =>
      t.app.inject({
        method: 'GET',
        url: `/assets/${script}`,
        headers: encoding ? { 'accept-encoding': encoding } : {},
      });

    const brotli = await ask('gzip, deflate, br');
    assert.equal(brotli.headers['content-encoding'], 'br');
    assert.match(brotli.headers.vary as string, /accept-encoding/i);
    assert.equal(brotli.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(brotli.headers['content-type'] as string, /javascript/);
    assert.deepEqual(brotliDecompressSync(brotli.rawPayload), raw);

    const gzip = await ask('gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.deepEqual(gunzipSync(gzip.rawPayload), raw);

    const plain = await ask();
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.rawPayload, raw);

    const page = await t.app.inject({ method: 'GET', url: '/library', headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(page.rawPayload).toString(), /<div id="root">/);
  });

  test('the service worker and the manifest are served from the root with their content types, never cached stale', async () => {
    const worker = await get('/sw.js');
    assert.equal(worker.statusCode, 200);
    assert.match(worker.headers['content-type'] as string, /^text\/javascript/);
    assert.equal(worker.headers['cache-control'], 'no-cache, max-age=0');
    assert.equal(worker.headers['service-worker-allowed'], '/');
    // The build stamped it with its id and app shell, so a new release installs a new worker.
    assert.doesNotMatch(worker.body, /__STREAMHUB_(BUILD_ID|PRECACHE)__/);
    assert.match(worker.body, /const PRECACHE = \[[^\]]*"\/assets\/index-[^"]+\.js"/);

    const manifest = await get('/manifest.webmanifest');
    assert.equal(manifest.statusCode, 200);
    assert.match(manifest.headers['content-type'] as string, /^application\/manifest\+json/);
    const fields = manifest.json() as {
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    assert.equal(fields.display, 'standalone');
    assert.equal(fields.start_url, '/');
    assert.ok(fields.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'maskable'));
    for (const icon of fields.icons) {
      const png = await get(icon.src);
      assert.equal(png.statusCode, 200, icon.src);
      assert.equal(png.headers['content-type'], 'image/png');
    }
    const offline = await get('/offline.html');
    assert.match(offline.body, /You are offline/);
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
