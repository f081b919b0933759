// A viewer reports a video from its watch page (a dialog on a desktop, a bottom sheet on a phone); the
// creator has no Report button on their own video; an admin removes the video from the Reports tab and it
// is gone for viewers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser } from '../support/app.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

const TITLE = 'Street fight compilation';

describe('reporting a video in Chromium', { timeout: 600_000 }, () => {
  let t: WebTestApp;
  let desktop: TestBrowser;
  let fixtures: string;
  let videoId: string;
  let creator: Awaited<ReturnType<typeof registerUser>>;
  let viewer: Awaited<ReturnType<typeof registerUser>>;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-video-reports-'));
    t = await startWebTestApp();
    creator = await registerUser(t.app, { role: 'creator' });
    viewer = await registerUser(t.app);
    videoId = (await createVideo(t, creator.accessToken, { title: TITLE })).id;
    await attachSource(t, videoId, await makeLandscapeClip(fixtures, 4));
    const ready = await waitForOutcome(t, creator.accessToken, videoId, 120_000);
    assert.equal(ready.status, 'ready', ready.failureReason);
    desktop = await launchBrowser(t.baseUrl);
  });
  after(async () => {
    await desktop?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test('a viewer picks a reason and sends the report; its creator has no Report button', async () => {
    const page = await desktop.newPage();
    await signInThroughUi(page, viewer, `/watch/${videoId}`);
    await page.getByRole('button', { name: 'Report', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Report video' });
    const send = dialog.getByRole('button', { name: 'Send report' });
    assert.equal(await send.isDisabled(), true, 'a reason comes first');
    await dialog.getByLabel('Violent or repulsive content').check();
    await dialog.getByLabel('Details (optional)').fill('A fight from 0:01');
    await send.click();
    await dialog.getByRole('status').filter({ hasText: 'Our moderators will review this video' }).waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await signOutThroughUi(page, viewer.user.username);

    await signInThroughUi(page, creator, `/watch/${videoId}`);
    await page.getByRole('button', { name: 'Save to playlist' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Report', exact: true }).count(), 0);
    await page.close();
  });

  test('on a phone the report form is a bottom sheet that fits the screen', async () => {
    const phone = await launchBrowser(t.baseUrl, { width: 390, height: 844 });
    try {
      const page = await phone.newPage();
      await signInThroughUi(page, viewer, `/watch/${videoId}`);
      await page.getByRole('button', { name: 'Report', exact: true }).click();
      const sheet = page.getByRole('dialog', { name: 'Report video' });
      await sheet.getByLabel('Something else').waitFor();
      await page.waitForFunction(() => document.querySelector('.sheet')?.getAnimations().length === 0);
      const box = (await sheet.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `the sheet spans ${box.x}..${box.x + box.width}`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true);
      await screenshot(page, 'phone-390-report-video', { fullPage: false, scale: 'css' });
    } finally {
      await phone.close();
    }
  });

  test('an admin removes the reported video from the Reports tab; viewers then get a 404', async () => {
    const admin = await registerUser(t.app);
    await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    const page = await desktop.newPage();
    await signInThroughUi(page, admin, '/admin/reports');
    const videos = page.getByRole('region', { name: 'Video reports' });
    const card = videos.locator('.admin-card', { hasText: TITLE });
    await card.getByText('A fight from 0:01').waitFor();
    await card.getByText('1 open').waitFor();
    await card.getByRole('button', { name: 'Remove video' }).click();
    await videos.getByText('No open video reports.').waitFor();
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}` });
    assert.equal(gone.statusCode, 404);
    await page.close();
  });
});
