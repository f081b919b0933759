// The whole journey in real Chromium: register, upload through the UI, watch it really play, switch
// quality, like, comment and reply, find it by search, subscribe as a second person, and resume.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { startPlayback, waitForPlayback } from './support/player.ts';
import { registerThroughUi, signOutThroughUi } from './support/accounts.ts';

const CLIP_SECONDS = 12;
const TITLE = 'Kestrel hovering over the dunes';

describe('web journey in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let clip: string;
  let videoId: string;
  let creatorName: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-'));
    [t, clip] = await Promise.all([startWebTestApp(), makeLandscapeClip(fixtures, CLIP_SECONDS)]);
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test('a visitor registers a channel', async () => {
    creatorName = await registerThroughUi(page, { creator: true });
    await page.getByRole('button', { name: `Account menu for ${creatorName}` }).waitFor();
  });

  test('uploads a clip through the UI and watches processing progress until it is ready', async () => {
    await page.getByRole('link', { name: 'Upload' }).click();
    await page.locator('input[type=file]').setInputFiles(clip);
    await page.getByLabel('Title').fill(TITLE);
    await page.getByLabel('Description').fill('A kestrel holds still in the wind above the sand.');
    await page.getByLabel('Tags (comma-separated)').fill('birds, dunes');
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    await page.getByText('Upload complete').waitFor({ timeout: 30_000 });
    await page.getByRole('progressbar', { name: 'Processing progress' }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'upload-processing');
    await page.getByText('Your video is ready.').waitFor({ timeout: 120_000 });
    await page.getByRole('link', { name: 'Watch it' }).click();
    await page.waitForURL(/\/watch\//);
    videoId = page.url().split('/watch/')[1]!;
  });

  test('the video starts by itself (the viewer clicked their way here) and really plays', async () => {
    await page.getByRole('heading', { name: TITLE }).waitFor();
    const playing = await waitForPlayback(
      page,
      'playback to advance',
      (state) => state.currentTime > 1 && state.totalVideoFrames > 0,
    );
    assert.equal(playing.error, null);
    assert.equal(await page.locator('.player-error').count(), 0);
    await screenshot(page, 'watch');
  });

  test('switching quality plays the chosen rung', async () => {
    const quality = page.getByLabel('Quality');
    const rungs = await quality
      .locator('option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter((value) => value !== '-1'),
      );
    assert.ok(rungs.length >= 2, `expected a ladder of at least two rungs, got ${rungs.length}`);
    const labels = await quality.locator('option').allTextContents();
    // Choose the lowest rung: the one auto is least likely to be playing already.
    const lowest = labels.find((label) => /^\d+p$/.test(label))!;
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await page.locator('.player').press('0');
    await quality.selectOption({ label: lowest });
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    const state = await waitForPlayback(
      page,
      `the ${lowest} rung`,
      (current) => current.videoHeight === Number.parseInt(lowest, 10) && !current.paused,
    );
    assert.equal(state.error, null);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
  });

  test('likes the video optimistically, and the like is saved', async () => {
    const like = page.getByRole('button', { name: /like/ });
    assert.equal(await like.getAttribute('aria-pressed'), 'false');
    const answered = page.waitForResponse((response) => response.url().endsWith(`/videos/${videoId}/like`));
    await like.click();
    assert.equal(await like.getAttribute('aria-pressed'), 'true');
    await page.locator('.like-count', { hasText: '1 like' }).waitFor();
    assert.equal((await answered).status(), 200);
    const saved = await page.evaluate(async (id) => {
      const tokens = JSON.parse(localStorage.getItem('streamhub.session')!) as { accessToken: string };
      const response = await fetch(`/api/v1/videos/${id}`, {
        headers: { authorization: `Bearer ${tokens.accessToken}` },
      });
      return ((await response.json()) as { data: { hasLiked: boolean } }).data.hasLiked;
    }, videoId);
    assert.equal(saved, true);
  });

  test('comments and replies to the comment', async () => {
    await page.getByLabel('Add a comment').fill('The hover at 0:05 is unreal');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const comment = page.locator('.comment', { hasText: 'The hover at 0:05 is unreal' }).first();
    await comment.waitFor();
    await comment.getByRole('button', { name: 'Reply' }).click();
    await page.getByLabel(`Reply to ${creatorName}`).fill('Thanks, it took an hour of waiting');
    await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await page.locator('.replies .comment', { hasText: 'Thanks, it took an hour of waiting' }).waitFor();
    await screenshot(page, 'watch-comments');
  });

  test('search finds the video, from autocomplete and on the results page', async () => {
    const search = page.getByRole('combobox', { name: 'Search videos' });
    await search.fill('kestr');
    await page.getByRole('option', { name: new RegExp(TITLE) }).waitFor();
    await search.press('Enter');
    await page.waitForURL(/\/search\?q=kestr/);
    await page.locator(`.search-result[data-video-id="${videoId}"]`).waitFor();
    await screenshot(page, 'search');
  });

  test('the Studio lists the video with its status and numbers; the library keeps the history', async () => {
    await page.goto('/studio');
    const row = page.locator(`tr[data-video-id="${videoId}"]`);
    await row.waitFor();
    assert.equal(await row.locator('.status').innerText(), 'ready');
    assert.match(await row.innerText(), new RegExp(TITLE));
    await screenshot(page, 'studio');
    await page.goto('/library/history');
    await page.locator(`.video-card[data-video-id="${videoId}"]`).waitFor();
    await screenshot(page, 'library-history');
    await page.goto('/library/liked');
    await page.locator(`.video-card[data-video-id="${videoId}"]`).waitFor();
  });

  test('a second person subscribes and finds the video in the subscriptions feed', async () => {
    await signOutThroughUi(page, creatorName);
    await registerThroughUi(page, { creator: false });
    await page.goto(`/watch/${videoId}`);
    await page.getByRole('link', { name: creatorName }).first().click();
    await page.getByRole('heading', { name: creatorName }).waitFor();
    await screenshot(page, 'channel');
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('button', { name: 'Subscribed' }).waitFor();
    await page.locator('.subscriber-count', { hasText: '1 subscriber' }).waitFor();

    await page.getByRole('link', { name: 'Subscriptions' }).click();
    // Fan-out runs as a job: the feed may need a moment after subscribing.
    await waitForFeed(page, videoId);
    await screenshot(page, 'subscriptions');
  });

  test('reloading the watch page resumes at the saved position', async () => {
    await page.goto(`/watch/${videoId}`);
    await startPlayback(page);
    await waitForPlayback(page, 'playback to start', (state) => state.currentTime > 0.5);
    // "6" jumps to 60% of the video, then "k" pauses, which saves the position.
    await page.locator('.player').press('6');
    const saved = page.waitForResponse(
      (response) => response.url().endsWith(`/videos/${videoId}/progress`) && response.request().method() === 'PUT',
    );
    await page.locator('.player').press('k');
    const position = (await (await saved).json()).data.progress.positionSeconds as number;
    assert.ok(position > CLIP_SECONDS * 0.5, `saved position ${position}`);

    await page.reload();
    await page.getByText(/Resumed at/).waitFor();
    // Waiting at the position, or, when it starts by itself, where it started playing: on a busy
    // machine the clip may have played on (or to its end) before a poll sees it.
    await waitForPlayback(
      page,
      `the player to start at ${position} s`,
      (state) => Math.abs((state.playedFrom ?? state.currentTime) - position) < 1,
    );
    await startPlayback(page);
    const resumed = await waitForPlayback(
      page,
      'playback from the resume point',
      (state) => state.currentTime > position + 0.5,
    );
    assert.equal(resumed.error, null);
    assert.deepEqual(browser.pageErrors, []);
  });
});

async function waitForFeed(page: Page, videoId: string): Promise<void> {
  const card = page.locator(`.video-card[data-video-id="${videoId}"]`);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    if (await card.count()) return;
    await page.waitForTimeout(500);
    await page.reload();
    await page.getByRole('heading', { name: 'Subscriptions' }).waitFor();
  }
  await card.waitFor({ timeout: 1000 });
}
