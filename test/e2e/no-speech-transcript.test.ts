// A music-only video has no transcript: its creator is told why, not shown an error, and can write
// one (lyrics, sound captions) in the Studio; the written lines become the video's transcript.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { bearer, json, registerUser } from '../support/app.ts';
import { makeMusicVideo } from '../support/sound-fixtures.ts';
import { attachSource, createVideo, waitFor } from '../../src/modules/videos/video-test-support.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe('a video without speech in the Studio, in Chromium', { timeout: 300_000 }, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let page: Page;
  let fixtures: string;
  let creator: Awaited<ReturnType<typeof registerUser>>;
  let videoId: string;

  before(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-no-speech-'));
    t = await startWebTestApp();
    creator = await registerUser(t.app, { role: 'creator' });
    videoId = (await createVideo(t, creator.accessToken, { title: 'Piano loop' })).id;
    await attachSource(t, videoId, await makeMusicVideo(fixtures));
    await waitFor(
      'the analysis',
      async () => {
        const status = await t.app.inject({
          method: 'GET',
          url: `/api/v1/videos/${videoId}/analysis`,
          headers: bearer(creator.accessToken),
        });
        return status.statusCode === 200 && json(status).data.state === 'done' ? true : undefined;
      },
      240_000,
      500,
    );
    browser = await launchBrowser(t.baseUrl);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    await rm(fixtures, { recursive: true, force: true });
  });

  test('the transcript card says no speech was heard and offers to write one, without an error', async () => {
    await signInThroughUi(page, creator, `/studio/${videoId}/ai`);
    const card = page.locator('section[aria-labelledby="transcript-heading"]');
    await card.getByText('No speech detected (music, silence or no sound)').waitFor();
    assert.equal(await card.getByRole('alert').count(), 0, 'no error is shown for a video without speech');
    await screenshot(page, 'studio-no-speech');
  });

  test('the creator writes a line, saves, and it is the transcript from then on', async () => {
    const card = page.locator('section[aria-labelledby="transcript-heading"]');
    await card.getByRole('button', { name: 'Add a line' }).click();
    await card.getByLabel('Start').fill('0:00');
    await card.getByLabel('End').fill('0:04');
    await card.getByLabel('Text of line 1').fill('[soft piano]');
    await card.getByRole('button', { name: 'Save transcript' }).click();
    await card.getByText('Saved: captions, chapters and search now follow this transcript.').waitFor();
    const transcript = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${videoId}/transcript` });
    assert.equal(transcript.statusCode, 200, transcript.body);
    assert.deepEqual(
      json(transcript).data.segments.map((segment: { text: string }) => segment.text),
      ['[soft piano]'],
    );
  });
});
