// The admin's moderation queue in Chromium, on a clip whose frames from 6 s to 9 s image moderation
// flags: the case shows the flagged frames themselves with their time in the video, on a phone and in
// both themes, and approving it clears the queue. Thresholds as in src/modules/moderation/image-moderation.test.ts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { makeClipWithSkinGrid } from '../support/picture-fixtures.ts';
import { caseRepo } from '../../src/modules/moderation/case-repo.ts';
import { attachSource, createVideo } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

describe('flagged frames in the admin moderation queue (Chromium, phone)', { timeout: 600_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let videoId: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-images-'));
    t = await startWebTestApp({
      IMAGE_MODERATION_FRAMES: '6',
      IMAGE_MODERATION_SCENE_FRAMES: '0',
      IMAGE_MODERATION_THRESHOLD: '0.3',
      IMAGE_MODERATION_HOLD_THRESHOLD: '0.4',
    });
    const creator = await registerUser(t.app, { role: 'creator' });
    videoId = (await createVideo(t, creator.accessToken, { title: 'Colour study' })).id;
    await attachSource(t, videoId, await makeClipWithSkinGrid(fixtures, { seconds: 12, gridFrom: 6, gridSeconds: 3 }));
    const flagged = await eventually(
      'the pictures to be scored',
      () => caseRepo.find(t.platform.database.db, 'video_image', videoId),
      300_000,
    );
    assert.equal(flagged.status, 'pending');
    browser = await launchBrowser(t.baseUrl, { width: 390, height: 844 });
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test('the case shows each flagged frame with its time; the admin approves it', async () => {
    const admin = await registerUser(t.app);
    await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    await signInThroughUi(page, admin, '/admin/moderation');
    const card = page.locator('.moderation-case', { hasText: 'Video pictures' });
    await card.waitFor();
    assert.match(await card.innerText(), /frame at 0:0[6-9]: unsafe/);
    const frame = card.locator('.flagged-picture').first();
    const caption = await frame.locator('figcaption').innerText();
    assert.match(caption, /^Frame at 0:0[6-9] · unsafe 0\.\d\d$/);
    const image = frame.getByRole('img', { name: /Frame at 0:0[6-9], flagged by image moderation/ });
    await image.waitFor();
    await page.waitForFunction(
      () => (document.querySelector('.flagged-picture img') as HTMLImageElement | null)?.naturalWidth === 320,
    );
    // At 390 px the pictures wrap inside the card: nothing runs off the side.
    const box = await frame.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, JSON.stringify(box));
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.waitForFunction((scheme) => document.documentElement.dataset.theme === scheme, colorScheme);
      await screenshot(page, `admin-moderation-pictures-${colorScheme}`);
    }
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    assert.deepEqual(browser.pageErrors, []);
  });
});
