// The scene the phone browser tests share: StreamHub with one processed 12 s clip (a description, a
// comment, the creator's own transcript and chapters) and an admin who follows its channel and keeps it in
// a playlist; and the two phones the pages are looked at on.
import { after, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachSource, createVideo, waitForOutcome } from '../../../src/modules/videos/video-test-support.ts';
import { bearer, json, registerUser } from '../../support/app.ts';
import { makeLandscapeClip } from '../../support/media-fixtures.ts';
import type { PhoneDevice } from './browser.ts';
import { startWebTestApp, type WebTestApp } from './web-app.ts';

export const PHONES: (PhoneDevice & { name: string })[] = [
  { name: 'phone-390', width: 390, height: 844, deviceScaleFactor: 3 },
  { name: 'phone-320', width: 320, height: 640, deviceScaleFactor: 2 },
];
export const TITLE = 'Pelicans gliding past the harbour wall';

export type Account = Awaited<ReturnType<typeof registerUser>>;

export interface PhoneScene {
  t: WebTestApp;
  /** The 12 s clip on disk, to upload again. */
  clip: string;
  /** The clip processed, titled TITLE. */
  videoId: string;
  playlistId: string;
  creator: Account;
  admin: Account;
}

async function furnish(t: WebTestApp, clip: string): Promise<PhoneScene> {
  const creator = await registerUser(t.app, { role: 'creator' });
  const video = await createVideo(t, creator.accessToken, {
    title: TITLE,
    description: 'Three pelicans ride the updraft along the wall.\nFilmed from the pier.',
  });
  await attachSource(t, video.id, clip);
  const ready = await waitForOutcome(t, creator.accessToken, video.id, 180_000);
  assert.equal(ready.status, 'ready', ready.failureReason);
  const videoId = video.id;

  // The signed-in visitor is an admin, so the Studio and the admin pages are theirs to open too.
  const admin = await registerUser(t.app);
  await t.platform.database.db.updateTable('users').set({ role: 'admin' }).where('id', '=', admin.user.id).execute();
  const api = async (url: string, payload: object = {}) => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: bearer(admin.accessToken),
      payload,
    });
    assert.ok(response.statusCode < 300, `${url}: ${response.statusCode} ${response.body}`);
    return json(response).data;
  };
  const playlistId = (await api('/playlists', { title: 'Birds by the sea' })).id;
  await api(`/playlists/${playlistId}/videos`, { videoId });
  await api(`/users/${creator.user.id}/subscribe`);
  // An upload of the admin's own still waiting for its file, so their Studio has a row with its buttons to
  // lay out (their token still says viewer, so it is written directly).
  await t.platform.database.db
    .insertInto('videos')
    .values({ creator_id: admin.user.id, title: 'A draft still waiting for its file', status: 'uploading' })
    .execute();
  await api('/comments', { videoId, text: 'The one in front never flaps once!' });
  // The creator's own transcript and chapters (the edit the Studio makes), so the AI sheets have content.
  const put = async (url: string, payload: object) => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/v1${url}`,
      headers: bearer(creator.accessToken),
      payload,
    });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
  };
  await put(`/videos/${videoId}/transcript`, {
    language: 'en',
    segments: [
      { startSeconds: 0, endSeconds: 5, text: 'Three pelicans come in low over the water.' },
      { startSeconds: 5, endSeconds: 12, text: 'They ride the updraft along the harbour wall.' },
    ],
  });
  await put(`/videos/${videoId}/insights`, {
    summary: 'Pelicans glide along a harbour wall.',
    keyPoints: [],
    chapters: [
      { title: 'Arrival', startSeconds: 0 },
      { title: 'Along the wall', startSeconds: 6 },
    ],
  });
  return { t, clip, videoId, playlistId, creator, admin };
}

/** One describe block around the scene, set once before its tests; `cases` reads it with scene() inside each test. */
export function describeOnPhone(title: string, cases: (scene: () => PhoneScene) => void): void {
  describe(title, () => {
    let t: WebTestApp | undefined;
    let fixtures: string;
    let current: PhoneScene | undefined;
    before(async () => {
      fixtures = await mkdtemp(join(tmpdir(), 'streamhub-e2e-mobile-'));
      let clip: string;
      [t, clip] = await Promise.all([startWebTestApp(), makeLandscapeClip(fixtures, 12)]);
      current = await furnish(t, clip);
    });
    after(async () => {
      await t?.close();
      await rm(fixtures, { recursive: true, force: true });
    });
    cases(() => {
      if (!current) throw new Error(`the phone scene for "${title}" is not set yet`);
      return current;
    });
  });
}
