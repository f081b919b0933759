// The AI face of the site in Chromium, on one spoken lecture (flite + ffmpeg) analysed for real offline:
// captions, chapters, transcript, Ask, search inside transcripts, the studio's transcript editor and
// the admin's moderation queue. UPDATE_DOC_SCREENSHOTS=1 also writes docs/images/*.png.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { makeLectureVideo } from '../support/lecture-fixture.ts';
import { attachSource, createVideo, waitFor } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { playbackState, seekBy, startPlayback, waitForPlayback } from './support/player.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';

type Account = Awaited<ReturnType<typeof registerUser>>;
interface Segment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

const DOCS_IMAGES = new URL('../../docs/images/', import.meta.url).pathname;
async function docScreenshot(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  if (!process.env.UPDATE_DOC_SCREENSHOTS) return;
  await mkdir(DOCS_IMAGES, { recursive: true });
  await page.screenshot({ path: join(DOCS_IMAGES, `${name}.png`), fullPage: true });
}

describe('the AI pages in Chromium', { timeout: 900_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let creator: Account;
  let videoId: string;
  let segments: Segment[];
  let chapters: { title: string; startSeconds: number }[];

  const api = (method: 'GET' | 'POST', url: string, token?: string, payload?: object) =>
    t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-ai-'));
    t = await startWebTestApp();
    creator = await registerUser(t.app, { role: 'creator' });
    const lecture = await makeLectureVideo(fixtures);
    videoId = (
      await createVideo(t, creator.accessToken, {
        title: 'Weekend skills',
        description: 'One lesson, several practical topics.\n0:06 Where the second topic starts',
        tags: ['lesson'],
      })
    ).id;
    await attachSource(t, videoId, lecture.path);
    // Transcoding, then the whole offline analysis: transcript, captions, chapters, embeddings.
    await waitFor(
      'the analysis',
      async () => {
        const status = await api('GET', `/api/v1/videos/${videoId}/analysis`, creator.accessToken);
        return status.statusCode === 200 && json(status).data.state === 'done' ? true : undefined;
      },
      600_000,
      1000,
    );
    segments = json(await api('GET', `/api/v1/videos/${videoId}/transcript`)).data.segments;
    chapters = json(await api('GET', `/api/v1/videos/${videoId}`)).data.insights.chapters;
    assert.ok(chapters.length >= 3, `chapters: ${JSON.stringify(chapters)}`);
    const pointer = await api('POST', '/api/v1/comments', creator.accessToken, {
      videoId,
      text: 'The part at 0:09 is the one to watch',
    });
    assert.equal(pointer.statusCode, 201, pointer.body);
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
    await signInThroughUi(page, creator, `/watch/${videoId}`);
    await startPlayback(page);
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test('captions: the CC menu lists the English track and a cue is drawn over the video', async () => {
    await page.getByRole('button', { name: 'Captions (off)' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Captions (on)' }).waitFor();
    const player = await playbackState(page);
    if (player.paused) await page.getByRole('button', { name: 'Play', exact: true }).click();
    const cue = page.locator('.captions-overlay .caption-cue').first();
    await cue.waitFor({ timeout: 30_000 });
    assert.ok((await cue.innerText()).trim().length > 0);
    const colours = await cue.evaluate((element) => ({
      color: getComputedStyle(element).color,
      background: getComputedStyle(element).backgroundColor,
    }));
    assert.equal(colours.color, 'rgb(255, 255, 255)');
    assert.match(colours.background, /rgba\(0, 0, 0, 0\.8\)/);
    assert.equal(await page.evaluate(() => localStorage.getItem('streamhub.captions')), 'en');
  });

  test('chapters: marks on the seek bar; a chapter, a timestamp in the description and one in a comment seek there', async () => {
    const marks = page.locator('.seek-bar .seek-chapter-mark');
    assert.ok((await marks.count()) >= 2, `${await marks.count()} chapter marks`);
    const third = chapters[2]!;
    const chapterButton = page.getByRole('button', {
      name: new RegExp(third.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    });
    await seekBy(page, 'the seek to the chapter', third.startSeconds, 1, () => chapterButton.first().click());
    await page.locator('.current-chapter', { hasText: third.title }).waitFor();
    // A timestamp the creator wrote in the description is a link that seeks there too.
    const written = page.locator('.description').getByRole('link', { name: '0:06' });
    await seekBy(page, 'the seek to 0:06 in the description', 6, 1, () => written.click());
    // So is one in a comment (the comments load once their section nears the screen).
    await page.locator('section.comments').scrollIntoViewIfNeeded();
    const pointed = page.locator('.comment-text').getByRole('link', { name: '0:09' });
    await seekBy(page, 'the seek to 0:09 in a comment', 9, 1, () => pointed.click());
  });

  test('transcript: clicking a line moves currentTime there, and the search box filters', async () => {
    await page.getByRole('tab', { name: 'Transcript' }).click();
    const lines = page.locator('.transcript-line');
    await lines.first().waitFor();
    assert.equal(await lines.count(), segments.length);
    const target = segments[Math.min(6, segments.length - 1)]!;
    const line = lines.nth(Math.min(6, segments.length - 1));
    await seekBy(page, 'the seek to the transcript line', target.startSeconds, 1, () => line.click());
    await page.locator('.transcript-line.active').waitFor();
    await page.getByLabel('Search the transcript').fill('planet');
    await page.locator('.transcript-line mark').first().waitFor();
    assert.ok((await lines.count()) < segments.length);
    await docScreenshot(page, 'watch-transcript');
  });

  test('Ask: the answer streams over SSE with timestamp links that seek the player', async () => {
    await page.getByRole('tab', { name: 'Ask this video' }).click();
    await page.getByLabel('Ask about this video').fill('How do you find the hole in the tube?');
    const streamed = page.waitForResponse((response) => response.url().includes('/ask/stream'));
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const response = await streamed;
    assert.match(response.headers()['content-type'] ?? '', /text\/event-stream/);
    await page.locator('.ask-answer-text').waitFor();
    await page.locator('.ask-mode', { hasText: 'best matching passage' }).waitFor();
    const link = page.locator('.ask-passages .passage-time').first();
    const href = await link.getAttribute('href');
    const seconds = Number(/[?&]t=(\d+)/.exec(href ?? '')?.[1]);
    assert.ok(Number.isFinite(seconds), `passage link ${href}`);
    await seekBy(page, 'the seek to the passage', seconds, 1, () => link.click());
    await docScreenshot(page, 'watch-ask');

    // On a 390 px phone (issue 20's layout) the panels become buttons opening bottom sheets
    // (pages/watch/PhoneAiSheets.tsx) and the summary and chapters sit in the folded description:
    // nothing is wider than the column, and the Ask sheet fits the screen.
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.getByRole('button', { name: /^Description/ }).click();
      const column = (await page.locator('.watch-title').boundingBox())!;
      for (const selector of ['.watch-sheet-buttons', '.video-insights']) {
        const box = await page.locator(selector).boundingBox();
        assert.ok(
          box && box.x >= column.x - 1 && box.x + box.width <= column.x + column.width + 1,
          `${selector} fits the column: ${JSON.stringify(box)} in ${JSON.stringify(column)}`,
        );
      }
      await page.getByRole('button', { name: 'Ask this video', exact: true }).click();
      const ask = (await page.locator('.ask-panel').boundingBox())!;
      assert.ok(ask.x >= 0 && ask.x + ask.width <= 391, `the Ask sheet fits 390 px: ${JSON.stringify(ask)}`);
      await screenshot(page, 'watch-phone');
      await page.getByRole('dialog', { name: 'Ask this video' }).getByRole('button', { name: 'Close' }).click();
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  test('search: a spoken phrase finds the video with its transcript line, which opens the watch page at that second', async () => {
    await page.goto(`/search?q=${encodeURIComponent('inner tube')}`);
    const line = page.locator(`.search-result[data-video-id="${videoId}"] .search-transcript-line a`);
    await line.waitFor();
    assert.match(await line.innerText(), /tube/i);
    const href = (await line.getAttribute('href'))!;
    const seconds = Number(/t=(\d+)/.exec(href)?.[1]);
    assert.equal(await page.getByRole('tab', { name: 'All' }).getAttribute('aria-selected'), 'true');
    await docScreenshot(page, 'search-transcript-hits');
    await line.click();
    await page.waitForURL(new RegExp(`/watch/${videoId}\\?t=${seconds}$`));
    // Where the first stretch played began, not where the playhead is now: the video plays on.
    const state = await waitForPlayback(page, 'the start at ?t=', (now) => now.playedFrom !== null);
    assert.ok(Math.abs(state.playedFrom! - seconds) < 1, `started at ${state.playedFrom}, not ${seconds}`);
  });

  test('studio: a bad line is refused next to it; an edit then reaches the captions and search', async () => {
    await page.goto(`/studio/${videoId}/ai`);
    await page.locator('.analysis-state', { hasText: 'Done' }).waitFor();
    // Line 3 starting at 0 breaks the time order: the server's error shows on line 3.
    const start3 = page.locator('[data-segment-index="2"]').getByLabel('Start', { exact: true });
    const original = await start3.inputValue();
    await start3.fill('0:00');
    await page.getByRole('button', { name: 'Save transcript' }).click();
    const row3 = page.locator('[data-segment-index="2"]');
    await row3.locator('.field-error', { hasText: 'time order' }).waitFor();
    await start3.fill(original);
    await page
      .getByRole('textbox', { name: 'Text of line 1', exact: true })
      .fill('Welcome aboard the zeppelin kitchen where we bake bread at home.');
    await page.getByRole('button', { name: 'Save transcript' }).click();
    await page.locator('.form-success', { hasText: 'captions, chapters and search now follow' }).waitFor();
    await docScreenshot(page, 'studio-ai');

    const vtt = await api('GET', `/media/videos/${videoId}/hls/subs/en.vtt`);
    assert.match(vtt.body, /zeppelin kitchen/);
    // The captions a viewer sees now: a fresh load (the VTT may be cached for up to a minute).
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    // ?t=0: from the first line, not from where this viewer stopped.
    await page.goto(`/watch/${videoId}?t=0`);
    await startPlayback(page);
    await page.getByRole('button', { name: 'Captions (on)' }).waitFor();
    await page.locator('.caption-cue', { hasText: 'zeppelin' }).waitFor({ timeout: 30_000 });

    await page.goto(`/search?q=zeppelin`);
    await page
      .locator(`.search-result[data-video-id="${videoId}"] .search-transcript-line`, { hasText: 'zeppelin' })
      .waitFor();
  });

  test('moderation: a held comment shows "held" to its author; an admin approves it and it appears on the watch page', async () => {
    const author = await registerUser(t.app);
    const text = 'You are a f*cking idiot, delete your channel';
    const posted = await api('POST', '/api/v1/comments', author.accessToken, { videoId, text });
    assert.equal(posted.statusCode, 201, posted.body);
    const commentId = json(posted).data.id as string;
    await waitFor(
      'the comment to be held',
      async () => {
        const moderation = await api('GET', `/api/v1/comments/${commentId}/moderation`, author.accessToken);
        return moderation.statusCode === 200 && json(moderation).data.status === 'pending' ? true : undefined;
      },
      60_000,
      250,
    );

    await signOutThroughUi(page, creator.user.username);
    await signInThroughUi(page, author, `/watch/${videoId}`);
    const mine = page.locator(`[data-comment-id="${commentId}"]`);
    await page.getByRole('region', { name: 'Comments' }).scrollIntoViewIfNeeded();
    await mine.locator('.held-badge', { hasText: 'Held for review' }).waitFor();
    await signOutThroughUi(page, author.user.username);

    const admin = await registerUser(t.app);
    await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
    await signInThroughUi(page, admin, '/admin/moderation');
    const card = page.locator('.moderation-case', { hasText: text });
    await card.waitFor();
    assert.match(await card.innerText(), /toxicity/);
    await docScreenshot(page, 'admin-moderation');
    await card.getByLabel('Note for this decision').fill('Strong words, but allowed here');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    await page.goto('/admin/ai');
    await page.locator('.usage-totals').waitFor();
    await page.locator('.provider-chain code', { hasText: 'local:pocketsphinx-en-us' }).waitFor();
    await docScreenshot(page, 'admin-ai-usage');
    await signOutThroughUi(page, admin.user.username);

    await page.goto(`/watch/${videoId}`);
    await page.getByRole('region', { name: 'Comments' }).scrollIntoViewIfNeeded();
    await page.locator(`[data-comment-id="${commentId}"]`, { hasText: 'delete your channel' }).waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });
});
