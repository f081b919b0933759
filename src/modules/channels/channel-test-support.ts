// Shared by the channel, subscription and playlist tests: many accounts cheaply, ready videos, terse requests.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, type TestApp } from '../../../test/support/app.ts';
import type { Role } from '../../platform/db/schema.ts';
import { AccessTokenSigner } from '../../platform/security/jwt.ts';
import { createVideo } from '../videos/video-test-support.ts';
import type { Visibility } from '../videos/tables.ts';

export interface TestAccount {
  id: string;
  token: string;
}

/**
 * Accounts straight in the database with signed access tokens: registration (and its deliberately
 * slow password hashing) is the auth module's to test; these tests need dozens of users.
 */
export async function createAccounts(t: TestApp, count: number, role: Role = 'viewer'): Promise<TestAccount[]> {
  const signer = new AccessTokenSigner(t.platform.jwtSecret, 3600);
  const rows = await t.platform.database.db
    .insertInto('users')
    .values(
      Array.from({ length: count }, () => {
        const name = `u_${randomUUID().slice(0, 12)}`;
        return { username: name, email: `${name}@example.com`, password_hash: 'unused', role };
      }),
    )
    .returning('id')
    .execute();
  return Promise.all(rows.map(async ({ id }) => ({ id, token: (await signer.sign({ userId: id, role })).token })));
}

/** A video as processing would leave it: created through the API, then marked ready (with optional views). */
export async function readyVideo(
  t: TestApp,
  creator: TestAccount,
  options: { visibility?: Visibility; views?: number } = {},
): Promise<string> {
  const video = await createVideo(t, creator.token, { visibility: options.visibility ?? 'public' });
  await t.platform.database.db
    .updateTable('videos')
    .set({ status: 'ready', view_count: options.views ?? 0 })
    .where('id', '=', video.id)
    .execute();
  return video.id;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One API call; `as` is the caller (anonymous when absent). */
export function call(
  t: TestApp,
  method: Method,
  url: string,
  as?: TestAccount,
  payload?: object,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url: `/api/v1${url}`,
    ...(as ? { headers: bearer(as.token) } : {}),
    ...(payload ? { payload } : {}),
  });
}
