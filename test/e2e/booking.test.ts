// Live class booking in Chromium. A creator schedules a paid one-seat class in the studio (a new live
// stream at a chosen time); a learner on a 390 px phone books, watches the hold count down, pays with
// the fake provider's good card and is confirmed; a second learner joins the waitlist, is offered the
// seat when the first cancels (refunded), and a declined card releases it again. The creator sees the
// attendees; "My bookings" lists what happened. No page scrolls sideways on the phone.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi, signOutThroughUi } from './support/accounts.ts';
import { datetimeLocalValue } from './support/datetime-input.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe('live class booking in Chromium', () => {
  let t: WebTestApp;
  let desktop: TestBrowser;
  let phone: TestBrowser;

  before(async () => {
    t = await startWebTestApp();
    [desktop, phone] = await Promise.all([
      launchBrowser(t.baseUrl),
      launchBrowser(t.baseUrl, { width: 390, height: 844 }),
    ]);
  });
  after(async () => {
    await desktop?.close();
    await phone?.close();
    await t?.close();
  });

  const assertFitsWidth = async (page: Page, what: string) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${what} overflows the screen by ${overflow} px`);
  };

  test('schedule, book, hold, pay, waitlist, cancel with refund, declined card, attendees', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const ann = await registerUser(t.app);
    const bob = await registerUser(t.app);

    // The creator schedules a one-seat paid class on a new stream.
    const studio = await desktop.newPage();
    await signInThroughUi(studio, creator, '/studio/classes');
    await studio.getByLabel('Class title').fill('Knots for sailors');
    await studio.getByLabel('Starts at').fill(datetimeLocalValue(new Date(Date.now() + 2 * 86_400_000)));
    await studio.getByLabel('Seats').fill('1');
    await studio.getByLabel('Price (USD, 0 for free)').fill('5');
    await studio.getByRole('button', { name: 'Schedule class' }).click();
    await studio.getByRole('link', { name: 'Knots for sailors' }).click();
    await studio.waitForURL('**/classes/*');
    const classPath = new URL(studio.url()).pathname;
    await studio.getByText('1 of 1 seats left').waitFor();

    // Ann, on a phone, books: the seat is held with a countdown; she pays and is confirmed.
    const annPage = await phone.newPage();
    await signInThroughUi(annPage, ann, classPath);
    await annPage.getByRole('button', { name: 'Book a seat' }).click();
    const timer = annPage.getByRole('timer', { name: 'Seat held for' });
    await timer.waitFor();
    assert.match((await timer.textContent())!, /^[45]:\d\d$/);
    await assertFitsWidth(annPage, 'the class page with a held seat');
    await screenshot(annPage, 'booking-held-390', { scale: 'css' });
    await annPage.getByRole('button', { name: /Pay .*5\.00 and confirm/ }).click();
    await annPage.getByText('You are booked: seat 1.').waitFor();
    await annPage.getByText('0 of 1 seats left').waitFor();

    // Bob finds the class full and joins the waitlist.
    await signOutThroughUi(studio, creator.user.username);
    await signInThroughUi(studio, bob, classPath);
    await studio.getByRole('button', { name: 'Join the waitlist' }).click();
    await studio.getByText('You are number 1 on the waitlist').waitFor();

    // Ann cancels before the cut-off: refunded, and the seat is offered to Bob to pay for.
    await annPage.getByRole('button', { name: 'Cancel booking' }).click();
    await annPage
      .getByRole('button', { name: 'Book a seat' })
      .or(annPage.getByRole('button', { name: 'Join the waitlist' }))
      .waitFor();
    await studio.reload();
    await studio.getByRole('timer', { name: 'Seat held for' }).waitFor();
    await studio.getByLabel('Test card (fake payment provider)').selectOption('tok_decline');
    await studio.getByRole('button', { name: /Pay .* and confirm/ }).click();
    await studio
      .getByRole('alert')
      .getByText(/declined; the seat was released/)
      .waitFor();
    await studio.getByText('1 of 1 seats left').waitFor();

    // My bookings: Ann's cancelled and refunded seat.
    await annPage.goto('/bookings');
    const row = annPage.locator('.booking-row', { hasText: 'Knots for sailors' });
    await row.getByText(/Cancelled/).waitFor();
    await row.getByText(/refunded/).waitFor();
    await assertFitsWidth(annPage, 'my bookings');

    // Ann books again, pays; the creator sees her in the attendees.
    await annPage.goto(classPath);
    await annPage.getByRole('button', { name: 'Book a seat' }).click();
    await annPage.getByRole('button', { name: /Pay .* and confirm/ }).click();
    await annPage.getByText('You are booked: seat 1.').waitFor();
    await signOutThroughUi(studio, bob.user.username);
    await signInThroughUi(studio, creator, '/studio/classes');
    await studio.getByRole('button', { name: 'Attendees' }).click();
    const attendees = studio.getByRole('table', { name: 'Attendees' });
    await attendees.getByRole('row', { name: new RegExp(`${ann.user.username}.*Confirmed · paid`) }).waitFor();
    assert.deepEqual(phone.pageErrors.concat(desktop.pageErrors), []);
  });
});
