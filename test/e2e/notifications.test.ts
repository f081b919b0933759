// Browser check of notifications: A subscribes to B through the UI; B's upload is processed for real;
// A's bell shows it live and its link opens the video; a reply to A's comment rings the bell again;
// the daily digest (every few seconds here) arrives in the mail table, and its unsubscribe link works.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';
import { signInThroughUi } from './support/accounts.ts';

describe('notifications in Chromium', () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let clip: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-notify-'));
    // A digest every 4 seconds instead of daily, so the test sees one go out.
    [t, clip] = await Promise.all([
      startWebTestApp({ NOTIFICATION_DIGEST_SECONDS: '4' }),
      makeLandscapeClip(fixtures, 2),
    ]);
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const api = async (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
    json(await t.app.inject({ method, url: `/api/v1${url}`, headers: bearer(token), ...(payload ? { payload } : {}) }))
      .data;
  const bell = (unread: number) =>
    page.getByRole('button', { name: unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`, exact: true });

  test("the bell rings for a subscribed channel's upload and for a reply; the digest mail unsubscribes", async () => {
    const viewer = await registerUser(t.app);
    const creator = await registerUser(t.app, { role: 'creator' });

    await signInThroughUi(page, viewer, `/channel/${creator.user.id}`);
    await page.getByRole('button', { name: 'Subscribe', exact: true }).click();
    await page.getByRole('button', { name: 'Subscribed', exact: true }).waitFor();
    await bell(0).waitFor();

    // B uploads: the real processing job makes it ready, and the notification follows from the event.
    const video = await createVideo(t, creator.accessToken, { title: 'Garden tour', visibility: 'public' });
    await attachSource(t, video.id, clip);
    assert.equal((await waitForOutcome(t, creator.accessToken, video.id)).status, 'ready');
    const readyAt = Date.now();
    await bell(1).waitFor({ timeout: 15_000 });
    const latencyMs = Date.now() - readyAt;
    assert.ok(latencyMs < 10_000, `the bell showed the upload ${latencyMs} ms after it was ready`);

    await bell(1).click();
    const dropdown = page.getByRole('dialog', { name: 'Recent notifications' });
    const item = dropdown.getByRole('link', { name: new RegExp(`${creator.user.username} uploaded: Garden tour`) });
    await item.waitFor();
    assert.ok(
      (await dropdown.locator('img.notification-thumb').count()) >= 1,
      "the notification wears the video's thumbnail",
    );
    await screenshot(page, 'notifications-dropdown');
    await item.click();
    await page.waitForURL(`**/watch/${video.id}`);
    await page.locator('video').waitFor();
    await bell(0).waitFor();

    // A comments; B replies; the bell rings again without a reload.
    const mine = await api('POST', '/comments', viewer.accessToken, {
      videoId: video.id,
      text: 'Lovely garden, which roses are those?',
    });
    await api('POST', `/comments/${mine.id}/reply`, creator.accessToken, { text: 'Those are old English roses' });
    await bell(1).waitFor({ timeout: 15_000 });
    await bell(1).click();
    await dropdown.getByRole('link', { name: new RegExp(`${creator.user.username} replied to your comment`) }).click();
    // The link leads to the comment's thread on the watch page, scrolled to and highlighted.
    await page.waitForURL(`**/watch/${video.id}?comment=${mine.id}`);
    await page.locator(`.comment.notification-target[data-comment-id="${mine.id}"]`).waitFor();
    await bell(0).waitFor();

    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications' }).waitFor();
    // The heading shows before the list has loaded: wait for the items, then count them.
    await page.locator('.notification-item').nth(1).waitFor();
    assert.equal(await page.locator('.notification-item').count(), 2);

    // Replies default to the digest: the next digest run mails them, with a signed unsubscribe link.
    const digest = await eventually(
      'the digest mail',
      async () =>
        t.platform.database.db
          .selectFrom('mail_messages')
          .selectAll()
          .where('to_address', '=', viewer.user.email)
          .where('subject', 'like', 'Your StreamHub digest%')
          .executeTakeFirst(),
      20_000,
    );
    assert.match(digest.text_body, /replied to your comment/);
    assert.match(digest.headers['List-Unsubscribe'] ?? '', /^<http.*\/api\/v1\/notifications\/unsubscribe\?/);
    const link = new URL(/Stop digest mails with one click: (\S+)/.exec(digest.text_body)![1]!);

    // The settings page: per kind delivery, and per channel all or none.
    await page.goto('/settings/notifications');
    const replies = page.getByLabel('Replies to your comments');
    assert.equal(await replies.inputValue(), 'mail_digest');
    await replies.selectOption('mail_immediate');
    await eventually('the preference to be saved', async () => {
      const saved = (await api('GET', '/notifications/preferences', viewer.accessToken)) as {
        kind: string;
        delivery: string;
      }[];
      return saved.find((preference) => preference.kind === 'comment.reply')?.delivery === 'mail_immediate'
        ? true
        : undefined;
    });
    const channel = page.getByLabel(creator.user.username, { exact: true });
    assert.equal(await channel.inputValue(), 'all');
    await channel.selectOption('none');
    await eventually('the channel switch to be saved', async () =>
      ((await api('GET', '/me/subscriptions', viewer.accessToken)) as { notificationsEnabled: boolean }[])[0]
        ?.notificationsEnabled === false
        ? true
        : undefined,
    );
    await screenshot(page, 'notification-settings');

    // Opened as a person would from the mail, signed out.
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByText('Stop mails for every notification mail?').waitFor();
    await page.getByRole('button', { name: 'Unsubscribe' }).click();
    await page.getByRole('status').filter({ hasText: 'You are unsubscribed' }).waitFor();
    await screenshot(page, 'notifications-unsubscribed');
    const preferences = (await api('GET', '/notifications/preferences', viewer.accessToken)) as {
      kind: string;
      delivery: string;
    }[];
    assert.ok(
      preferences.every((preference) => !preference.delivery.startsWith('mail_')),
      JSON.stringify(preferences),
    );

    // A tampered link is refused on the page too.
    link.searchParams.set('kind', 'comment.reply');
    await page.goto(`${link.pathname}${link.search}`);
    await page.getByRole('alert').filter({ hasText: 'not valid' }).waitFor();
  });
});
