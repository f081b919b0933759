// StreamHub on a phone, in Chromium's mobile emulation (touch, a dense screen, the viewport meta tag
// honoured): every route of the app at 390×844 and 320×640 without sideways scrolling, the top bar's
// search and the navigation drawer, the touch player (tap, double-tap seeking, the quality sheet),
// the installable app (manifest, service worker, offline page) and an upload that survives the
// network dropping and a reload.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type PhoneDevice } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';
import { playbackState, startPlayback, waitForPlayback } from './support/player.ts';

const PHONES: (PhoneDevice & { name: string })[] = [
  { name: 'phone-390', width: 390, height: 844, deviceScaleFactor: 3 },
  { name: 'phone-320', width: 320, height: 640, deviceScaleFactor: 2 },
];
const TITLE = 'Pelicans gliding past the harbour wall';

type Account = Awaited<ReturnType<typeof registerUser>>;

interface RouteCheck {
  path: string;
  /** The thing a person came to the page for: it must be on screen, not off to the side. */
  main: (page: Page) => Locator;
}

describe('StreamHub on a phone in Chromium', () => {
  let t: WebTestApp;
  let fixtures: string;
  let clip: string;
  let videoId: string;
  let playlistId: string;
  let creator: Account;
  let admin: Account;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-mobile-'));
    [t, clip] = await Promise.all([startWebTestApp(), makeLandscapeClip(fixtures, 12)]);
    creator = await registerUser(t.app, { role: 'creator' });
    const video = await createVideo(t, creator.accessToken, {
      title: TITLE,
      description: 'Three pelicans ride the updraft along the wall.\nFilmed from the pier.',
    });
    await attachSource(t, video.id, clip);
    const ready = await waitForOutcome(t, creator.accessToken, video.id, 180_000);
    assert.equal(ready.status, 'ready', ready.failureReason);
    videoId = video.id;

    // The signed-in visitor is an admin, so the Studio and the admin pages are theirs to open too.
    admin = await registerUser(t.app);
    await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    const api = async (url: string, payload: object = {}) => {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        headers: bearer(admin.accessToken),
        payload,
      });
      assert.ok(response.statusCode < 300, `${url}: ${response.statusCode} ${response.body}`);
      return json(response).data;
    };
    playlistId = (await api('/playlists', { title: 'Birds by the sea' })).id;
    await api(`/playlists/${playlistId}/videos`, { videoId });
    await api(`/users/${creator.user.id}/subscribe`);
    await api('/comments', { videoId, text: 'The one in front never flaps once!' });
    // The creator's own transcript and chapters (the edit the Studio makes), so the AI sheets have content.
    const put = async (url: string, payload: object) => {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/v1${url}`,
        headers: bearer(creator.accessToken),
        payload,
      });
      assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    };
    await put(`/videos/${videoId}/transcript`, {
      language: 'en',
      segments: [
        { startSeconds: 0, endSeconds: 5, text: 'Three pelicans come in low over the water.' },
        { startSeconds: 5, endSeconds: 12, text: 'They ride the updraft along the harbour wall.' },
      ],
    });
    await put(`/videos/${videoId}/insights`, {
      summary: 'Pelicans glide along a harbour wall.',
      keyPoints: [],
      chapters: [
        { title: 'Arrival', startSeconds: 0 },
        { title: 'Along the wall', startSeconds: 6 },
      ],
    });
  });
  after(async () => {
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const heading = (name: string | RegExp) => (page: Page) => page.getByRole('heading', { level: 1, name });
  const button = (name: string | RegExp) => (page: Page) =>
    page.getByRole('button', { name, exact: typeof name === 'string' });

  // Every route of web/src/app/App.tsx, signed out (the account pages) and signed in (the rest).
  const signedOutRoutes = (): RouteCheck[] => [
    { path: '/login', main: button('Sign in') },
    { path: '/register', main: button('Create account') },
    { path: '/forgot-password', main: heading('Reset your password') },
    { path: '/reset-password?token=not-a-real-token', main: heading('Choose a new password') },
  ];
  const signedInRoutes = (): RouteCheck[] => [
    {
      // The signed-in home is "For you", which leaves out what this viewer has watched (the first phone's
      // pass watches the only video): a recommended card, or the feed saying there is nothing yet.
      path: '/',
      main: (page) =>
        page.locator('.video-card').getByRole('link').first().or(page.getByText('Nothing to recommend yet')).first(),
    },
    { path: '/trending', main: (page) => page.getByRole('tablist', { name: 'Trending window' }) },
    { path: '/subscriptions', main: (page) => page.getByRole('link', { name: TITLE }).first() },
    { path: '/library/history', main: (page) => page.getByRole('tablist', { name: 'Library sections' }) },
    { path: '/library/liked', main: (page) => page.getByRole('tablist', { name: 'Library sections' }) },
    { path: '/library/playlists', main: (page) => page.getByRole('link', { name: /Birds by the sea/ }) },
    { path: '/library/watch-later', main: (page) => page.getByRole('tablist', { name: 'Library sections' }) },
    {
      path: `/search?q=${encodeURIComponent('pelicans harbour')}`,
      main: (page) => page.locator('.search-result').getByRole('link', { name: TITLE }).first(),
    },
    { path: `/watch/${videoId}`, main: (page) => page.locator('.player') },
    { path: `/channel/${creator.user.id}`, main: button(/^Subscribe|^Subscribed|^Unsubscribe/) },
    {
      path: `/channel/${creator.user.id}/playlists`,
      main: (page) => page.getByRole('tablist', { name: 'Channel sections' }),
    },
    { path: `/playlist/${playlistId}`, main: (page) => page.getByRole('link', { name: TITLE }).first() },
    { path: '/upload', main: (page) => page.getByRole('button', { name: 'Choose a video from your phone' }) },
    { path: '/studio', main: heading('Studio') },
    { path: `/studio/${videoId}/ai`, main: (page) => page.getByRole('heading', { level: 1 }) },
    { path: '/admin/reports', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
    { path: '/admin/moderation', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
    { path: '/admin/ai', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
    { path: '/admin/jobs', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
    { path: '/admin/users', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
    { path: '/no-such-page', main: (page) => page.getByRole('link', { name: /home/i }).last() },
  ];

  /** No sideways scrolling, the main action inside the screen, and controls big enough for a finger. */
  async function checkFits(page: Page, route: RouteCheck, device: string): Promise<void> {
    const what = `${route.path} at ${device}`;
    const main = route.main(page);
    await main.waitFor({ state: 'visible', timeout: 20_000 }).catch((error: Error) => {
      throw new Error(`${what}: main action not visible: ${error.message}`);
    });
    await page.waitForTimeout(250); // lazy images and late lists settle
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(
      layout.scrollWidth <= layout.innerWidth,
      `${what}: the page is ${layout.scrollWidth} px wide on a ${layout.innerWidth} px screen`,
    );
    const box = (await main.boundingBox())!;
    assert.ok(
      box.x >= 0 && box.x + box.width <= layout.innerWidth + 0.5,
      `${what}: main action at x=${box.x}..${box.x + box.width}, outside 0..${layout.innerWidth}`,
    );
    const small = await page.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>(
          'button, .button, [role="tab"], select, input:not([type="checkbox"], [type="radio"], [type="range"], [type="file"])',
        ),
      )
        .filter((element) => element.offsetParent !== null && !element.closest('.sr-only, .skip-link'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0 && box.height > 0 && Math.round(box.height) < 44)
        .map(
          ({ element, box }) =>
            `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(' ').join('.')}` : ''} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
        ),
    );
    assert.deepEqual(small, [], `${what}: tap targets under 44 px`);
  }

  for (const phone of PHONES) {
    test(`every route fits a ${phone.width}×${phone.height} phone: no sideways scrolling, the main action on screen, 44 px tap targets`, async () => {
      const browser = await launchBrowser(t.baseUrl, phone);
      try {
        const page = await browser.newPage();
        for (const route of signedOutRoutes()) {
          await page.goto(route.path);
          await checkFits(page, route, phone.name);
        }
        await signInThroughUi(page, admin, '/');
        for (const route of signedInRoutes()) {
          await page.goto(route.path);
          await checkFits(page, route, phone.name);
          if (phone.width === 390 && ['/', `/watch/${videoId}`, '/studio'].includes(route.path)) {
            await screenshot(
              page,
              `${phone.name}${route.path === '/' ? '-home' : route.path.startsWith('/watch') ? '-watch' : '-studio'}`,
              { fullPage: false, scale: 'css' },
            );
          }
        }
        assert.deepEqual(browser.pageErrors, []);
      } finally {
        await browser.close();
      }
    });
  }

  test('the top bar folds search into an icon that opens a full-width field with autocomplete; the navigation is a drawer; colour scheme and reduced motion are followed', async () => {
    const browser = await launchBrowser(t.baseUrl, PHONES[0]);
    try {
      const page = await browser.newPage();
      await page.goto('/trending');
      const field = page.getByRole('combobox', { name: 'Search videos' });
      assert.equal(await field.isVisible(), false, 'the search field is folded away on a phone');
      await page.getByRole('button', { name: 'Open search' }).tap();
      await field.waitFor();
      const box = (await field.boundingBox())!;
      assert.ok(box.width >= 250, `the open search field is ${box.width} px wide`);
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
        'Search videos',
        'the field takes the focus',
      );
      await field.fill('pelic');
      const suggestion = page.getByRole('option', { name: new RegExp(TITLE) });
      await suggestion.waitFor();
      await screenshot(page, 'phone-390-search', { fullPage: false, scale: 'css' });
      await suggestion.tap();
      await page.waitForURL(`**/watch/${videoId}`);
      assert.equal(await field.isVisible(), false, 'the field folds away again after choosing');

      // The system's colour scheme decides the theme until the person picks one, also when it changes.
      await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
      assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), '#ffffff');

      await page.getByRole('button', { name: 'Toggle navigation' }).tap();
      const drawer = page.getByRole('navigation', { name: 'Main' });
      // Asked for less motion, the drawer appears without sliding.
      assert.ok(await drawer.evaluate((nav) => Number.parseFloat(getComputedStyle(nav).transitionDuration) < 0.001));
      await drawer.getByRole('link', { name: 'Trending' }).waitFor();
      // It slides in: wait for the slide to end, then it lies fully on screen.
      await page.waitForFunction(() => document.querySelector('.side-nav')!.getBoundingClientRect().x >= 0);
      const drawerBox = (await drawer.boundingBox())!;
      assert.ok(
        drawerBox.x >= 0 && drawerBox.x + drawerBox.width <= 390 && drawerBox.height >= 843,
        `the drawer is on screen, full height: ${JSON.stringify(drawerBox)}`,
      );
      await screenshot(page, 'phone-390-drawer', { fullPage: false, scale: 'css' });
      await drawer.getByRole('link', { name: 'Trending' }).tap();
      await page.waitForURL('**/trending');
      await drawer.getByRole('link', { name: 'Trending' }).waitFor({ state: 'hidden' });
    } finally {
      await browser.close();
    }
  });

  test('the watch page keeps the player on top, the description and comments behind a tap, chapters, transcript and Ask in sheets', async () => {
    const browser = await launchBrowser(t.baseUrl, PHONES[0]);
    try {
      const page = await browser.newPage();
      await page.goto(`/watch/${videoId}`);
      await page.locator('.player').waitFor();
      assert.equal(await page.getByText('Filmed from the pier.').isVisible(), false, 'the description starts folded');
      await page.getByRole('button', { name: /^Description/ }).tap();
      await page.getByText('Filmed from the pier.').waitFor();
      await page.getByRole('button', { name: /^Comments/ }).tap();
      await page.getByText('The one in front never flaps once!').waitFor();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(200);
      const player = (await page.locator('.player').boundingBox())!;
      const topBar = (await page.getByRole('banner').boundingBox())!;
      assert.ok(
        Math.abs(player.y - (topBar.y + topBar.height)) <= 1,
        `the player sticks under the top bar after scrolling (player at y=${player.y})`,
      );
      assert.equal(Math.round(player.width), 390, 'the player spans the screen');

      // Chapters, transcript and Ask open as bottom sheets that leave the player in sight above them.
      await page.getByRole('button', { name: 'Chapters', exact: true }).tap();
      const chapters = page.getByRole('dialog', { name: 'Chapters' });
      await chapters.waitFor();
      await page.waitForFunction(() => document.querySelector('.sheet')?.getAnimations().length === 0);
      const sheetTop = (await chapters.boundingBox())!.y;
      assert.ok(
        sheetTop >= player.y + player.height - 1,
        `the sheet (top ${sheetTop}) leaves the player (bottom ${player.y + player.height}) visible`,
      );
      await chapters.getByRole('button', { name: /Along the wall/ }).tap();
      await chapters.waitFor({ state: 'detached' });
      await waitForPlayback(page, 'the chapter seek', (state) => Math.abs(state.currentTime - 6) < 0.3);
      await page.getByRole('button', { name: 'Transcript', exact: true }).tap();
      const transcript = page.getByRole('dialog', { name: 'Transcript' });
      await transcript.getByRole('button', { name: /They ride the updraft/ }).waitFor();
      await screenshot(page, 'phone-390-transcript-sheet', { fullPage: false, scale: 'css' });
      await transcript.getByRole('button', { name: 'Close' }).tap();
      await page.getByRole('button', { name: 'Ask this video', exact: true }).tap();
      // Signed out, the Ask sheet invites to sign in (the signed-in form is the web app's own test).
      await page.getByRole('dialog', { name: 'Ask this video' }).getByRole('link', { name: 'Sign in' }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
    } finally {
      await browser.close();
    }
  });

  test('the touch player: a tap shows and hides the controls, double taps seek ±10 s, quality is chosen in a sheet', async () => {
    const browser = await launchBrowser(t.baseUrl, PHONES[0]);
    try {
      const page = await browser.newPage();
      await page.goto(`/watch/${videoId}`);
      await startPlayback(page);
      await waitForPlayback(page, 'playback to start', (state) => state.currentTime > 0.5 && !state.paused);
      assert.equal(
        await page.evaluate(() => navigator.mediaSession.metadata?.title),
        TITLE,
        'the lock screen knows what plays',
      );

      const player = page.locator('.player');
      const box = (await player.boundingBox())!;
      const at = (fraction: number) => ({ x: box.x + box.width * fraction, y: box.y + box.height * 0.3 });
      // Playing, the controls hide by themselves; one tap brings them back, another hides them.
      await page.locator('.player:not(.controls-shown)').waitFor({ timeout: 6000 });
      await page.touchscreen.tap(at(0.5).x, at(0.5).y);
      await page.locator('.player.controls-shown').waitFor();
      await page.touchscreen.tap(at(0.5).x, at(0.5).y);
      await page.locator('.player:not(.controls-shown)').waitFor();

      await page
        .getByRole('button', { name: 'Pause', exact: true })
        .evaluate((element: HTMLButtonElement) => element.click());
      await page.locator('video.player-video').evaluate((video: HTMLVideoElement) => {
        video.currentTime = 1;
      });
      await waitForPlayback(page, 'the seek to 1 s', (state) => Math.abs(state.currentTime - 1) < 0.05);
      await page.touchscreen.tap(at(0.85).x, at(0.85).y);
      await page.touchscreen.tap(at(0.85).x, at(0.85).y);
      await page.getByRole('status').filter({ hasText: '+10 s' }).waitFor();
      const forward = await waitForPlayback(
        page,
        'a double tap on the right to seek 10 s on',
        (state) => state.currentTime > 10.5,
      );
      assert.ok(Math.abs(forward.currentTime - 11) < 0.3, `double tap right: ${forward.currentTime}`);
      await page.touchscreen.tap(at(0.15).x, at(0.15).y);
      await page.touchscreen.tap(at(0.15).x, at(0.15).y);
      const back = await waitForPlayback(
        page,
        'a double tap on the left to seek 10 s back',
        (state) => state.currentTime < 1.5,
      );
      assert.ok(Math.abs(back.currentTime - 1) < 0.3, `double tap left: ${back.currentTime}`);

      // Quality: the settings gear opens a sheet, Quality another one with the ladder's rungs.
      await page.getByRole('button', { name: 'Settings' }).tap();
      await page
        .getByRole('dialog', { name: 'Settings' })
        .getByRole('button', { name: /^Quality/ })
        .tap();
      const sheet = page.getByRole('dialog', { name: 'Quality' });
      await sheet.waitFor();
      // It rises from the bottom edge: measured once it has arrived.
      await page.waitForFunction(() => document.querySelector('.sheet')?.getAnimations().length === 0);
      const sheetBox = (await sheet.boundingBox())!;
      assert.ok(
        Math.abs(sheetBox.y + sheetBox.height - 844) <= 1 && Math.round(sheetBox.width) === 390,
        `a bottom sheet across the screen: ${JSON.stringify(sheetBox)}`,
      );
      const rungs = await sheet.getByRole('radio').allTextContents();
      assert.equal(rungs[0]?.startsWith('Auto'), true);
      assert.ok(rungs.length >= 3, `Auto and at least two rungs: ${rungs.join(', ')}`);
      // A rung other than the one Auto plays now, so the picture's height shows the choice took.
      const playing = (await playbackState(page)).videoHeight;
      const chosen = rungs.find((label) => /^\d+p$/.test(label) && Number.parseInt(label, 10) !== playing)!;
      await screenshot(page, 'phone-390-quality-sheet', { fullPage: false, scale: 'css' });
      await sheet.getByRole('radio', { name: chosen, exact: true }).tap();
      await sheet.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Play', exact: true }).tap();
      const state = await waitForPlayback(
        page,
        `the ${chosen} rung`,
        (current) => current.videoHeight === Number.parseInt(chosen, 10) && !current.paused,
      );
      assert.equal(state.error, null);
      assert.equal((await playbackState(page)).error, null);
      assert.deepEqual(browser.pageErrors, []);
    } finally {
      await browser.close();
    }
  });

  test('installable: the manifest and its icons, a service worker in control that caches the shell and never API answers, an offline page', async () => {
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
