// Focused browser checks: login errors, an upload that is not a video, and the virtualised comment list.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { makeFixture } from '../support/media-fixtures.ts';
import { createReadyVideo } from '../../src/modules/views/engagement-test-support.ts';
import { createVideo } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { registerThroughUi, signInThroughUi, signOutThroughUi } from './support/accounts.ts';

const SEEDED_COMMENTS = 10_000;
const MAX_COMMENT_NODES = 200;

describe('focused pages in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-'));
    t = await startWebTestApp();
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test("login shows the API's field errors inline, then its refusal, then signs in", async () => {
    const account = await registerUser(t.app);
    await page.goto('/login?next=/library/history');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const email = page.getByLabel('Email or username');
    const password = page.getByLabel('Password');
    await page.locator('.field-error').first().waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.equal(await password.getAttribute('aria-invalid'), 'true');
    assert.match(await page.locator('.form-field', { has: email }).locator('.field-error').innerText(), /required/);
    await screenshot(page, 'login-errors');

    await email.fill(account.user.email);
    await password.fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.form-error', { hasText: 'Email or password is incorrect' }).waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), null);

    await password.fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/library\/history$/);
    await signOutThroughUi(page, account.user.username);
  });

  test('the theme switches between dark and light from the keyboard and stays after a reload', async () => {
    await page.goto('/');
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    const before = await theme();
    const toggle = page.getByRole('button', { name: /Switch to (light|dark) theme/ });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const after = await theme();
    assert.notEqual(after, before);
    await page.reload();
    assert.equal(await theme(), after);
    await screenshot(page, `home-${after}`);
  });

  test('uploading a file that is not a video ends with a clear message', async () => {
    const notes = await makeFixture('textAsMp4', fixtures);
    const username = await registerThroughUi(page, { creator: true });
    await page.goto('/upload');
    await page.locator('input[type=file]').setInputFiles(notes);
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    const message = page.locator('.upload-error');
    await message.waitFor({ timeout: 30_000 });
    assert.match(await message.innerText(), /not a video or audio file|no video or audio/i);
    assert.match(await page.locator('.upload-phase').innerText(), /Upload failed/);
    await screenshot(page, 'upload-invalid-file');
    await signOutThroughUi(page, username);
  });

  test('an admin finds an account, makes it a creator and bans it', async () => {
    const admin = await registerUser(t.app);
    await sql`update users set role = 'admin' where id = ${admin.user.id}`.execute(t.platform.database.db);
    const member = await registerUser(t.app);
    await signInThroughUi(page, admin, '/admin/users');
    await page.waitForURL(/\/admin\/users$/);
    await page.getByLabel('Find a user').fill(member.user.username);
    // The list narrows once the typing settles (debounced): only the member is left.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    const row = page.locator('tbody tr', { hasText: member.user.username });
    await row.waitFor();
    await row.getByLabel(`Role of ${member.user.username}`).selectOption('creator');
    await row.getByRole('button', { name: 'Ban' }).click();
    await row.getByRole('button', { name: 'Unban' }).waitFor();
    await screenshot(page, 'admin-users');
    const stored = await t.platform.database.db
      .selectFrom('users')
      .select(['role', 'banned_at'])
      .where('id', '=', member.user.id)
      .executeTakeFirstOrThrow();
    assert.equal(stored.role, 'creator');
    assert.notEqual(stored.banned_at, null);
    await page.getByRole('tab', { name: 'Failed jobs' }).click();
    await page.getByText('No failed jobs.').waitFor();
    await signOutThroughUi(page, admin.user.username);
  });

  test("a playlist's owner reorders it with the move buttons", async () => {
    const owner = await registerUser(t.app, { role: 'creator' });
    const { db } = t.platform.database;
    const titles = ['First clip', 'Second clip', 'Third clip'];
    const videoIds: string[] = [];
    for (const title of titles) {
      const video = await createVideo(t, owner.accessToken, { title });
      await sql`update videos set status = 'ready', duration_seconds = 30 where id = ${video.id}`.execute(db);
      videoIds.push(video.id);
    }
    const playlist = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/playlists',
        headers: bearer(owner.accessToken),
        payload: { title: 'Road trip' },
      }),
    ).data;
    for (const videoId of videoIds) {
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/playlists/${playlist.id}/videos`,
        headers: bearer(owner.accessToken),
        payload: { videoId },
      });
    }

    await signInThroughUi(page, owner, `/playlist/${playlist.id}`);
    await page.getByRole('heading', { name: 'Road trip' }).waitFor();
    await page.getByRole('button', { name: 'Move First clip down' }).click();
    // The list is read again from the server after the move.
    await page.waitForFunction(
      () => document.querySelector('.playlist-items li .video-title')?.textContent === 'Second clip',
    );
    await screenshot(page, 'playlist');
    const stored = json(
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/playlists/${playlist.id}`,
        headers: bearer(owner.accessToken),
      }),
    ).data;
    assert.deepEqual(
      stored.items.map((item: any) => item.video.title),
      ['Second clip', 'First clip', 'Third clip'],
    );
    await signOutThroughUi(page, owner.user.username);
  });

  test('10,000 comments scroll through a virtualised list that keeps the DOM small', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const videoId = await createReadyVideo(t, creator.accessToken);
    const { db } = t.platform.database;
    await sql`insert into comments (video_id, user_id, text, created_at, updated_at)
      select ${videoId}, ${creator.user.id}, 'Seeded comment number ' || n, now() - n * interval '1 second', now()
      from generate_series(1, ${SEEDED_COMMENTS}) as n`.execute(db);
    await sql`update videos set comment_count = ${SEEDED_COMMENTS} where id = ${videoId}`.execute(db);

    await page.goto(`/watch/${videoId}`);
    await page.getByRole('heading', { name: '10K comments' }).waitFor();
    await page.locator('.comment').first().waitFor();

    let mostNodes = 0;
    let lastIndex = -1;
    let stalled = 0;
    // Scroll to the end over and over: each time the list loads its next page and renders only what is near the viewport.
    while (lastIndex < SEEDED_COMMENTS - 1 && stalled < 50) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForTimeout(60);
      const seen = await page.evaluate(() => ({
        nodes: document.querySelectorAll('.comment').length,
        last: Math.max(
          -1,
          ...Array.from(document.querySelectorAll<HTMLElement>('.comment-row'), (row) => Number(row.dataset.index)),
        ),
      }));
      mostNodes = Math.max(mostNodes, seen.nodes);
      stalled = seen.last > lastIndex ? 0 : stalled + 1;
      lastIndex = Math.max(lastIndex, seen.last);
    }
    assert.equal(lastIndex, SEEDED_COMMENTS - 1, 'scrolled through every comment');
    assert.ok(mostNodes > 0 && mostNodes < MAX_COMMENT_NODES, `at most ${mostNodes} comment nodes in the DOM`);
    const lastRow = page.locator(`.comment-row[data-index="${SEEDED_COMMENTS - 1}"] .comment-text`);
    assert.match(await lastRow.innerText(), /^Seeded comment number \d+$/);
    await screenshot(page, 'comments-virtualised', { fullPage: false });
  });
});
