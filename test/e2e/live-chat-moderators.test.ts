// Chat moderators and the live player's latency switch in Chromium: on a phone, the creator adds a
// viewer as chat moderator in Studio → Live (an unknown username and a repeat are refused with a
// clear message); the moderator sees the moderation buttons in the live chat and deletes another
// viewer's message; the creator removes them, and after a reload their buttons are gone and a delete
// over the socket is refused. The live player's "Low latency" switch changes the delay it aims for
// and is remembered across reloads.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { liveHlsPrefix } from '../../src/modules/live/ingest/segment-publisher.ts';
import { TestChatClient } from '../../src/modules/live/live-test-support.ts';
import { ffmpegPath } from '../../src/platform/media/ffmpeg-binary.ts';
import { bearer, json, registerUser } from '../support/app.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { signInThroughUi } from './support/accounts.ts';
import { e2eDatabaseKind, screenshot, startWebTestApp, type WebTestApp } from './support/web-app.ts';

const PHONE = { name: 'phone-390', width: 390, height: 844 };
const SEGMENT_SECONDS = 2;

describe(`live chat moderators and the low-latency switch in Chromium on ${e2eDatabaseKind()}`, () => {
  let t: WebTestApp;
  let phone: TestBrowser;
  let desktop: TestBrowser;
  let hlsDir: string;

  before(async () => {
    t = await startWebTestApp({}, e2eDatabaseKind());
    [phone, desktop] = await Promise.all([launchBrowser(t.baseUrl, PHONE), launchBrowser(t.baseUrl)]);
    // 20 s of 2 s segments, listed without an end: hls.js takes it for a live stream's playlist.
    hlsDir = mkdtempSync(join(tmpdir(), 'live-latency-hls-'));
    const made = spawnSync(ffmpegPath(), [
      ...['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=10:duration=20'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '20', '-pix_fmt', 'yuv420p'],
      ...['-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_list_size', '0'],
      ...['-hls_segment_filename', join(hlsDir, 'seg_%03d.ts'), join(hlsDir, 'index.m3u8')],
    ]);
    assert.equal(made.status, 0, made.stderr.toString());
  });
  after(async () => {
    await phone?.close();
    await desktop?.close();
    await t?.close();
    if (hlsDir) rmSync(hlsDir, { recursive: true, force: true });
  });

  const chatLine = (page: Page, text: string) =>
    page.getByRole('complementary', { name: 'Live chat' }).locator('.chat-message', { hasText: text });
  const sendEnabled = (page: Page) =>
    page.getByRole('button', { name: 'Send' }).and(page.locator(':enabled')).waitFor();

  async function signedInSocket(streamId: string, token: string): Promise<TestChatClient> {
    const port = (t.app.server.address() as AddressInfo).port;
    const socket = new TestChatClient(`ws://127.0.0.1:${port}/api/v1/live/streams/${streamId}/chat`);
    await socket.waitFor((frame) => frame.type === 'ready', 'ready');
    socket.send({ type: 'auth', token });
    await socket.waitFor((frame) => frame.type === 'authenticated', 'authenticated');
    return socket;
  }
  const answer = (socket: TestChatClient, ref: string) =>
    socket.waitFor((frame) => frame.ref === ref && (frame.type === 'ack' || frame.type === 'error'), ref);

  test('the creator appoints a moderator in the Studio on a phone; once removed, their open page loses its buttons and deletes are refused', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const helper = await registerUser(t.app);
    const chatter = await registerUser(t.app);
    const stream = json(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/live/streams',
        headers: bearer(creator.accessToken),
        payload: { title: 'Moderated by a friend' },
      }),
    ).data;
    const chatterSocket = await signedInSocket(stream.id, chatter.accessToken);
    const post = async (body: string, ref: string) => {
      chatterSocket.send({ type: 'send', body, ref });
      return (await answer(chatterSocket, ref)).id as string;
    };

    // Studio → Live on a phone: clear refusals, then the helper by their @handle.
    const studio = await phone.newPage();
    await signInThroughUi(studio, creator, '/studio/live');
    const moderators = studio.getByRole('region', { name: 'Chat moderators' });
    await moderators.getByText('No chat moderators yet').waitFor();
    const username = moderators.getByLabel('Username');
    const add = moderators.getByRole('button', { name: 'Add moderator' });
    await username.fill('nobody_by_this_name');
    await add.tap();
    await moderators.getByRole('alert').filter({ hasText: 'No user is called "nobody_by_this_name"' }).waitFor();
    await username.fill(`@${helper.user.username}`);
    await add.tap();
    const removeHelper = moderators.getByRole('button', { name: `Remove ${helper.user.username} as chat moderator` });
    await removeHelper.waitFor();
    assert.equal(await username.inputValue(), '', 'the field is cleared for the next name');
    await username.fill(helper.user.username);
    await add.tap();
    await moderators
      .getByRole('alert')
      .filter({ hasText: `${helper.user.username} is already a chat moderator` })
      .waitFor();

    // Fits the phone: no sideways scrolling, and the Remove button is a finger's size.
    const layout = await studio.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    assert.ok(layout.scrollWidth <= layout.innerWidth, `the page is ${layout.scrollWidth} px wide on a 390 px phone`);
    const removeBox = (await removeHelper.boundingBox())!;
    assert.ok(removeBox.height >= 44 && removeBox.x + removeBox.width <= PHONE.width, JSON.stringify(removeBox));
    await moderators.scrollIntoViewIfNeeded();
    await screenshot(studio, 'studio-live-chat-moderators-phone', { fullPage: false, scale: 'css' });

    // The moderator, in the live chat: buttons on another viewer's message, and a delete that works.
    const room = await desktop.newPage();
    await signInThroughUi(room, helper, `/live/${stream.id}`);
    await sendEnabled(room);
    await post('please delete me', 'c1');
    const doomed = chatLine(room, 'please delete me');
    await doomed.getByRole('button', { name: 'Delete' }).click();
    await doomed.waitFor({ state: 'detached' });
    await chatterSocket.waitFor((frame) => frame.type === 'deleted', 'the deletion');

    // Removed in the Studio: the open chat page loses its buttons without a reload, and a delete is refused anyway.
    const kept = await post('this one stays', 'c2');
    const keptLine = chatLine(room, 'this one stays');
    await keptLine.getByRole('button', { name: 'Delete' }).waitFor();
    await removeHelper.tap();
    await removeHelper.waitFor({ state: 'detached' });
    await moderators.getByText('No chat moderators yet').waitFor();
    await keptLine.getByRole('button', { name: 'Delete' }).waitFor({ state: 'detached' });
    assert.equal(await keptLine.getByRole('button').count(), 0, 'no moderation buttons');
    // Appointed again: the buttons come back on the open page, then go again after a second removal.
    await username.fill(helper.user.username);
    await add.tap();
    await keptLine.getByRole('button', { name: 'Delete' }).waitFor();
    await removeHelper.tap();
    await keptLine.getByRole('button', { name: 'Delete' }).waitFor({ state: 'detached' });
    await room.reload();
    await sendEnabled(room);
    await chatLine(room, 'this one stays').waitFor();
    assert.equal(await chatLine(room, 'this one stays').getByRole('button').count(), 0, 'none after a reload either');
    const helperSocket = await signedInSocket(stream.id, helper.accessToken);
    helperSocket.send({ type: 'delete', messageId: kept, ref: 'h1' });
    assert.equal((await answer(helperSocket, 'h1')).code, 'FORBIDDEN');
    for (const socket of [chatterSocket, helperSocket]) socket.close();
    assert.deepEqual([...phone.pageErrors, ...desktop.pageErrors], []);
  });

  test('the Low latency switch makes the player aim closer to the live edge, and is remembered', async () => {
    const creator = await registerUser(t.app, { role: 'creator' });
    const stream = await t.platform.database.db
      .insertInto('live_streams')
      .values({ channel_id: creator.user.id, title: 'Latency', status: 'live', started_at: new Date() })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Published where the ingest would: a master playlist and its source rendition, with no end listed.
    const prefix = liveHlsPrefix(stream.id);
    for (const file of readdirSync(hlsDir).filter((name) => name.endsWith('.ts')))
      await t.platform.storage.putFile(`${prefix}/source/${file}`, join(hlsDir, file));
    const playlist = readFileSync(join(hlsDir, 'index.m3u8'), 'utf8').replace(
      /#EXT-X-(ENDLIST|PLAYLIST-TYPE:\w+)\n/g,
      '',
    );
    await t.platform.storage.putObject(`${prefix}/source/index.m3u8`, Buffer.from(playlist));
    await t.platform.storage.putObject(
      `${prefix}/master.m3u8`,
      Buffer.from(
        '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=200000,RESOLUTION=160x90,CODECS="avc1.42c00c"\nsource/index.m3u8\n',
      ),
    );

    const page = await desktop.newPage();
    await page.goto(`/live/${stream.id}`);
    const player = page.locator('.live-player');
    const delay = page.getByTestId('live-delay');
    const lowLatency = page.getByRole('checkbox', { name: 'Low latency' });
    // By default 3 segments behind the newest one.
    await player.and(page.locator('[data-latency-mode="standard"]')).waitFor({ timeout: 30_000 });
    await delay.getByText(`(aiming for ${3 * SEGMENT_SECONDS} s)`).waitFor({ timeout: 30_000 });
    assert.equal(await lowLatency.isChecked(), false);

    await lowLatency.check();
    await player.and(page.locator('[data-latency-mode="low"]')).waitFor();
    await delay.getByText(`(aiming for ${SEGMENT_SECONDS} s)`).waitFor({ timeout: 30_000 });
    await screenshot(page, 'live-player-low-latency');

    await page.reload();
    await delay.getByText(`(aiming for ${SEGMENT_SECONDS} s)`).waitFor({ timeout: 30_000 });
    assert.equal(await lowLatency.isChecked(), true, 'the choice is remembered');
    await lowLatency.uncheck();
    await delay.getByText(`(aiming for ${3 * SEGMENT_SECONDS} s)`).waitFor({ timeout: 30_000 });
    assert.deepEqual(desktop.pageErrors, []);
  });
});
