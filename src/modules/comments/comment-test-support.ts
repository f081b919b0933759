// Shared by the comments and moderation tests.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { bearer, json, registerUser, startTestApp, type TestApp } from '../../../test/support/app.ts';
import { testDatabaseKinds } from '../../../test/support/databases.ts';
import { adminToken } from '../videos/video-test-support.ts';

/** Posts a top-level comment and returns its id, failing the test on anything but 201. */
export async function postComment(t: TestApp, token: string, videoId: string, text: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/comments',
    headers: bearer(token),
    payload: { videoId, text },
  });
  assert.equal(response.statusCode, 201, response.body);
  return json(response).data.id as string;
}

export async function storedCommentCount(t: TestApp, videoId: string): Promise<number> {
  const row = await t.platform.database.db
    .selectFrom('videos')
    .select('comment_count')
    .where('id', '=', videoId)
    .executeTakeFirstOrThrow();
  return row.comment_count;
}

type Session = Awaited<ReturnType<typeof registerUser>>;

/** What every comments test gets: an app, three accounts and an admin, and request shorthands. */
export interface CommentsKit {
  t: TestApp;
  creator: Session;
  fan: Session;
  other: Session;
  admin: string;
  post(token: string, videoId: string, text: string): Promise<LightMyRequestResponse>;
  reply(token: string, commentId: string, text: string): Promise<LightMyRequestResponse>;
  get(url: string, token?: string): Promise<LightMyRequestResponse>;
  send(
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    token: string,
    payload?: object,
  ): Promise<LightMyRequestResponse>;
  commentId(token: string, videoId: string, text: string): Promise<string>;
  videoCounts(videoId: string): Promise<number>;
}

/** A describe block per database kind with a fresh app; `cases` reads the kit with kit() inside each test. */
export function describeComments(title: string, cases: (kit: () => CommentsKit) => void): void {
  for (const kind of testDatabaseKinds()) {
    describe(`${title} on ${kind}`, () => {
      let current: CommentsKit | undefined;
      before(async () => {
        const t = await startTestApp(kind, { COMMENT_RATE_PER_MINUTE: '100000', COMMENT_BURST: '100000' });
        const [creator, fan, other] = await Promise.all([
          registerUser(t.app, { role: 'creator' }),
          registerUser(t.app),
          registerUser(t.app),
        ]);
        current = {
          t,
          creator,
          fan,
          other,
          admin: await adminToken(t),
          post: (token, videoId, text) =>
            t.app.inject({
              method: 'POST',
              url: '/api/v1/comments',
              headers: bearer(token),
              payload: { videoId, text },
            }),
          reply: (token, commentId, text) =>
            t.app.inject({
              method: 'POST',
              url: `/api/v1/comments/${commentId}/reply`,
              headers: bearer(token),
              payload: { text },
            }),
          get: (url, token) => t.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} }),
          send: (method, url, token, payload) =>
            t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) }),
          commentId: (token, videoId, text) => postComment(t, token, videoId, text),
          videoCounts: (videoId) => storedCommentCount(t, videoId),
        };
      });
      after(async () => {
        await current?.t.close();
      });
      cases(() => {
        if (!current) throw new Error('the comments test app is not up yet');
        return current;
      });
    });
  }
}
