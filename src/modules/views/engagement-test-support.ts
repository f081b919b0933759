// Shared by the likes and views tests: ready videos without running the media pipeline (processing
// is tested in the videos module), many accounts at once, and flushing the hot counters on demand.
import { sql } from 'kysely';
import { bearer, type TestApp } from '../../../test/support/app.ts';
import { AccessTokenSigner } from '../../platform/security/jwt.ts';
import { createVideo } from '../videos/video-test-support.ts';

/** Creates a video through the API as `token`'s creator, then marks it ready straight in the database. */
export async function createReadyVideo(
  t: TestApp,
  token: string,
  options: { visibility?: string; durationSeconds?: number } = {},
): Promise<string> {
  const video = await createVideo(t, token, { visibility: options.visibility ?? 'public' });
  await sql`update videos set status = 'ready', duration_seconds = ${options.durationSeconds ?? 60} where id = ${video.id}`.execute(
    t.platform.database.db,
  );
  return video.id;
}

export async function deleteVideo(t: TestApp, token: string, videoId: string): Promise<void> {
  const response = await t.app.inject({ method: 'DELETE', url: `/api/v1/videos/${videoId}`, headers: bearer(token) });
  if (response.statusCode !== 204) throw new Error(`delete failed: ${response.statusCode} ${response.body}`);
}

/**
 * `count` viewer accounts inserted in one statement with access tokens signed directly: registering
 * hundreds through the API would spend the test's time hashing passwords.
 */
export async function insertViewers(t: TestApp, count: number): Promise<{ id: string; token: string }[]> {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const rows = await t.platform.database.db
    .insertInto('users')
    .values(
      Array.from({ length: count }, (_, n) => ({
        username: `v_${tag}_${n}`,
        email: `v_${tag}_${n}@example.com`,
        password_hash: 'not-a-login',
      })),
    )
    .returning('id')
    .execute();
  const signer = new AccessTokenSigner(t.platform.jwtSecret, t.platform.config.auth.accessTokenTtlSeconds);
  return Promise.all(
    rows.map(async ({ id }) => ({ id, token: (await signer.sign({ userId: id, role: 'viewer' })).token })),
  );
}

export function flushCounters(t: TestApp) {
  return t.services.engagementFlusher.flush();
}

export async function storedCounts(t: TestApp, videoId: string): Promise<{ like_count: number; view_count: number }> {
  return t.platform.database.db
    .selectFrom('videos')
    .select(['like_count', 'view_count'])
    .where('id', '=', videoId)
    .executeTakeFirstOrThrow();
}
