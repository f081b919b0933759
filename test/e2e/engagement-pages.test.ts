// Browser checks of the watch page's comment actions and playlist saving, and of the discovery pages
// (home, trending) listing a ready video.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { publishReadyVideo } from '../../src/modules/feeds/feed-test-support.ts';
import { refreshTrending } from '../../src/modules/trending/refresh.ts';
import { flushCounters } from '../../src/modules/views/engagement-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';

describe('comment actions and discovery pages in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;

  before(async () => {
    // Rankings are read fresh on every call, so the pages see a refresh made by the test at once.
    t = await startWebTestApp({ TRENDING_CACHE_SECONDS: '0' });
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const api = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    json(await t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) }))
      .data;

  test('a viewer likes, reports, edits and deletes comments, and saves the video to a new playlist', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const viewer = await registerUser(t.app);
    const videoId = await publishReadyVideo(
      t,
      { id: creator.user.id, token: creator.accessToken },
      { title: 'Comment actions clip' },
    );
    const creatorComment = await api('POST', '/comments', creator.accessToken, {
      videoId,
      text: 'Thanks for watching this one, the next video about the garden and the trees is coming very soon',
    });

    await signInThroughUi(page, viewer, `/watch/${videoId}`);
    const theirs = page.locator(`.comment[data-comment-id="${creatorComment.id}"]`);
    await theirs.waitFor();
    assert.equal(await theirs.getByRole('button', { name: 'Edit' }).count(), 0, 'only the author may edit');

    await theirs.getByRole('button', { name: 'Like comment, 0 likes' }).click();
    await theirs.getByRole('button', { name: 'Unlike comment, 1 like' }).waitFor();
    assert.deepEqual((await api('GET', `/comments/${creatorComment.id}`, viewer.accessToken)).hasLiked, true);

    // The comment is already in the browser's language: the API says so instead of translating.
    await theirs.getByRole('button', { name: 'Translate' }).click();
    await theirs.getByText('Already in English').waitFor();

    await theirs.getByRole('button', { name: 'Report' }).click();
    await theirs.getByLabel('Reason').selectOption('harassment');
    await theirs.getByLabel('Details (optional)').fill('Checked from the browser');
    await theirs.getByRole('button', { name: 'Send report' }).click();
    await theirs.getByRole('status').filter({ hasText: 'the moderators will look at this comment' }).waitFor();
    const report = await t.platform.database.db
      .selectFrom('comment_reports')
      .selectAll()
      .where('comment_id', '=', creatorComment.id)
      .where('reporter_id', '=', viewer.user.id)
      .executeTakeFirstOrThrow();
    assert.equal(report.reason, 'harassment');
    assert.equal(report.details, 'Checked from the browser');

    await page.getByLabel('Add a comment').fill('My first take');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    const mine = page.locator('.comment', { hasText: viewer.user.username }).first();
    await mine.getByText('My first take').waitFor();
    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Edit your comment').fill('My second take');
    await mine.getByRole('button', { name: 'Save' }).click();
    await mine.getByText('My second take').waitFor();
    await mine.getByText('(edited)').waitFor();
    const myId = await mine.getAttribute('data-comment-id');
    assert.equal((await api('GET', `/comments/${myId}`, viewer.accessToken)).text, 'My second take');
    await screenshot(page, 'comment-actions');

    await mine.getByRole('button', { name: 'Delete' }).click();
    await mine.getByRole('group', { name: 'Delete comment' }).getByRole('button', { name: 'Delete' }).click();
    await page.locator(`.comment[data-comment-id="${myId}"]`).waitFor({ state: 'detached' });
    assert.equal((await api('GET', `/comments/${myId}`, viewer.accessToken)).isDeleted, true);

    await page.getByRole('button', { name: 'Save to playlist' }).click();
    const panel = page.getByRole('dialog', { name: 'Save to playlist' });
    await panel.getByLabel('New playlist').fill('Keepers');
    await panel.getByRole('button', { name: 'Create and save' }).click();
    await panel.getByRole('button', { name: '✓ Keepers (saved)' }).waitFor();
    const playlists = await api('GET', `/users/${viewer.user.id}/playlists`, viewer.accessToken);
    const keepers = playlists.find((playlist: { title: string }) => playlist.title === 'Keepers');
    const saved = await api('GET', `/playlists/${keepers.id}`, viewer.accessToken);
    assert.deepEqual(
      saved.items.map((item: { video: { id: string } }) => item.video.id),
      [videoId],
    );
    await screenshot(page, 'save-to-playlist');

    // On its page the owner renames it, describes it and makes it private; an empty title is refused beside
    // the field. Then they delete it: the video stays, the list goes.
    await page.goto(`/playlist/${keepers.id}`);
    await page.getByText('1 video · public').waitFor();
    await page.getByRole('button', { name: 'Edit details' }).click();
    const details = page.getByRole('form', { name: 'Playlist details' });
    await details.getByLabel('Title').fill('  ');
    await details.getByRole('button', { name: 'Save' }).click();
    await details.getByText('must not be empty').waitFor();
    await details.getByLabel('Title').fill('Keepers of the dunes');
    await details.getByLabel('Description').fill('Birds that hover.');
    await details.getByLabel('Visibility').selectOption('private');
    await details.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Keepers of the dunes' }).waitFor();
    await page.getByText('1 video · private').waitFor();
    const renamed = await api('GET', `/playlists/${keepers.id}`, viewer.accessToken);
    assert.deepEqual(
      [renamed.playlist.title, renamed.playlist.description, renamed.playlist.visibility],
      ['Keepers of the dunes', 'Birds that hover.', 'private'],
    );
    await page.getByRole('button', { name: 'Delete playlist' }).click();
    await page.getByRole('group', { name: 'Delete playlist' }).getByRole('button', { name: 'Delete' }).click();
    await page.waitForURL(`**/channel/${viewer.user.id}/playlists`);
    const left = await api('GET', `/users/${viewer.user.id}/playlists`, viewer.accessToken);
    assert.equal(
      left.some((playlist: { id: string }) => playlist.id === keepers.id),
      false,
    );
    assert.equal((await api('GET', `/videos/${videoId}`, viewer.accessToken)).id, videoId, 'the video stays');
    await signOutThroughUi(page, viewer.user.username);
  });

  test('home and trending list a ready video that people like', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const fan = await registerUser(t.app);
    const videoId = await publishReadyVideo(
      t,
      { id: creator.user.id, token: creator.accessToken },
      { title: 'Trending in the browser' },
    );
    await api('POST', `/videos/${videoId}/like`, fan.accessToken);
    await flushCounters(t);
    await refreshTrending(t.platform.database.db, t.services.trendingStore);

    await page.goto('/');
    const homeCard = page.locator(`.video-card[data-video-id="${videoId}"]`);
    await homeCard.waitFor();
    // A guest's home page takes turns between trending and fresh uploads (no video twice); each card says which.
    assert.match(await homeCard.locator('.badge').innerText(), /^(Trending|New)$/);
    await page.locator('.video-card .badge', { hasText: 'Trending' }).first().waitFor();
    await screenshot(page, 'home-feed');

    await page.goto('/trending');
    await page.locator(`.video-card[data-video-id="${videoId}"]`).waitFor();
    await page.getByRole('tab', { name: 'This week' }).click();
    await page.waitForURL(/window=week/);
    await page.locator(`.video-card[data-video-id="${videoId}"]`).waitFor();
    await screenshot(page, 'trending');
  });
});
