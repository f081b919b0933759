// Search results show the transcript line a spoken word matched, with its time, in every mode:
// "Exact words" (keyword search over transcripts) and "Meaning" (a paraphrase), linking to that second.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { insertAnalysedVideos } from '../../src/modules/intelligence/analysed-catalogue-test-support.ts';
import { LECTURE_TOPICS } from '../support/spoken-lecture.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

const sentences = (name: string) => LECTURE_TOPICS.find((topic) => topic.name === name)!.sentences;
const timed = (texts: string[]) =>
  texts.map((text, index) => ({ startSeconds: index * 4, endSeconds: index * 4 + 4, text }));

describe('search results with transcript lines in Chromium', { timeout: 300_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let ids: string[];

  before(async () => {
    t = await startWebTestApp();
    ids = await insertAnalysedVideos(t, [
      { title: 'Workshop Saturday', description: 'Repairs.', segments: timed(sentences('bicycle')) },
      { title: 'Night sky', description: 'Astronomy for everyone.', segments: timed(sentences('planets')) },
    ]);
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('"Exact words" finds a word only spoken, showing the line and linking to its second', async () => {
    await page.goto('/search?q=bubbles&mode=keyword');
    const line = page.locator(`.search-result[data-video-id="${ids[0]}"] .search-transcript-line a`);
    await line.waitFor();
    assert.match(await line.innerText(), /0:12.*bubbles/s);
    assert.equal(await line.getAttribute('href'), `/watch/${ids[0]}?t=12`);
    assert.equal(await page.getByRole('tab', { name: 'Exact words' }).getAttribute('aria-selected'), 'true');
    await screenshot(page, 'search-keyword-transcript-line');
  });

  test('"Meaning" finds a paraphrase and shows the closest line, also at 390 px', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    try {
      await page.goto(`/search?q=${encodeURIComponent('orbiting worlds around our star')}&mode=semantic`);
      const first = page.locator('.search-result').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-video-id'), ids[1]);
      const line = first.locator('.search-transcript-line a');
      assert.match((await line.getAttribute('href'))!, new RegExp(`/watch/${ids[1]}\\?t=\\d+$`));
      const box = (await line.boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 391, `the line fits 390 px: ${JSON.stringify(box)}`);
      await screenshot(page, 'search-meaning-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });
});
