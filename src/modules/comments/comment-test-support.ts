// Shared by the comments and moderation tests.
import assert from 'node:assert/strict';
import { bearer, json, type TestApp } from '../../../test/support/app.ts';

/** Posts a top-level comment and returns its id, failing the test on anything but 201. */
export async function postComment(t: TestApp, token: string, videoId: string, text: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/comments', headers: bearer(token), payload: { videoId, text } });
  assert.equal(response.statusCode, 201, response.body);
  return json(response).data.id as string;
}

export async function storedCommentCount(t: TestApp, videoId: string): Promise<number> {
  const row = await t.platform.database.db.selectFrom('videos').select('comment_count').where('id', '=', videoId).executeTakeFirstOrThrow();
  return row.comment_count;
}
