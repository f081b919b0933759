// Admin → Platform analytics in Chromium on a phone: the storage cards and the per-user table split into
// uploaded sources and processed files, with the totals the API reports, and no sideways scrolling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';
import { createVideo } from '../../src/modules/videos/video-test-support.ts';

const PHONE = { width: 390, height: 844 };
/** The page shows decimal units (formatBytes). */
const MB = 1_000_000;

describe('platform analytics in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;

  before(async () => {
    t = await startWebTestApp();
    browser = await launchBrowser(t.baseUrl, PHONE);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test("an admin sees each user's storage split into sources and processed files, on a phone", async () => {
    const admin = await registerUser(t.app);
    const { db } = t.platform.database;
    await db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    const creator = await registerUser(t.app, { role: 'creator' });
    // Sizes as the transcode's recount would record them (storage-usage.test.ts checks that recount).
    for (const [source, processed] of [
      [3 * MB, 5 * MB],
      [1 * MB, 2 * MB],
    ]) {
      const { id } = await createVideo(t, creator.accessToken, { visibility: 'public' });
      await db
        .updateTable('videos')
        .set({ status: 'ready', source_size_bytes: source, processed_bytes: processed })
        .where('id', '=', id)
        .execute();
    }

    const page = await browser.newPage();
    await signInThroughUi(page, admin, '/admin/analytics');
    const row = page.getByRole('row', { name: new RegExp(creator.user.username) });
    await row.waitFor();
    assert.equal(await row.locator('[data-label="Videos"]').textContent(), '2');
    assert.equal(await row.locator('[data-label="Sources"]').textContent(), '4.0 MB');
    assert.equal(await row.locator('[data-label="Processed"]').textContent(), '7.0 MB');
    assert.equal(await row.locator('[data-label="Total"]').textContent(), '11 MB');
    const split = await page.locator('.analytics-card', { hasText: 'Sources · processed' }).textContent();
    assert.match(split ?? '', /4\.0 MB · 7\.0 MB/, 'only this creator has stored anything');
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      true,
      'no sideways scrolling at 390 px',
    );
    await screenshot(page, 'platform-analytics-phone');
    assert.deepEqual(browser.pageErrors, []);
  });
});
