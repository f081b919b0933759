// A creator's own thumbnail in Chromium at phone width: uploaded from the Studio's edit panel, it is the
// watch page's poster and the channel list's picture; "Use generated thumbnail" brings the generated one
// back. The panel is checked to fit 390 px in both themes, and a refused file shows the server's message.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { makeFixture } from '../support/media-fixtures.ts';
import { landscapePicture } from '../support/thumbnail-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

const PHONE = { width: 390, height: 844 };

describe('custom thumbnail from the Studio (Chromium, phone)', { timeout: 600_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let videoId: string;
  let creator: Awaited<ReturnType<typeof registerUser>>;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-thumbnails-'));
    t = await startWebTestApp({ IMAGE_MODERATION_FRAMES: '1', IMAGE_MODERATION_SCENE_FRAMES: '0' });
    creator = await registerUser(t.app, { role: 'creator' });
    videoId = (await createVideo(t, creator.accessToken, { title: 'Harbour at dawn' })).id;
    await attachSource(t, videoId, await makeFixture('landscape', fixtures));
    await waitForOutcome(t, creator.accessToken, videoId, 120_000);
    await landscapePicture(fixtures, 'custom.jpg', '1280x720', 7);
    await landscapePicture(fixtures, 'tiny.png', '320x180', 8);
    browser = await launchBrowser(t.baseUrl, PHONE);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const studioThumbnail = () => page.getByTestId('studio-thumbnail');
  const posterOfWatchPage = async () => {
    await page.goto(`/watch/${videoId}`);
    const player = page.locator('video[poster]');
    await player.waitFor();
    return player.getAttribute('poster');
  };
  const channelCardPicture = async () => {
    await page.goto(`/channel/${creator.user.id}`);
    const picture = page.locator('.video-card', { hasText: 'Harbour at dawn' }).locator('img').first();
    await picture.waitFor();
    return picture.getAttribute('src');
  };
  const openEditor = async () => {
    await page.goto('/studio');
    await page.locator(`tr[data-video-id="${videoId}"]`).getByRole('button', { name: 'Edit' }).click();
    await studioThumbnail().waitFor();
  };

  test('upload a thumbnail, see it on the watch page and the channel, then go back to the generated one', async () => {
    await signInThroughUi(page, creator, '/studio');
    await openEditor();
    const generated = await studioThumbnail().getAttribute('src');
    assert.match(generated ?? '', /\/poster\.jpg$/);

    const input = page.locator('.thumbnail-editor input[type=file]');
    await input.setInputFiles(join(fixtures, 'tiny.png'));
    await page.getByRole('alert').filter({ hasText: 'at least 640×360' }).waitFor();

    await input.setInputFiles(join(fixtures, 'custom.jpg'));
    await page.waitForFunction(() =>
      /\/thumbnails\/[\w-]+\.jpg$/.test(
        document.querySelector<HTMLImageElement>('[data-testid=studio-thumbnail]')?.src ?? '',
      ),
    );
    const custom = await studioThumbnail().getAttribute('src');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width, 'fits the phone');
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((scheme) => document.documentElement.dataset.theme === scheme, colorScheme);
      await screenshot(page, `studio-thumbnail-${colorScheme}`);
    }

    assert.equal(await posterOfWatchPage(), custom);
    assert.equal(await channelCardPicture(), custom);

    await openEditor();
    await page.getByRole('button', { name: 'Use generated thumbnail' }).click();
    await page.getByRole('button', { name: 'Use generated thumbnail' }).waitFor({ state: 'detached' });
    assert.equal(await studioThumbnail().getAttribute('src'), generated);
    assert.equal(await posterOfWatchPage(), generated);
    assert.equal(await channelCardPicture(), generated);
    assert.deepEqual(browser.pageErrors, []);
  });
});
