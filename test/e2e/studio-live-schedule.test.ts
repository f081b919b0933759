// A viewer opens a channel from the Go live page, announces a stream with a description and a start
// time, and viewers see the countdown, the date and the description; on a phone the page fits.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { datetimeLocalValue } from './support/datetime-input.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe('scheduling a live stream in Chromium', () => {
  let t: WebTestApp;
  let desktop: TestBrowser;
  let phone: TestBrowser;
  let page: Page;
  let account: Awaited<ReturnType<typeof registerUser>>;

  before(async () => {
    t = await startWebTestApp();
    [desktop, phone] = await Promise.all([
      launchBrowser(t.baseUrl),
      launchBrowser(t.baseUrl, { width: 390, height: 844 }),
    ]);
    page = await desktop.newPage();
    account = await registerUser(t.app);
  });
  after(async () => {
    await desktop?.close();
    await phone?.close();
    await t?.close();
  });

  test('a viewer is offered a channel before the Go live page, and gets it in one click', async () => {
    await signInThroughUi(page, account, '/studio/live');
    await page.getByRole('heading', { name: 'Open your channel to go live' }).waitFor();
    assert.equal(await page.getByLabel('Stream title').count(), 0, 'no form the API would refuse');
    await page.getByRole('button', { name: 'Open my channel' }).click();
    await page.getByRole('heading', { name: 'Go live' }).waitFor();
    await page.getByText('No streams yet').waitFor();
  });

  test('a start time in the past is refused before anything is sent', async () => {
    await page.getByLabel('Stream title').fill('Too late');
    await page.getByLabel('Starts at (optional)').fill(datetimeLocalValue(new Date(Date.now() - 3600_000)));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('alert').filter({ hasText: 'Pick a start time in the future' }).waitFor();
    assert.match(page.url(), /\/studio\/live$/);
  });

  test('a stream announced for tomorrow shows its countdown, date and description to viewers', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    tomorrow.setHours(10, 0, 0, 0);
    await page.getByLabel('Stream title').fill('Sourdough, start to finish');
    await page.getByLabel('Description (optional)').fill('We shape and bake two loaves.\nBring questions!');
    await page.getByLabel('Starts at (optional)').fill(datetimeLocalValue(tomorrow));
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.waitForURL('**/live/*');
    const streamId = page.url().split('/live/')[1]!;

    await page.getByRole('heading', { name: 'Sourdough, start to finish' }).waitFor();
    await page.getByText('We shape and bake two loaves.').waitFor();
    const timer = await page.getByRole('timer').innerText();
    assert.match(timer, /^Starts in (1 day )?\d{1,2}:\d\d:\d\d$/);
    const weekday = tomorrow.toLocaleDateString('en-US', { weekday: 'long' });
    await page.locator('.live-countdown').getByText(weekday).waitFor();
    await screenshot(page, 'live-scheduled');

    // A signed-out visitor sees the same announcement.
    const visitor = await phone.newPage();
    await visitor.goto(`/live/${streamId}`);
    await visitor.getByRole('timer').waitFor();
    await visitor.getByText('Bring questions!').waitFor();

    // The Studio lists it with its time.
    await page.goto('/studio/live');
    const row = page.locator('.studio-streams li', { hasText: 'Sourdough, start to finish' });
    await row.getByText(/scheduled for/).waitFor();
  });

  test('on a phone the Go live page and its form fit the screen', async () => {
    const small = await phone.newPage();
    await signInThroughUi(small, account, '/studio/live');
    await small.getByRole('heading', { name: 'Go live' }).waitFor();
    await small.getByLabel('Starts at (optional)').waitFor();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than the phone`);
    await screenshot(small, 'phone-go-live', { scale: 'css' });
  });

  test('a channel without classes is told so on its classes page', async () => {
    await page.goto('/studio/classes');
    await page.getByText('No classes yet').waitFor();
  });
});
