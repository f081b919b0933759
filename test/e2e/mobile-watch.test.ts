// Watching on a phone, in Chromium's mobile emulation: the watch page's sticky player, folded description
// and comments, chapters, transcript and Ask in bottom sheets; the touch player (taps show and hide the
// controls, double taps seek ±10 s, the quality sheet picks a rung) and its Media Session metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser } from './support/browser.ts';
import { describeOnPhone, PHONES, TITLE } from './support/phone-app.ts';
import { screenshot } from './support/web-app.ts';
import { playbackState, seekBy, startPlayback, waitForPlayback } from './support/player.ts';

describeOnPhone('the watch page and touch player on a phone in Chromium', (scene) => {
  test('the watch page keeps the player on top, the description and comments behind a tap, chapters, transcript and Ask in sheets', async () => {
    const { t, videoId } = scene();
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
      await seekBy(page, 'the chapter seek', 6, 0.3, () =>
        chapters.getByRole('button', { name: /Along the wall/ }).tap(),
      );
      await chapters.waitFor({ state: 'detached' });
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
    const { t, videoId } = scene();
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
});
