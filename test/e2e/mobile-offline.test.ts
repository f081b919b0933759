// StreamHub installed on a phone and its network failing, in Chromium's mobile emulation: the manifest
// and its icons, a service worker in control that caches the shell and never API answers, Chromium's
// installability verdict, the offline page; an upload that waits out a dropped network and resumes after
// a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { launchBrowser } from './support/browser.ts';
import { describeOnPhone, PHONES } from './support/phone-app.ts';
import { screenshot } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';
import { startPlayback, waitForPlayback } from './support/player.ts';

describeOnPhone('StreamHub installed and offline on a phone in Chromium', (scene) => {
  test('installable: the manifest and its icons, a service worker in control that caches the shell and never API answers, an offline page', async () => {
    const { t, videoId, admin } = scene();
    const browser = await launchBrowser(t.baseUrl, PHONES[0]);
    try {
      const page = await browser.newPage();
      await page.goto('/');
      const manifest = await page.evaluate(async () => {
        const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
        const response = await fetch(link!.href);
        return {
          contentType: response.headers.get('content-type'),
          fields: (await response.json()) as Record<string, unknown>,
          themeColor: document.querySelector('meta[name="theme-color"]')?.getAttribute('content'),
        };
      });
      assert.match(manifest.contentType ?? '', /^application\/manifest\+json/);
      assert.equal(manifest.fields.name, 'StreamHub');
      assert.equal(manifest.fields.display, 'standalone');
      assert.equal(manifest.fields.start_url, '/');
      assert.equal(manifest.fields.theme_color, '#0f0f10');
      assert.ok(manifest.themeColor);
      const icons = manifest.fields.icons as { src: string; sizes: string; purpose: string }[];
      for (const size of ['192x192', '512x512'])
        assert.ok(
          icons.some((icon) => icon.sizes === size && icon.purpose === 'any'),
          size,
        );
      assert.ok(icons.some((icon) => icon.purpose === 'maskable'));
      const iconSizes = await page.evaluate(
        async (sources) =>
          Promise.all(
            sources.map(async (src) => {
              const bitmap = await createImageBitmap(await (await fetch(src)).blob());
              return `${bitmap.width}x${bitmap.height}`;
            }),
          ),
        icons.map((icon) => icon.src),
      );
      assert.deepEqual(
        iconSizes,
        icons.map((icon) => icon.sizes),
        'each icon is the size the manifest says',
      );

      const registration = await page.evaluate(async () => {
        const ready = await navigator.serviceWorker.ready;
        return { scope: ready.scope, script: ready.active?.scriptURL };
      });
      assert.equal(registration.scope, `${t.baseUrl}/`);
      assert.equal(registration.script, `${t.baseUrl}/sw.js`);
      await page.reload();
      assert.equal(
        await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL),
        `${t.baseUrl}/sw.js`,
        'the page is controlled by the worker',
      );
      assert.ok(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration('/'))));
      // Chromium's own verdict, the one behind its install prompt and Lighthouse's installability audit.
      const devtools = await browser.context.newCDPSession(page);
      const parsed = await devtools.send('Page.getAppManifest');
      assert.deepEqual(parsed.errors, [], 'the manifest parses without errors');
      const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'Chromium finds the app installable');

      // Browse pages that call the API and play media, then look in the cache.
      await signInThroughUi(page, admin, `/watch/${videoId}`);
      await startPlayback(page);
      await waitForPlayback(page, 'playback', (state) => state.currentTime > 0.5);
      await page.goto('/library/history');
      await page.getByRole('tablist', { name: 'Library sections' }).waitFor();
      const cached = await page.evaluate(async () => {
        const paths: string[] = [];
        for (const name of await caches.keys()) {
          for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
        }
        return paths;
      });
      assert.ok(cached.includes('/offline.html'), 'the offline page is cached');
      assert.ok(
        cached.some((path) => /^\/assets\/index-.+\.js$/.test(path)),
        'the app shell script is cached',
      );
      assert.ok(
        cached.some((path) => /^\/assets\/WatchPage-.+\.js$/.test(path)),
        'a lazily loaded page is cached once used',
      );
      assert.deepEqual(
        cached.filter((path) => !/^\/(assets|icons)\/|^\/(offline\.html|manifest\.webmanifest)$/.test(path)),
        [],
        'nothing but built files is cached',
      );

      // Offline: a page that cannot be reached shows the offline page, and the site comes back after.
      await browser.context.setOffline(true);
      await page.goto('/trending').catch(() => undefined);
      await page.getByRole('heading', { name: 'You are offline' }).waitFor();
      await screenshot(page, 'phone-390-offline', { fullPage: false, scale: 'css' });
      await browser.context.setOffline(false);
      await page.getByRole('heading', { name: 'Trending' }).waitFor({ timeout: 15_000 });
    } finally {
      await browser.context.setOffline(false).catch(() => undefined);
      await browser.close();
    }
  });

  test('an upload from a phone waits out a dropped network, carries on when it is back, and resumes after a reload', async () => {
    const { t, clip } = scene();
    const browser = await launchBrowser(t.baseUrl, PHONES[0]);
    const uploader = await registerUser(t.app, { role: 'creator' });
    const uploadsOf = () =>
      t.platform.database.db
        .selectFrom('videos')
        .select(['id', 'status'])
        .where('creator_id', '=', uploader.user.id)
        .execute();
    // The upload's bytes (tus PATCH requests) fail as if the phone lost its connection.
    const dropUploadData = (page: Page) =>
      page.route('**/api/v1/uploads/**', (route) =>
        route.request().method() === 'PATCH' ? route.abort('internetdisconnected') : route.continue(),
      );
    try {
      const page = await browser.newPage();
      await signInThroughUi(page, uploader, '/upload');
      assert.equal(
        await page.locator('input[type=file][capture]').getAttribute('accept'),
        'video/*',
        'a phone can record with its camera',
      );

      // 1. The connection drops mid-upload: the upload waits instead of failing, and goes on once online again.
      await dropUploadData(page);
      await page.locator('input[name=file]').setInputFiles(clip);
      await page.getByLabel('Title').fill('Recorded on the pier');
      await page.getByRole('button', { name: 'Upload', exact: true }).tap();
      await page.locator('.upload-phase', { hasText: 'Waiting for the network' }).waitFor({ timeout: 30_000 });
      await page.unroute('**/api/v1/uploads/**');
      await browser.context.setOffline(true);
      await browser.context.setOffline(false);
      await page.locator('.upload-phase', { hasText: 'Upload complete' }).waitFor({ timeout: 30_000 });
      assert.equal((await uploadsOf()).length, 1);

      // 2. The page is reloaded (or the browser killed) mid-upload: the same file picks the upload up again.
      await page.goto('/upload');
      await dropUploadData(page);
      await page.locator('input[name=file]').setInputFiles(clip);
      await page.getByLabel('Title').fill('Recorded on the beach');
      await page.getByRole('button', { name: 'Upload', exact: true }).tap();
      await page.locator('.upload-phase', { hasText: 'Waiting for the network' }).waitFor({ timeout: 30_000 });
      const unfinished = (await uploadsOf()).find((video) => video.status === 'uploading');
      assert.ok(unfinished, 'the second video waits for its file');
      await page.unroute('**/api/v1/uploads/**');
      await page.reload();
      await page.locator('input[name=file]').setInputFiles(clip);
      await page.getByText('This file was being uploaded as Recorded on the beach').waitFor();
      await page.getByRole('button', { name: 'Resume that upload' }).tap();
      await page.locator('.upload-phase', { hasText: 'Upload complete' }).waitFor({ timeout: 30_000 });
      const videos = await uploadsOf();
      assert.equal(videos.length, 2, 'resuming created no new video');
      assert.notEqual(
        videos.find((video) => video.id === unfinished.id)?.status,
        'uploading',
        'the resumed upload delivered the file',
      );
      assert.deepEqual(browser.pageErrors, []);
    } finally {
      await browser.close();
    }
  });
});
