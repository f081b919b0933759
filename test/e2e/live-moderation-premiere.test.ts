// Live pages in Chromium beyond the stream itself: the creator's time-out, ban and delete buttons on
// chat messages (the viewer's messages disappear and their next send is refused); a premiere counts
// down before its start and, once started, plays from the wall clock (a viewer arriving 2 minutes in
// starts 2 minutes in); and a recorded stream's chat replays on the video's own watch page, each
// message appearing when playback reaches its offset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccounts, readyVideo } from '../../src/modules/channels/channel-test-support.ts';
import { TestChatClient } from '../../src/modules/live/live-test-support.ts';
import { videoKeys } from '../../src/modules/videos/storage-keys.ts';
import { ffmpegPath } from '../../src/platform/media/ffmpeg-binary.ts';
import { bearer, json, registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { e2eDatabaseKind, screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

const VIDEO_SECONDS = 180;

describe(`live moderation, premieres and chat replay in Chromium on ${e2eDatabaseKind()}`, () => {
  let t: WebTestApp;
  let browser: TestBrowser;
  let hlsDir: string;

  before(async () => {
    t = await startWebTestApp({}, e2eDatabaseKind());
    browser = await launchBrowser(t.baseUrl);
    // A small playable HLS video (160x90, a keyframe every 2 s) long enough to start 2 minutes in.
    hlsDir = mkdtempSync(join(tmpdir(), 'premiere-hls-'));
    const made = spawnSync(ffmpegPath(), [
      ...[
        '-hide_banner',
        '-loglevel',
        'error',
        '-f',
        'lavfi',
        '-i',
        `testsrc=size=160x90:rate=10:duration=${VIDEO_SECONDS}`,
      ],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '20', '-pix_fmt', 'yuv420p'],
      ...[
        '-f',
        'hls',
        '-hls_time',
        '6',
        '-hls_playlist_type',
        'vod',
        '-hls_segment_filename',
        join(hlsDir, 'seg_%03d.ts'),
      ],
      join(hlsDir, 'index.m3u8'),
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
  });
  after(async () => {
    await browser?.close();
    await t?.close();
    if (hlsDir) rmSync(hlsDir, { recursive: true, force: true });
  });

  /** A ready video of the creator whose HLS is the generated clip. */
  async function playableVideo(creator: { id: string; token: string }): Promise<string> {
    const id = await readyVideo(t, creator);
    const keys = videoKeys(id);
    for (const file of readdirSync(hlsDir))
      await t.platform.storage.putFile(`${keys.hls}/v0/${file}`, join(hlsDir, file));
    await t.platform.storage.putObject(
      keys.masterPlaylist,
      Buffer.from(
        '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x90,CODECS="avc1.42c00c"\nv0/index.m3u8\n',
      ),
    );
    await t.platform.database.db
      .updateTable('videos')
      .set({ master_playlist_key: keys.masterPlaylist, duration_seconds: VIDEO_SECONDS })
      .where('id', '=', id)
      .execute();
    return id;
  }

  const chatLine = (page: import('playwright-core').Page, region: string, text: string) =>
    page.getByRole('complementary', { name: region }).locator('.chat-message', { hasText: text });

  test('the creator deletes a message, times a viewer out and bans another from the chat', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const viewer = await registerUser(t.app);
    const other = await registerUser(t.app);
    const stream = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/live/streams',
        headers: bearer(creator.accessToken),
        payload: { title: 'Moderated' },
      }),
    ).data;
    const wsUrl = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/live/streams/${stream.id}/chat`;
    const viewerSocket = new TestChatClient(wsUrl);
    const otherSocket = new TestChatClient(wsUrl);
    for (const [socket, account] of [
      [viewerSocket, viewer],
      [otherSocket, other],
    ] as const) {
      await socket.waitFor((frame) => frame.type === 'ready', 'ready');
      socket.send({ type: 'auth', token: account.accessToken });
      await socket.waitFor((frame) => frame.type === 'authenticated', 'authenticated');
    }
    const page = await browser.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    await signInThroughUi(page, creator, `/live/${stream.id}`);
    await page.getByRole('button', { name: 'Send' }).and(page.locator(':enabled')).waitFor();

    viewerSocket.send({ type: 'send', body: 'a rude remark', ref: 'v1' });
    viewerSocket.send({ type: 'send', body: 'another line from the viewer', ref: 'v2' });
    otherSocket.send({ type: 'send', body: 'spam spam spam', ref: 'o1' });
    await chatLine(page, 'Live chat', 'spam spam spam').waitFor();
    // The creator's own messages have no time-out or ban button.
    await page.getByLabel('Chat message').fill('Welcome everyone');
    await page.getByRole('button', { name: 'Send' }).click();
    const own = chatLine(page, 'Live chat', 'Welcome everyone');
    await own.waitFor();
    assert.equal(await own.getByRole('button', { name: /Time out|Ban/ }).count(), 0);
    await screenshot(page, 'live-chat-moderation');

    await chatLine(page, 'Live chat', 'a rude remark').getByRole('button', { name: 'Delete' }).click();
    await chatLine(page, 'Live chat', 'a rude remark').waitFor({ state: 'detached' });
    await viewerSocket.waitFor((frame) => frame.type === 'deleted', 'deleted');

    await page.getByRole('button', { name: `Time out ${viewer.user.username} for 5 minutes` }).click();
    await chatLine(page, 'Live chat', 'another line from the viewer').waitFor({ state: 'detached' });
    await viewerSocket.waitFor((frame) => frame.type === 'restricted' && frame.userId === viewer.user.id, 'restricted');
    viewerSocket.send({ type: 'send', body: 'am I still here?', ref: 'v3' });
    const timedOut = await viewerSocket.waitFor((frame) => frame.ref === 'v3', 'answer');
    assert.equal(timedOut.code, 'TIMED_OUT');
    assert.ok(timedOut.retryAfterSeconds > 250 && timedOut.retryAfterSeconds <= 300);

    await page.getByRole('button', { name: `Ban ${other.user.username}` }).click();
    await chatLine(page, 'Live chat', 'spam spam spam').waitFor({ state: 'detached' });
    await otherSocket.waitFor((frame) => frame.type === 'restricted' && frame.until === null, 'banned');
    otherSocket.send({ type: 'send', body: 'let me back', ref: 'o2' });
    assert.equal((await otherSocket.waitFor((frame) => frame.ref === 'o2', 'answer')).code, 'BANNED');
    const bans = await t.platform.database.db.selectFrom('live_chat_bans').selectAll().execute();
    assert.deepEqual(
      bans.map((ban) => [ban.user_id, ban.until === null]).sort(),
      [
        [other.user.id, true],
        [viewer.user.id, false],
      ].sort(),
    );
    viewerSocket.close();
    otherSocket.close();
    assert.deepEqual(browser.pageErrors, []);
  });

  test('a premiere counts down, then plays from the wall clock', async () => {
    const [creator] = await createAccounts(t, 1, 'creator');
    const videoId = await playableVideo(creator!);
    const premiere = async (scheduledAt: Date) =>
      json(
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/live/premieres',
          headers: bearer(creator!.token),
          payload: { videoId, scheduledAt: scheduledAt.toISOString() },
        }),
      ).data;
    const upcoming = await premiere(new Date(Date.now() + 3600_000));
    const page = await browser.newPage();
    await page.goto(`/live/${upcoming.id}`);
    await page
      .getByRole('timer')
      .getByText(/Starts in 0:59:\d\d/)
      .waitFor();

    // Started 2 minutes ago: a viewer arriving now starts about 120 s in, not at 0.
    const started = await premiere(new Date(Date.now() - 120_000));
    await page.goto(`/live/${started.id}`);
    await page.getByTestId('premiere-badge').waitFor();
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 100, undefined, {
      timeout: 40_000,
    });
    const position = await page.evaluate(() => document.querySelector('video')!.currentTime);
    assert.ok(position >= 110 && position < 160, `started at the wall clock's position, got ${position}`);
    await screenshot(page, 'live-premiere-wall-clock');
    assert.deepEqual(browser.pageErrors, []);
  });

  test("a recorded stream's chat replays on the video's watch page at its offsets", async () => {
    const [creator] = await createAccounts(t, 1, 'creator');
    const [viewer] = await createAccounts(t, 1);
    const videoId = await playableVideo(creator!);
    const db = t.platform.database.db;
    const stream = await db
      .insertInto('live_streams')
      .values({
        channel_id: creator!.id,
        title: 'Recorded',
        status: 'ready',
        video_id: videoId,
        started_at: new Date(Date.now() - 3600_000),
        ended_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const message = (body: string, offsetMs: number, status: 'visible' | 'held' = 'visible') => ({
      stream_id: stream.id,
      author_id: viewer!.id,
      body,
      status,
      offset_ms: offsetMs,
    });
    await db
      .insertInto('live_chat_messages')
      .values([message('early hello', 500), message('held insult', 700, 'held'), message('at ninety seconds', 90_000)])
      .execute();

    const page = await browser.newPage();
    await page.goto(`/watch/${videoId}`);
    await page.locator('video').waitFor();
    await page.evaluate(
      () =>
        void document
          .querySelector('video')!
          .play()
          .catch(() => undefined),
    );
    await chatLine(page, 'Chat replay', 'early hello').waitFor({ timeout: 30_000 });
    assert.equal(await chatLine(page, 'Chat replay', 'at ninety seconds').count(), 0, 'not before its offset');
    assert.equal(await chatLine(page, 'Chat replay', 'held insult').count(), 0, 'held messages never replay');
    await page.evaluate(() => {
      document.querySelector('video')!.currentTime = 92;
    });
    await chatLine(page, 'Chat replay', 'at ninety seconds').waitFor({ timeout: 30_000 });
    await screenshot(page, 'watch-chat-replay');
    assert.deepEqual(browser.pageErrors, []);
  });
});
