// Live streaming in Chromium: a synthetic RTMP stream (ffmpeg lavfi with a burned-in clock) plays
// live through hls.js; two browsers on two API instances chat (each instance has its own chat rooms;
// they share the database and the pub/sub: in memory on this one-process setup, Redis when
// REDIS_URL is set; PostgreSQL when DATABASE_URL is set, else PGlite); a toxic message is held and only its author sees it; the stream ends, the
// recording becomes a ready video and the chat replays with its playback. The creator's studio shows
// the RTMP URL and a key shown once; the live page works at 390 px with the chat below the player.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { buildApp, type App } from '../../src/app.ts';
import { createServices } from '../../src/modules/services.ts';
import { createMetricsRegistry } from '../../src/platform/observability/metrics.ts';
import type { LiveIngest } from '../../src/modules/live/ingest/live-ingest.ts';
import { pushTestStream } from '../../src/modules/live/live-test-support.ts';
import { bearer, json, registerUser } from '../support/app.ts';
import { eventually } from '../support/eventually.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { e2eDatabaseKind, screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

describe(`live streaming in Chromium on ${e2eDatabaseKind()}${process.env.REDIS_URL ? ' with Redis' : ''}`, () => {
  let t: WebTestApp;
  let second: App;
  let secondUrl: string;
  let ingest: LiveIngest;
  let rtmpPort: number;
  let browserA: TestBrowser;
  let browserB: TestBrowser;

  before(async () => {
    // PostgreSQL (and Redis) when the environment has them, as in CI; PGlite otherwise.
    t = await startWebTestApp({ LIVE_RTMP_PORT: '0', LIVE_RECONNECT_GRACE_SECONDS: '1' }, e2eDatabaseKind());
    // A second API instance on the same database and pub/sub, with chat rooms of its own.
    // Its own metrics registry, as a separate process would have.
    const platformB = { ...t.platform, metrics: createMetricsRegistry() };
    second = await buildApp(platformB, createServices(platformB));
    await second.listen({ port: 0, host: '127.0.0.1' });
    secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    ingest = t.services.live.createIngest();
    rtmpPort = await ingest.start('127.0.0.1');
    [browserA, browserB] = await Promise.all([
      launchBrowser(t.baseUrl),
      launchBrowser(secondUrl, { width: 390, height: 844 }),
    ]);
  });
  after(async () => {
    await browserA?.close();
    await browserB?.close();
    await ingest?.close();
    await second?.close();
    await t?.close();
  });

  const messageIn = (page: Page, region: string, text: string) =>
    page.getByRole('complementary', { name: region }).locator('.chat-message', { hasText: text });

  test('OBS-style push plays live, chat crosses instances, toxic is held, the recording replays the chat', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const alice = await registerUser(t.app);
    const bob = await registerUser(t.app);

    // Studio: the RTMP URL and a new key shown once.
    const studio = await browserA.newPage();
    await signInThroughUi(studio, creator, '/studio/live');
    await studio.getByRole('button', { name: 'Create a stream key' }).click();
    const key = (await studio.getByTestId('new-stream-key').textContent())!.trim();
    assert.match(key, /^live_/);
    assert.match((await studio.getByTestId('rtmp-url').textContent())!, /^rtmp:\/\//);
    await studio.getByLabel('Stream title').fill('Synthetic clock');
    await studio.getByRole('button', { name: 'Schedule' }).click();
    await studio.waitForURL('**/live/*');
    const streamId = studio.url().split('/live/')[1]!;
    await studio.close();

    // The viewers wait on the page; it turns live by itself when the encoder connects.
    const pageA = await browserA.newPage();
    await signInThroughUi(pageA, alice, `/live/${streamId}`);
    const pageB = await browserB.newPage();
    await signInThroughUi(pageB, bob, `/live/${streamId}`);
    await pageA.getByText('Waiting for the encoder to connect…').waitFor();

    const encoder = pushTestStream(`rtmp://127.0.0.1:${rtmpPort}/live/${key}`, 40);

    // hls.js plays the live playlist: time advances, and the LIVE badge shows the delay.
    await pageA.getByTestId('live-badge').waitFor({ timeout: 30_000 });
    await pageA.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 1, undefined, {
      timeout: 40_000,
    });
    await pageA.getByText(/s behind live/).waitFor();
    await pageB.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, {
      timeout: 40_000,
    });

    // Chat across the two instances, both directions.
    await pageA.getByRole('button', { name: 'Send' }).and(pageA.locator(':enabled')).waitFor();
    await pageB.getByRole('button', { name: 'Send' }).and(pageB.locator(':enabled')).waitFor();
    await pageA.getByLabel('Chat message').fill('Hello from instance A');
    await pageA.getByRole('button', { name: 'Send' }).click();
    await messageIn(pageB, 'Live chat', 'Hello from instance A').waitFor();
    await pageB.getByLabel('Chat message').fill('Hi A, this is B');
    await pageB.getByRole('button', { name: 'Send' }).click();
    await messageIn(pageA, 'Live chat', 'Hi A, this is B').waitFor();
    await eventually('both viewers to be counted', async () =>
      (await pageA.getByTestId('viewer-count').textContent())?.startsWith('2') ? true : undefined,
    );

    // A toxic message from B is held: B sees it marked as held, A never sees it.
    await pageB.getByLabel('Chat message').fill('you are a stupid idiot, shut up you moron');
    await pageB.getByRole('button', { name: 'Send' }).click();
    await messageIn(pageB, 'Live chat', 'held for review').waitFor();
    await pageA.getByLabel('Chat message').fill('Still here');
    await pageA.getByRole('button', { name: 'Send' }).click();
    await messageIn(pageB, 'Live chat', 'Still here').waitFor();
    assert.equal(await messageIn(pageA, 'Live chat', 'idiot').count(), 0, 'others never see a held message');
    await screenshot(pageA, 'live-page-desktop');
    await screenshot(pageB, 'live-page-phone', { scale: 'css' });

    // At 390 px the chat sits below the player.
    const playerBox = (await pageB.locator('.live-player video').boundingBox())!;
    const chatBox = (await pageB.getByRole('complementary', { name: 'Live chat' }).boundingBox())!;
    assert.ok(chatBox.y >= playerBox.y + playerBox.height - 1, 'the chat is below the player on a phone');
    assert.ok(chatBox.width <= 390, 'the chat fits the phone');

    // The stream ends; the recording is processed into a ready video; the page turns into its replay.
    assert.equal(await encoder.exited, 0);
    const ready = await eventually(
      'the recording to be ready',
      async () => {
        const stream = json(await t.app.inject({ method: 'GET', url: `/api/v1/live/streams/${streamId}` })).data;
        return stream.status === 'ready' ? stream : undefined;
      },
      120_000,
    );
    const video = json(
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/videos/${ready.videoId}`,
        headers: bearer(creator.accessToken),
      }),
    ).data;
    assert.equal(video.status, 'ready');
    await pageA.reload();
    await pageA.getByRole('complementary', { name: 'Chat replay' }).waitFor();
    await messageIn(pageA, 'Chat replay', 'Hello from instance A').waitFor({ timeout: 40_000 });
    const shownAt = await pageA.evaluate(() => document.querySelector('video')!.currentTime);
    const replay = json(await t.app.inject({ method: 'GET', url: `/api/v1/live/streams/${streamId}/chat/replay` }))
      .data as Array<{
      body: string;
      offsetMs: number;
    }>;
    const hello = replay.find((message) => message.body === 'Hello from instance A')!;
    assert.ok(shownAt * 1000 >= hello.offsetMs, 'a replayed message appears once playback reaches its offset');
    assert.equal(await messageIn(pageA, 'Chat replay', 'idiot').count(), 0);
    await screenshot(pageA, 'live-chat-replay');
    assert.deepEqual(browserA.pageErrors, []);
  });
});
