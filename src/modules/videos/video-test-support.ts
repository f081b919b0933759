// Shared by the videos tests: accounts, videos with a source put straight into storage (the HTTP
// upload path is the uploads module's to test), and waiting on the pipeline through the API.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import type { DatabaseKind } from '../../platform/db/database.ts';
import { hashPassword } from '../../platform/security/passwords.ts';
import { userRepo } from '../users/repo.ts';
import { startWorkers } from '../../workers.ts';
import { videoKeys } from './storage-keys.ts';

export interface VideoTestApp extends TestApp {
  fixtures: string;
  creator: Awaited<ReturnType<typeof registerUser>>;
}

/** A test app with its job workers running in-process, a creator account and a fixtures folder. */
export async function startVideoTestApp(
  kind: DatabaseKind,
  env: Record<string, string> = {},
  withWorkers = true,
): Promise<VideoTestApp> {
  const t = await startTestApp(kind, env);
  if (withWorkers) startWorkers(t.platform, t.services);
  const fixtures = await mkdtemp(join(tmpdir(), 'streamhub-video-fixtures-'));
  const creator = await registerUser(t.app, { role: 'creator' });
  return {
    ...t,
    fixtures,
    creator,
    close: async () => {
      // t.close() closes the whole platform (workers included) before dropping the database.
      await t.close();
      await rm(fixtures, { recursive: true, force: true });
    },
  };
}

let admins = 0;
/** Admins cannot register themselves; create one in the database and log in. */
export async function adminToken(t: TestApp): Promise<string> {
  admins += 1;
  const name = `admin_${Date.now().toString(36)}_${admins}`;
  await userRepo.insert(t.platform.database.db, {
    username: name,
    email: `${name}@example.com`,
    passwordHash: await hashPassword('an admin passphrase 1'),
    role: 'admin',
  });
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: `${name}@example.com`, password: 'an admin passphrase 1' },
  });
  return json(login).data.accessToken as string;
}

export async function createVideo(
  t: TestApp,
  token: string,
  body: object = {},
): Promise<{ id: string; status: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/videos',
    headers: bearer(token),
    payload: { title: 'A test video', ...body },
  });
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.statusCode} ${response.body}`);
  return json(response).data.video;
}

/** What the uploads module does once the bytes are in: store the source, then hand over to processing. */
export async function attachSource(t: TestApp, videoId: string, path: string): Promise<void> {
  const key = videoKeys(videoId).source;
  await t.platform.storage.putFile(key, path);
  const { size } = await stat(path);
  await t.services.videos.markSourceUploaded(videoId, { sourceKey: key, sizeBytes: size, originalFilename: 'fixture' });
}

export async function getVideo(t: TestApp, token: string, id: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/videos/${id}`, headers: bearer(token) });
  if (response.statusCode !== 200) throw new Error(`get failed: ${response.statusCode} ${response.body}`);
  return json(response).data;
}

export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  timeoutMs = 60_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Polls the API until the video leaves 'uploading'/'processing'; returns it. */
export function waitForOutcome(t: TestApp, token: string, id: string, timeoutMs?: number) {
  return waitFor(
    `video ${id} to finish processing`,
    async () => {
      const video = await getVideo(t, token, id);
      return video.status === 'ready' || video.status === 'failed' ? video : undefined;
    },
    timeoutMs,
  );
}
