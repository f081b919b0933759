// Browser checks of the signed-in home page's "For you": cards with their reasons, and "Not interested"
// in a card's menu removing that card (and keeping it away after a reload), on a desktop and a 390 px phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { publishReadyVideo } from '../../src/modules/feeds/feed-test-support.ts';
import { refreshTrending } from '../../src/modules/trending/refresh.ts';
import { launchBrowser, type PhoneDevice } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

const VIDEOS = [
  { title: 'Comets explained in ten minutes', category: 'science' },
  { title: 'Tide pools at low water', category: 'science' },
  { title: 'Bread without kneading', category: 'howto' },
  { title: 'A walk through the old harbour', category: 'travel' },
];

describe('"For you" on the home page in Chromium', () => {
  let t: WebTestApp;

  before(async () => {
    t = await startWebTestApp({ TRENDING_CACHE_SECONDS: '0' });
    const creators = [await registerUser(t.app, { role: 'creator' }), await registerUser(t.app, { role: 'creator' })];
    for (const [index, video] of VIDEOS.entries()) {
      const creator = creators[index % 2]!;
      const id = await publishReadyVideo(t, { id: creator.user.id, token: creator.accessToken }, video);
      await sql`insert into trending_activity (video_id, bucket, views) values (${id}, now(), ${100 - index})`.execute(
        t.platform.database.db,
      );
    }
    await refreshTrending(t.platform.database.db, t.services.trendingStore);
  });
  after(async () => {
    await t?.close();
  });

  const card = (page: Page, title: string) => page.locator('.video-card', { hasText: title });

  async function hideThroughMenu(page: Page, title: string): Promise<void> {
    await page.getByRole('button', { name: `More actions for ${title}` }).click();
    await page.getByRole('menuitem', { name: 'Not interested' }).click();
    await card(page, title).waitFor({ state: 'detached' });
    await page.getByRole('status').getByText(`Hidden: ${title}`).waitFor();
  }

  async function checkForYou(phone: PhoneDevice | undefined, hiddenTitle: string, name: string): Promise<void> {
    const browser = await launchBrowser(t.baseUrl, phone);
    try {
      const viewer = await registerUser(t.app);
      const page = await browser.newPage();
      await signInThroughUi(page, viewer, '/');
      await page.getByRole('heading', { name: 'For you', level: 1 }).waitFor();
      await card(page, VIDEOS[0]!.title).getByText('Popular in Science').waitFor();
      for (const video of VIDEOS) await card(page, video.title).waitFor();
      if (phone) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${phone.width} px (${overflow} px too wide)`);
      }

      await hideThroughMenu(page, hiddenTitle);
      await screenshot(page, `for-you-${name}`, { fullPage: false, scale: 'css' });
      const marks = await t.platform.database.db
        .selectFrom('recommendation_not_interested')
        .select('video_id')
        .where('user_id', '=', viewer.user.id)
        .execute();
      assert.equal(marks.length, 1, 'the server knows');

      await page.reload();
      await card(page, VIDEOS[0]!.title === hiddenTitle ? VIDEOS[1]!.title : VIDEOS[0]!.title).waitFor();
      assert.equal(await card(page, hiddenTitle).count(), 0, 'still hidden after a reload');
      assert.deepEqual(browser.pageErrors, []);
    } finally {
      await browser.close();
    }
  }

  test('a desktop viewer sees reasons and hides a video with "Not interested"', async () => {
    await checkForYou(undefined, VIDEOS[2]!.title, 'desktop');
  });

  test('the same on a 390 px phone', async () => {
    await checkForYou({ width: 390, height: 844, deviceScaleFactor: 3 }, VIDEOS[0]!.title, 'phone-390');
  });
});
