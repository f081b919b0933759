// The analytics loop in Chromium: a viewer plays a real HLS video, seeks and pauses; the player's
// batches go through the ingest API, the buffer, the raw table and the rollup job; then the creator's
// Studio shows the view, the watch time and a retention curve with the skipped part.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { attachSource, createVideo, waitFor, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';
import { startPlayback, waitForPlayback } from './support/player.ts';

const CLIP_SECONDS = 20;

describe("analytics in Chromium: playing, seeking and pausing reach the creator's Studio", () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let videoId: string;
  let creator: Awaited<ReturnType<typeof registerUser>>;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-analytics-'));
    // A rollup every 2 s instead of every minute, so the test does not wait for the production period.
    t = await startWebTestApp({ ANALYTICS_ROLLUP_SECONDS: '2' });
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
    creator = await registerUser(t.app, { role: 'creator' });
    const video = await createVideo(t, creator.accessToken, { title: 'Retention test clip', visibility: 'public' });
    await attachSource(t, video.id, await makeLandscapeClip(fixtures, CLIP_SECONDS));
    const processed = await waitForOutcome(t, creator.accessToken, video.id, 180_000);
    assert.equal(processed.status, 'ready', JSON.stringify(processed));
    videoId = video.id;
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    if (fixtures) await rm(fixtures, { recursive: true, force: true });
  });

  test('an anonymous viewer plays, seeks and pauses; the player reports it in batches', async () => {
    const batches: Request[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/v1/analytics/events')) batches.push(request);
    });
    // The watch page of a plain upload asks nothing the API answers with an error (each would be a
    // failed request in the viewer's console).
    const failedApiCalls: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400 && new URL(response.url()).pathname.startsWith('/api/'))
        failedApiCalls.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`/watch/${videoId}`);
    await startPlayback(page);
    await waitForPlayback(page, 'five seconds of playback', (state) => state.currentTime > 5);
    // A small step forward while playing, like the player's own step over a gap in the buffer: not a seek.
    await page.locator('video').evaluate((video: HTMLVideoElement) => {
      video.currentTime += 0.5;
    });
    // "6" jumps to 60 % of the video: 30–60 % is skipped.
    await page.locator('.player').press('6');
    await waitForPlayback(page, 'playing after the seek', (state) => state.currentTime > CLIP_SECONDS * 0.6 + 2);
    const sent = page.waitForRequest((request) => request.url().endsWith('/api/v1/analytics/events'));
    await page.locator('.player').press('k');
    await sent;
    assert.ok(batches.length >= 1);
    // Beacon bodies are not visible to the test: read what reached the raw table instead.
    const types = await waitFor(
      'the batches to reach the raw events',
      async () => {
        const rows = await t.platform.database.db
          .selectFrom('analytics_events')
          .select('type')
          .distinct()
          .where('video_id', '=', videoId)
          .execute();
        const seen = rows.map((row) => row.type as string);
        return ['play', 'heartbeat', 'seek', 'pause'].every((type) => seen.includes(type)) ? seen : undefined;
      },
      20_000,
    );
    assert.ok(types.includes('pause'));
    assert.deepEqual(browser.pageErrors, []);
    assert.deepEqual(failedApiCalls, []);
  });

  test("the creator's Studio shows the view, the watch time and the retention curve", async () => {
    // Where the viewer really seeked from and paused: on a loaded machine the key press lands seconds
    // after the playhead passed 5 s, so the expected curve and watch time follow the recorded events.
    const events = await t.platform.database.db
      .selectFrom('analytics_events')
      .select(['type', 'from_seconds', 'position_seconds'])
      .where('video_id', '=', videoId)
      .where('type', 'in', ['seek', 'pause'])
      .orderBy('occurred_at')
      .execute();
    const seekedTo = CLIP_SECONDS * 0.6;
    // One seek: the viewer's, to 60 %. The small step forward (and any step the player took over a gap
    // in the buffer, or to where the playhead already was) is not one.
    const seeks = events.filter((event) => event.type === 'seek');
    assert.equal(seeks.length, 1, `seeks recorded: ${JSON.stringify(seeks)}`);
    const viewersSeek = seeks[0]!;
    assert.ok(Math.abs(Number(viewersSeek.position_seconds) - seekedTo) < 1, 'the seek landed at 60 %');
    const seekedFrom = Number(viewersSeek.from_seconds);
    const pausedAt = Number(events.findLast((event) => event.type === 'pause')?.position_seconds);
    assert.ok(seekedFrom < seekedTo - 2, `the seek left from ${seekedFrom} s, too close to ${seekedTo} s to see a gap`);
    // A viewer subscribes with the watch page's button: the video is credited with the subscriber.
    const fan = await registerUser(t.app);
    await signInThroughUi(page, fan, `/watch/${videoId}`);
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByRole('button', { name: 'Subscribed' }).waitFor();
    await signOutThroughUi(page, fan.user.username);
    await signInThroughUi(page, creator, '/studio/analytics');
    const views = page.getByTestId('card-views');
    // The rollup runs every 2 s; reload until the view has gone through the whole pipeline.
    for (let attempt = 0; attempt < 30; attempt += 1) {
      await views.waitFor();
      if ((await views.locator('.analytics-card-value').textContent()) === '1') break;
      await page.waitForTimeout(1000);
      await page.reload();
    }
    assert.equal(await views.locator('.analytics-card-value').textContent(), '1');
    const watch = await page.getByTestId('card-watch-time').locator('.analytics-card-value').textContent();
    assert.match(watch ?? '', /^\d+ s$/);
    const seconds = Number.parseInt(watch!, 10);
    const played = seekedFrom + (pausedAt - seekedTo);
    assert.ok(
      Math.abs(seconds - played) <= 3,
      `watch time ${watch}: ${seekedFrom} s before the seek, ${pausedAt - seekedTo} s after`,
    );
    await page.getByRole('heading', { name: 'Real time' }).waitFor();
    await page.locator('.analytics-chart .uplot').waitFor(); // the lazily loaded chart chunk rendered
    await screenshot(page, 'studio-analytics');

    await page.getByRole('link', { name: 'Retention test clip' }).first().click();
    const curve = page.getByTestId('retention-curve');
    await curve.waitFor();
    const label = await curve.getAttribute('aria-label');
    // Watched from the start, skipped from the seek to 60 %, watched again after it, left before the end.
    const points = await curve.locator('polyline').getAttribute('points');
    const retention = (points ?? '').split(' ').map((pair) => 100 - Number(pair.split(',')[1]));
    assert.equal(label, `Retention curve: 100 % at the start, ${retention[50]} % at the middle, 0 % at the end`);
    const skipped = Math.round(((seekedFrom + seekedTo) / 2 / CLIP_SECONDS) * 100);
    assert.equal(retention[10], 100, '10 % watched');
    assert.equal(retention[skipped], 0, `${skipped} % skipped`);
    assert.equal(retention[65], 100, '65 % watched after the seek');
    assert.equal(await page.getByTestId('video-views').locator('.analytics-card-value').textContent(), '1');
    assert.equal(await page.getByTestId('video-subscribers').locator('.analytics-card-value').textContent(), '+1');
    await screenshot(page, 'video-analytics');
    assert.deepEqual(browser.pageErrors, []);
  });
});
