// Browser check of shared notes: the owner and a study-group editor (on a 390 px phone) type into the same
// note at once on the watch page and see each other's text and carets; the editor goes offline, types,
// and the edits merge when back; a timestamp link seeks the video; a view-only member cannot edit; a
// named version is restored and every editor sees it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { registerUser } from '../support/app.ts';
import { makeLandscapeClip } from '../support/media-fixtures.ts';
import { attachSource, createVideo, waitForOutcome } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { seekBy } from './support/player.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe('shared notes in Chromium', () => {
  let t: WebTestApp;
  let fixtures: string;
  const browsers: TestBrowser[] = [];

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-notes-'));
    t = await startWebTestApp();
  });
  after(async () => {
    for (const browser of browsers) await browser.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  const signedIn = async (account: Awaited<ReturnType<typeof registerUser>>, next: string, phone = false) => {
    const browser = await launchBrowser(t.baseUrl, phone ? { width: 390, height: 844 } : undefined);
    browsers.push(browser);
    const page = await browser.newPage();
    await signInThroughUi(page, account, next);
    return { browser, page };
  };
  const noteText = (page: Page) => page.getByLabel('Note text');
  /** The note's paragraphs without the other editors' caret labels. */
  const paragraphs = (page: Page) =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-label="Note text"] > *')).map((block) => {
        const copy = block.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return copy.textContent ?? '';
      }),
    );
  /** Polls `check` for up to 30 s; the failure shows what `state` says. */
  const waitUntil = async (check: () => Promise<boolean>, state: () => Promise<string>) => {
    for (let attempt = 0; !(await check()); attempt++) {
      if (attempt >= 120) assert.fail(`not converged: ${await state()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  /** `line`'s characters appear in `text` in order (other characters may come between them). */
  const holdsInOrder = (text: string, line: string) => {
    let at = 0;
    for (const char of line) {
      at = text.indexOf(char, at) + 1;
      if (at === 0) return false;
    }
    return true;
  };
  const typeAtEnd = async (page: Page, text: string) => {
    await noteText(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(text);
  };

  test('two editors converge with presence, offline edits merge, timestamps seek, viewers cannot edit, versions restore', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const video = await createVideo(t, creator.accessToken, { visibility: 'public' });
    await attachSource(t, video.id, await makeLandscapeClip(fixtures, 8));
    assert.equal((await waitForOutcome(t, creator.accessToken, video.id)).status, 'ready');
    const [owner, editor, viewer] = [await registerUser(t.app), await registerUser(t.app), await registerUser(t.app)];
    const watch = `/watch/${video.id}`;

    const a = await signedIn(owner, watch);
    await a.page.getByRole('button', { name: 'Start my notes' }).click();
    await noteText(a.page).waitFor();
    await a.page.getByText('Live', { exact: true }).waitFor();
    await typeAtEnd(a.page, 'Owner line');

    // Study-group links, edit and view.
    await a.page.getByRole('button', { name: 'Share' }).click();
    await a.page.getByRole('button', { name: 'Create edit link' }).click();
    const editLink = await a.page.getByLabel('Invitation link').inputValue();
    await a.page.getByRole('button', { name: 'Create view link' }).click();
    await a.page.waitForFunction(
      (previous) => (document.querySelector('[aria-label="Invitation link"]') as HTMLInputElement).value !== previous,
      editLink,
    );
    const viewLink = await a.page.getByLabel('Invitation link').inputValue();
    await a.page.getByRole('button', { name: 'Close' }).click();

    // The editor joins on a phone and both type at once.
    const b = await signedIn(editor, new URL(editLink).pathname, true);
    await b.page.waitForURL(`**${watch}`);
    await noteText(b.page).getByText('Owner line').waitFor();
    // Each opens its own new line (one after the other), then both type at once.
    await noteText(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.keyboard.press('Enter');
    await waitUntil(
      async () => (await paragraphs(b.page)).length === (await paragraphs(a.page)).length,
      async () => JSON.stringify(await paragraphs(b.page)),
    );
    await noteText(b.page).click();
    await b.page.keyboard.press('Control+End');
    await b.page.keyboard.press('Enter');
    await Promise.all([a.page.keyboard.type('Owner types more'), b.page.keyboard.type('Editor line')]);
    // Both pages converge on one text holding every keystroke of both. Typing at the same spot at once
    // may interleave the two lines (each editor's cursor follows the other's inserts), so each line is
    // looked for as its characters in order, not as one run.
    const lines = ['Owner line', 'Owner types more', 'Editor line'];
    const converged = async () => {
      const [onA, onB] = [await paragraphs(a.page), await paragraphs(b.page)];
      const text = onA.join('\n');
      return JSON.stringify(onA) === JSON.stringify(onB) && lines.every((line) => holdsInOrder(text, line));
    };
    await waitUntil(converged, async () => JSON.stringify([await paragraphs(a.page), await paragraphs(b.page)]));
    // Presence: each sees the other's name, and the other's caret label in the text.
    await a.page.getByLabel('Who is here').getByText(editor.user.username).waitFor();
    await b.page.getByLabel('Who is here').getByText(owner.user.username).waitFor();
    await a.page.locator('.collaboration-carets__label', { hasText: editor.user.username }).waitFor();
    const width = await b.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 390, `the phone page scrolls sideways (${width}px)`);
    await screenshot(b.page, 'notes-phone');

    // Offline and back: the edit made offline reaches the owner.
    await b.browser.context.setOffline(true);
    await b.page.getByText('Offline — edits are kept').waitFor({ timeout: 15_000 });
    await typeAtEnd(b.page, 'Written offline');
    await b.browser.context.setOffline(false);
    await noteText(a.page).getByText('Written offline').waitFor({ timeout: 30_000 });

    // A timestamp at 0:04 seeks the player there when clicked.
    await a.page.locator('video.player-video').evaluate(async (element: HTMLVideoElement) => {
      if (element.readyState < 1)
        await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
      element.currentTime = 4;
    });
    await noteText(a.page).click();
    await a.page.keyboard.press('Control+End');
    await a.page.getByRole('button', { name: 'Insert timestamp' }).click();
    const stamp = noteText(b.page).locator('a.note-timestamp', { hasText: '0:04' });
    await stamp.waitFor();
    await b.page.locator('video.player-video').evaluate(async (element: HTMLVideoElement) => {
      if (element.readyState < 1)
        await new Promise((resolve) => element.addEventListener('loadedmetadata', resolve, { once: true }));
      element.currentTime = 0;
    });
    await seekBy(b.page, "the seek to the note's 0:04", 4, 0.6, () => stamp.click());

    // A view-only member sees the text but cannot change it.
    const c = await signedIn(viewer, new URL(viewLink).pathname);
    await c.page.waitForURL(`**${watch}`);
    await waitUntil(
      async () => JSON.stringify(await paragraphs(c.page)) === JSON.stringify(await paragraphs(a.page)),
      async () => JSON.stringify(await paragraphs(c.page)),
    );
    await c.page.getByText('View only').waitFor();
    assert.equal(await noteText(c.page).getAttribute('contenteditable'), 'false');
    await noteText(c.page).click();
    await c.page.keyboard.type('viewer scribble');
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.doesNotMatch(await noteText(a.page).innerText(), /viewer scribble/);
    // The viewer sees the others' carets too.
    await c.page.getByLabel('Who is here').getByText(owner.user.username).waitFor();

    // A named version, an edit after it, then restore: the edit goes for everyone.
    await a.page.getByRole('button', { name: 'History' }).click();
    await a.page.getByLabel('Version name').fill('Before cleanup');
    await a.page.getByRole('button', { name: 'Save version' }).click();
    await a.page.getByRole('button', { name: 'Restore Before cleanup' }).waitFor();
    await typeAtEnd(a.page, 'Added after the version');
    await noteText(b.page).getByText('Added after the version').waitFor();
    await a.page.getByRole('button', { name: 'View' }).click();
    await a.page.getByLabel('Past version').getByText('Owner line').waitFor();
    await a.page.getByRole('button', { name: 'Restore Before cleanup' }).click();
    await b.page.waitForFunction(
      () => !document.querySelector('[aria-label="Note text"]')!.textContent!.includes('Added after the version'),
    );
    await noteText(b.page).getByText('Written offline').waitFor();
    assert.deepEqual(
      browsers.flatMap((browser) => browser.pageErrors),
      [],
    );
  });
});
