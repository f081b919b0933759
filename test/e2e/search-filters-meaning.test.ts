// A filter chosen on the search page applies to the meaning side of an "All" search too: a paraphrase
// finds two repair videos, and picking a category keeps only the one in it. With DATABASE_URL set this
// runs on PostgreSQL, where the in-process vector index answers and the filter is checked on the
// search projection (vector-store.ts); on PGlite pgvector answers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { insertAnalysedVideos } from '../../src/modules/intelligence/analysed-catalogue-test-support.ts';
import { LECTURE_TOPICS } from '../support/spoken-lecture.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { e2eDatabaseKind, screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

const sentences = (name: string) => LECTURE_TOPICS.find((topic) => topic.name === name)!.sentences;
const timed = (texts: string[]) =>
  texts.map((text, index) => ({ startSeconds: index * 4, endSeconds: index * 4 + 4, text }));

describe('search filters with meaning in Chromium', { timeout: 300_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let workshop: string;
  let roadside: string;

  before(async () => {
    t = await startWebTestApp({}, e2eDatabaseKind());
    [workshop, roadside] = (await insertAnalysedVideos(t, [
      { title: 'Workshop Saturday', description: 'Repairs.', segments: timed(sentences('bicycle')) },
      { title: 'Roadside stop', description: 'On the way.', segments: timed(sentences('bicycle')) },
      { title: 'Night sky', description: 'Astronomy for everyone.', segments: timed(sentences('planets')) },
    ])) as [string, string, string];
    const db = t.platform.database.db;
    await sql`update videos set category = 'education' where id = ${workshop}`.execute(db);
    await sql`update videos set category = 'travel' where id = ${roadside}`.execute(db);
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const shown = () =>
    page.locator('.search-result').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-video-id')));

  test('a paraphrase finds both repair videos; choosing a category keeps the one in it', async () => {
    await page.goto(`/search?q=${encodeURIComponent('mending a punctured cycle')}`);
    assert.equal(await page.getByRole('tab', { name: 'All' }).getAttribute('aria-selected'), 'true');
    await page.locator(`.search-result[data-video-id="${roadside}"]`).waitFor();
    const unfiltered = await shown();
    assert.ok(unfiltered.includes(workshop) && unfiltered.includes(roadside), JSON.stringify(unfiltered));

    await page.getByLabel('Category').selectOption('travel');
    await page.waitForURL(/category=travel/);
    await page.locator(`.search-result[data-video-id="${workshop}"]`).waitFor({ state: 'detached' });
    assert.deepEqual(await shown(), [roadside]);
    assert.equal(await page.getByRole('status').innerText(), '1 result');
    await screenshot(page, 'search-all-with-category');
  });
});
