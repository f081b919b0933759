// StreamHub's layout on a phone, in Chromium's mobile emulation (touch, a dense screen, the viewport meta
// tag honoured): every route of the app at 390×844 and 320×640 without sideways scrolling, with its main
// action on screen and 44 px tap targets; the top bar's search folded into an icon, the navigation
// drawer, and the system's colour scheme and reduced motion followed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.ts';
import { describeOnPhone, PHONES, TITLE } from './support/phone-app.ts';
import { screenshot } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

interface RouteCheck {
  path: string;
  /** The thing a person came to the page for: it must be on screen, not off to the side. */
  main: (page: Page) => Locator;
}

describeOnPhone('StreamHub layout on a phone in Chromium', (scene) => {
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
  const signedInRoutes = (): RouteCheck[] => {
    const { videoId, playlistId, creator } = scene();
    return [
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
      { path: '/settings', main: button('Change password') },
      { path: '/studio', main: heading('Studio') },
      { path: `/studio/${videoId}/ai`, main: (page) => page.getByRole('heading', { level: 1 }) },
      { path: '/admin/reports', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
      { path: '/admin/moderation', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
      { path: '/admin/ai', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
      { path: '/admin/jobs', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
      { path: '/admin/users', main: (page) => page.getByRole('tablist', { name: 'Admin sections' }) },
      { path: '/no-such-page', main: (page) => page.getByRole('link', { name: /home/i }).last() },
    ];
  };

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
    // Side by side, pill buttons need a gap a thumb can find: two that touch read as one control (icon
    // buttons draw no edge, so their boxes may meet).
    const touching = await page.evaluate(() => {
      const boxes = Array.from(document.querySelectorAll<HTMLElement>('.button'))
        .filter((element) => element.offsetParent !== null && !element.closest('.sr-only, .skip-link'))
        .map((element) => ({
          label: (element.textContent ?? '').trim().slice(0, 20),
          box: element.getBoundingClientRect(),
        }))
        .filter(({ box }) => box.width > 0 && box.height > 0);
      const pairs: string[] = [];
      for (const left of boxes)
        for (const right of boxes) {
          const gap = right.box.left - left.box.right;
          const sameRow = Math.min(left.box.bottom, right.box.bottom) - Math.max(left.box.top, right.box.top) > 8;
          if (left !== right && sameRow && gap >= -0.5 && gap < 4) pairs.push(`"${left.label}" | "${right.label}"`);
        }
      return pairs;
    });
    assert.deepEqual(touching, [], `${what}: buttons touching side by side`);
  }

  for (const phone of PHONES) {
    test(`every route fits a ${phone.width}×${phone.height} phone: no sideways scrolling, the main action on screen, 44 px tap targets`, async () => {
      const { t, videoId, admin } = scene();
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
    const { t, videoId } = scene();
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
});
